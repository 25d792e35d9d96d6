package org.swarmport.tracker.announce;

import java.util.List;
import java.util.function.Supplier;
import org.swarmport.tracker.stats.TrackerCounters;
import org.swarmport.tracker.stats.TrackerCounters.Protocol;

/**
 * The HTTP tracker's two answers, announce and scrape, with their counting: what both the
 * servlet and the I/O-thread fast path call, so they answer alike.
 */
public final class HttpTracker {

    private final AnnounceHandler announces;
    private final ScrapeHandler scrapes;
    private final TrackerCounters counters;
    private final boolean behindProxies;

    HttpTracker(AnnounceHandler announces, ScrapeHandler scrapes, TrackerCounters counters, boolean behindProxies) {
        this.announces = announces;
        this.scrapes = scrapes;
        this.counters = counters;
        this.behindProxies = behindProxies;
    }

    /**
     * The bencoded answer to {@code /announce} (when {@code announce}) or {@code /scrape}.
     * {@code forwardedFor} is asked only when trusted proxies are configured.
     */
    byte[] answer(boolean announce, String rawQuery, String remoteAddress, Supplier<List<String>> forwardedFor) {
        byte[] answer = announce
                ? announces.announce(rawQuery, remoteAddress, behindProxies ? forwardedFor.get() : List.of())
                : scrapes.scrape(rawQuery);
        if (AnnounceHandler.isFailure(answer)) {
            counters.failure(Protocol.HTTP);
        } else if (announce) {
            counters.announce(Protocol.HTTP);
        } else {
            counters.scrape(Protocol.HTTP);
        }
        return answer;
    }
}
