package org.swarmport.tracker.announce;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.swarmport.tracker.swarm.SwarmCounts;
import org.swarmport.tracker.swarm.SwarmRegistry;

/**
 * The answer to a full scrape, built at most once per interval: a full scrape walks every
 * swarm, and answering each request anew would let any client make the tracker do that in a
 * loop. Between builds every request gets the same bytes.
 */
public final class FullScrape implements Supplier<byte[]> {

    private final SwarmRegistry registry;
    private final long intervalNanos;
    private final LongSupplier clock;
    private byte[] answer;
    private long builtAt;

    public FullScrape(SwarmRegistry registry, int intervalSeconds, LongSupplier nanoClock) {
        this.registry = registry;
        this.intervalNanos = intervalSeconds * 1_000_000_000L;
        this.clock = nanoClock;
    }

    @Override
    public synchronized byte[] get() {
        long now = clock.getAsLong();
        if (answer == null || now - builtAt >= intervalNanos) {
            answer = build();
            builtAt = now;
        }
        return answer;
    }

    private byte[] build() {
        Map<byte[], SwarmCounts> swarms = new TreeMap<>(Arrays::compareUnsigned);
        registry.forEachSwarm((hash, seeders, leechers, completed, completedIncrement) ->
                swarms.put(hash.clone(), new SwarmCounts(seeders, leechers, completed)));
        ScrapeResponse response = new ScrapeResponse(swarms.size());
        swarms.forEach(response::file);
        return response.toByteArray();
    }
}
