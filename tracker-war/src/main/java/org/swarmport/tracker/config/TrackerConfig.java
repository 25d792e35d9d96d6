package org.swarmport.tracker.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.swarmport.db.InvalidSettingException;
import org.swarmport.db.Settings;
import org.swarmport.tracker.announce.TrustedProxies;

/**
 * The tracker's settings, read once when the war starts; a value that cannot be used stops
 * the deployment with a message naming the variable. The README's configuration table lists
 * them all.
 */
@ApplicationScoped
public class TrackerConfig {

    private final TrackerMode mode;
    private final int announceIntervalSeconds;
    private final TrustedProxies trustedProxies;
    private final boolean fullScrape;
    private final int fullScrapeIntervalSeconds;
    private final int countsFlushSeconds;

    public TrackerConfig() {
        this(Settings.fromSystem());
    }

    public TrackerConfig(Settings settings) {
        mode = settings.choice("SWARMPORT_TRACKER_MODE", TrackerMode.class, TrackerMode.REGISTERED);
        announceIntervalSeconds = settings.integer("SWARMPORT_ANNOUNCE_INTERVAL", 1800, 60, 86_400);
        String proxies = settings.raw(TrustedProxies.CONFIGURATION_KEY);
        try {
            trustedProxies = proxies == null ? TrustedProxies.none() : TrustedProxies.parse(proxies);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(TrustedProxies.CONFIGURATION_KEY,
                    "must list IP addresses or CIDR ranges; "
                            + e.getMessage().replace(TrustedProxies.CONFIGURATION_KEY + ": ", ""));
        }
        fullScrape = settings.flag("SWARMPORT_FULL_SCRAPE", false);
        fullScrapeIntervalSeconds = settings.integer("SWARMPORT_FULL_SCRAPE_INTERVAL", 300, 10, 86_400);
        countsFlushSeconds = settings.integer("SWARMPORT_COUNTS_FLUSH_INTERVAL", 30, 1, 3600);
    }

    /** Creating the bean when the war starts, not at the first announce, is the point. */
    void readAtStart(@Observes @Initialized(ApplicationScoped.class) Object warStarted) {
        // the constructor has read and checked every setting
    }

    public TrackerMode mode() {
        return mode;
    }

    /** {@code interval} of an announce answer, before jitter. */
    public int announceIntervalSeconds() {
        return announceIntervalSeconds;
    }

    /** {@code min interval}: clients must not announce more often than this. */
    public int minAnnounceIntervalSeconds() {
        return announceIntervalSeconds / 2;
    }

    /**
     * Peers silent for longer are forgotten: one and a half intervals, so a client whose
     * announce arrives late (jitter, a slow network) is not dropped, plus the jitter itself.
     */
    public int peerTimeoutMinutes() {
        return (announceIntervalSeconds * 3 / 2 + 59) / 60 + 5;
    }

    public TrustedProxies trustedProxies() {
        return trustedProxies;
    }

    /** Whether a scrape without info_hash answers for every swarm (BEP 48 calls it optional). */
    public boolean fullScrape() {
        return fullScrape;
    }

    /** A full scrape is built at most this often; requests in between get the last one. */
    public int fullScrapeIntervalSeconds() {
        return fullScrapeIntervalSeconds;
    }

    /** How often seeders, leechers and completed flow from the registry to the catalogue. */
    public int countsFlushSeconds() {
        return countsFlushSeconds;
    }
}
