package org.swarmport.tracker.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.swarmport.tracker.catalogue.Category;

/** One page of hits, how many matched in all, and how many of those in each category. */
public record SearchResults(List<Hit> hits, long total, Map<String, Long> categories) {

    public record Hit(long id, String name, String infoHashV1, String infoHashV2, long size, Category category,
                      List<String> tags, Instant added, long seeders, long leechers, long completed) {
    }
}
