package org.swarmport.portal.tracker;

import java.util.List;
import java.util.Map;

/**
 * One page of hits, how many matched in all, and how many of those in each category (keyed by
 * the Torznab id as text, {@code "2000"}).
 */
public record SearchResults(List<SearchHit> hits, long total, Map<String, Long> categories) {

    public SearchResults {
        hits = hits == null ? List.of() : List.copyOf(hits);
        categories = categories == null ? Map.of() : Map.copyOf(categories);
    }
}
