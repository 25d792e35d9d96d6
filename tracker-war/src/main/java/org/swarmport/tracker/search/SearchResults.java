package org.swarmport.tracker.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.swarmport.tracker.catalogue.Category;
import org.swarmport.tracker.catalogue.MagnetLink;

/** One page of hits, how many matched in all, and how many of those in each category. */
public record SearchResults(List<Hit> hits, long total, Map<String, Long> categories) {

    /**
     * @param magnet the same magnet link {@code GET /torrents/{id}} gives, so that a feed of hits
     *               needs no call per hit; null until {@link #withMagnets} (the index does not
     *               know the announce URL)
     */
    public record Hit(long id, String name, String infoHashV1, String infoHashV2, long size, Category category,
                      List<String> tags, Instant added, long seeders, long leechers, long completed, String magnet) {

        Hit withMagnet(String announceUrl) {
            return new Hit(id, name, infoHashV1, infoHashV2, size, category, tags, added, seeders, leechers, completed,
                    MagnetLink.of(infoHashV1, infoHashV2, name, announceUrl));
        }
    }

    /** These results with each hit's magnet link announcing to {@code announceUrl}. */
    public SearchResults withMagnets(String announceUrl) {
        return new SearchResults(hits.stream().map(hit -> hit.withMagnet(announceUrl)).toList(), total, categories);
    }
}
