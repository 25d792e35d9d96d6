package org.swarmport.tracker.stats;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests the JSON API answered since the tracker started, per resource ({@code search},
 * {@code torrents}, …): what the portal costs the tracker, and how a test sees that a feed
 * makes one call, not one per item. Keyed by the matched resource's own path, so the set of
 * keys is fixed by the code, never by what clients ask for.
 */
@ApplicationScoped
public class ApiRequests {

    private final Map<String, LongAdder> perResource = new ConcurrentHashMap<>();

    void count(String resource) {
        perResource.computeIfAbsent(resource, r -> new LongAdder()).increment();
    }

    /** Counts so far, by resource name in order. */
    public SortedMap<String, Long> counts() {
        SortedMap<String, Long> counts = new TreeMap<>();
        perResource.forEach((resource, adder) -> counts.put(resource, adder.sum()));
        return counts;
    }
}
