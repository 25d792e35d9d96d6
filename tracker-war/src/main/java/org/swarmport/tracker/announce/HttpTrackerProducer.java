package org.swarmport.tracker.announce;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.concurrent.ThreadLocalRandom;
import org.swarmport.tracker.catalogue.KnownTorrents;
import org.swarmport.tracker.config.TrackerConfig;
import org.swarmport.tracker.stats.TrackerCounters;
import org.swarmport.tracker.swarm.Swarms;

/**
 * The war's one {@link HttpTracker}, shared by the servlet, the I/O-thread answers and the
 * tracker's own HTTP port, so all three answer alike and share one full-scrape cache.
 */
@ApplicationScoped
public class HttpTrackerProducer {

    /** {@code @Singleton}, not a normal scope: the tracker is final and needs no proxy. */
    @Produces
    @Singleton
    HttpTracker tracker(Swarms swarms, KnownTorrents catalogue, TrackerConfig config, TrackerCounters counters) {
        FullScrape fullScrape = config.fullScrape()
                ? new FullScrape(swarms.registry(), config.fullScrapeIntervalSeconds(), System::nanoTime) : null;
        return new HttpTracker(
                new AnnounceHandler(swarms.registry(), catalogue, config.mode(),
                        new ClientAddressResolver(config.trustedProxies()),
                        config.announceIntervalSeconds(), config.minAnnounceIntervalSeconds(), ThreadLocalRandom::current),
                new ScrapeHandler(swarms.registry(), catalogue, config.mode(), fullScrape),
                counters, !config.trustedProxies().isEmpty());
    }
}
