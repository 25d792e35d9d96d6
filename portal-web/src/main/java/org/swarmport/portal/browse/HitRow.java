package org.swarmport.portal.browse;

import java.util.List;
import org.swarmport.portal.tracker.SearchHit;

/**
 * One row of a table of torrents ({@code WEB-INF/includes/hits.xhtml}) as the page writes it:
 * sizes and dates already in words, every cell a bean property. EL resolves a property from a
 * per-class cache, but finds a method called with {@code ()} (a record's accessor, or
 * {@code #{format.sizeOf(…)}}) by copying the class's public methods on every call: with ten
 * such calls per row that was a fifth of the search page's rendering (bench/portal, JFR).
 */
public final class HitRow {

    private final SearchHit hit;
    private final String size;
    private final String added;

    private HitRow(SearchHit hit) {
        this.hit = hit;
        this.size = Formats.size(hit.size());
        this.added = Formats.date(hit.added());
    }

    public static List<HitRow> of(List<SearchHit> hits) {
        return hits.stream().map(HitRow::new).toList();
    }

    public long getId() {
        return hit.id();
    }

    public String getName() {
        return hit.name();
    }

    /** The category's name, empty when the torrent has none. */
    public String getCategory() {
        return hit.category() == null ? "" : hit.category().name();
    }

    public String getSize() {
        return size;
    }

    public long getSeeders() {
        return hit.seeders();
    }

    public long getLeechers() {
        return hit.leechers();
    }

    /** ISO-8601, for {@code <time datetime>}; empty when unknown. */
    public String getAddedIso() {
        return hit.added() == null ? "" : hit.added().toString();
    }

    public String getAdded() {
        return added;
    }
}
