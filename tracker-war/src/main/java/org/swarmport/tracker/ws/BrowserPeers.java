package org.swarmport.tracker.ws;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.swarmport.tracker.catalogue.KnownTorrents;
import org.swarmport.tracker.config.TrackerConfig;
import org.swarmport.tracker.stats.TrackerCounters;
import org.swarmport.tracker.swarm.SwarmCounts;
import org.swarmport.tracker.swarm.SwarmCountsSink;
import org.swarmport.tracker.swarm.SwarmRegistry;
import org.swarmport.tracker.swarm.Swarms;

/**
 * The tracker's browser (WebTorrent) peers: the signalling swarms behind
 * {@link WsTrackerEndpoint}, their upkeep, and their counts for whoever adds up a torrent's
 * numbers (stats, metrics, the catalogue's counts).
 */
@ApplicationScoped
public class BrowserPeers {

    static final long EXPIRY_SECONDS = 60;
    private static final Logger LOG = Logger.getLogger(BrowserPeers.class.getName());

    @Inject
    Swarms swarms;

    @Inject
    KnownTorrents catalogue;

    @Inject
    TrackerConfig config;

    @Inject
    TrackerCounters counters;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final SignallingSwarms browsers = new SignallingSwarms();
    private final ConnectionsPerAddress connections = new ConnectionsPerAddress(WsLimits.DEFAULT.maxConnectionsPerAddress());
    private WsTracker tracker;
    private ScheduledFuture<?> expiry;

    void start(@Observes @Initialized(ApplicationScoped.class) Object warStarted) {
        expiry = scheduler.scheduleWithFixedDelay(this::expire, EXPIRY_SECONDS, EXPIRY_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (expiry != null) {
            expiry.cancel(false);
        }
    }

    @PostConstruct
    void build() {
        tracker = new WsTracker(browsers, swarms.registry(), catalogue, config.mode(), counters,
                WsLimits.DEFAULT, () -> System.nanoTime() / 1_000_000, ThreadLocalRandom::current);
    }

    WsTracker tracker() {
        return tracker;
    }

    ConnectionsPerAddress connections() {
        return connections;
    }

    /** Browser peers of one swarm; zeros when none. */
    public SwarmCounts counts(byte[] swarmHash) {
        return browsers.counts(swarmHash);
    }

    /** As {@link SwarmRegistry#drainChanged}, for the browser peers' counts alone. */
    public void drainChanged(SwarmCountsSink sink) {
        browsers.drainChanged(sink);
    }

    public BrowserTotals totals() {
        long[] sums = new long[4];
        SwarmRegistry registry = swarms.registry();
        browsers.forEachSwarm((hash, seeders, leechers, completed, increment) -> {
            sums[0]++;
            if (registry.scrape(hash).filter(counts -> counts.seeders() + counts.leechers() > 0).isEmpty()) {
                sums[1]++;
            }
            sums[2] += seeders;
            sums[3] += leechers;
        });
        return new BrowserTotals(sums[0], sums[1], sums[2], sums[3]);
    }

    private void expire() {
        int removed = tracker.expire();
        if (removed > 0) {
            LOG.fine(() -> "forgot " + removed + " silent browser peers");
        }
    }
}
