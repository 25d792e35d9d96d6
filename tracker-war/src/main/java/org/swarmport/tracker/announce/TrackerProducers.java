package org.swarmport.tracker.announce;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.concurrent.ThreadLocalRandom;
import org.swarmport.clientaddress.ClientAddressResolver;
import org.swarmport.tracker.catalogue.KnownTorrents;
import org.swarmport.tracker.config.TrackerConfig;
import org.swarmport.tracker.stats.TrackerCounters;
import org.swarmport.tracker.swarm.Swarms;
import org.swarmport.tracker.ws.BrowserPeers;

/**
 * The war's announce machinery, made once from the settings: the rules every protocol shares
 * ({@link SwarmAdmission}, {@link Announcer}, which counts browser peers in) and the one
 * {@link HttpTracker} the servlet, the I/O-thread answers and the own HTTP port share, with
 * one full-scrape cache. {@code @Singleton}, not a normal scope: these are final classes
 * that need no proxy.
 */
@ApplicationScoped
public class TrackerProducers {

    @Produces
    @Singleton
    SwarmAdmission admission(KnownTorrents catalogue, TrackerConfig config) {
        return new SwarmAdmission(catalogue, config.mode());
    }

    @Produces
    @Singleton
    Announcer announcer(Swarms swarms, SwarmAdmission admission, BrowserPeers browsers, TrackerConfig config) {
        return new Announcer(swarms.registry(), admission, browsers::counts, config.announceIntervalSeconds(),
                config.minAnnounceIntervalSeconds(), ThreadLocalRandom::current);
    }

    @Produces
    @Singleton
    HttpTracker tracker(Swarms swarms, SwarmAdmission admission, Announcer announcer, BrowserPeers browsers,
            TrackerConfig config, TrackerCounters counters) {
        FullScrape fullScrape = config.fullScrape()
                ? new FullScrape(swarms.registry(), config.fullScrapeIntervalSeconds(), System::nanoTime) : null;
        return new HttpTracker(
                new AnnounceHandler(announcer, new ClientAddressResolver(config.trustedProxies())),
                new ScrapeHandler(swarms.registry(), admission, browsers::counts, fullScrape),
                counters, !config.trustedProxies().isEmpty());
    }
}
