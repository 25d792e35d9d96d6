package org.swarmport.tracker.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import org.swarmport.clientaddress.IpLiteral;
import org.swarmport.clientaddress.TrustedProxies;
import org.swarmport.db.InvalidSettingException;
import org.swarmport.db.Settings;

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
    private final InetAddress listenAddress;
    private final int httpPort;
    private final int udpPort;
    private final int httpThreads;
    private final URI announceUrl;
    private final String serviceToken;
    private final Path dataDirectory;

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
                    "must list IP addresses or CIDR ranges; " + e.getMessage());
        }
        fullScrape = settings.flag("SWARMPORT_FULL_SCRAPE", false);
        fullScrapeIntervalSeconds = settings.integer("SWARMPORT_FULL_SCRAPE_INTERVAL", 300, 10, 86_400);
        countsFlushSeconds = settings.integer("SWARMPORT_COUNTS_FLUSH_INTERVAL", 30, 1, 3600);
        listenAddress = address(settings, "SWARMPORT_TRACKER_ADDRESS",
                System.getProperty("jboss.bind.address", "127.0.0.1"));
        httpPort = settings.integer("SWARMPORT_TRACKER_HTTP_PORT", 6969, 0, 65_535);
        udpPort = settings.integer("SWARMPORT_UDP_PORT", 6969, 0, 65_535);
        httpThreads = settings.integer("SWARMPORT_TRACKER_HTTP_THREADS",
                Math.min(Runtime.getRuntime().availableProcessors(), 8), 1, 64);
        announceUrl = settings.httpUrl("SWARMPORT_ANNOUNCE_URL", httpPort == 0
                ? "http://localhost:8080/tracker/announce" : "http://localhost:" + httpPort + "/announce");
        serviceToken = serviceToken(settings);
        // configure.cli sets swarmport.data.dir from SWARMPORT_DATA_DIR, so Settings finds it either way.
        dataDirectory = Path.of(settings.string("SWARMPORT_DATA_DIR",
                System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir")) + "/swarmport"));
    }

    /**
     * A secret: too short to withstand guessing is refused, and the message never quotes it
     * (Settings would quote the first 40 characters of a bad value).
     */
    private static String serviceToken(Settings settings) {
        String token = settings.raw("SWARMPORT_SERVICE_TOKEN");
        if (token == null) {
            return null;
        }
        if (token.length() < 16 || token.length() > 512 || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidSettingException("SWARMPORT_SERVICE_TOKEN",
                    "must be 16 to 512 printable ASCII characters without spaces (the value is not shown)");
        }
        return token;
    }

    /** An IP literal only: a host name would mean a DNS lookup at start and an ambiguous bind. */
    private static InetAddress address(Settings settings, String variable, String defaultValue) {
        String value = settings.string(variable, defaultValue).trim();
        byte[] literal = IpLiteral.parse(value);
        if (literal == null) {
            throw new InvalidSettingException(variable,
                    "must be an IP address such as 0.0.0.0, :: or 127.0.0.1, got '" + value + "'");
        }
        try {
            return InetAddress.getByAddress(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
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

    /**
     * Where the tracker's own listeners (the HTTP announce port and the UDP tracker) bind:
     * WildFly's public address ({@code -b}, loopback by default) unless set, so a fresh
     * install is reachable from outside only when the operator says so.
     */
    public InetAddress listenAddress() {
        return listenAddress;
    }

    /** The tracker's own HTTP announce listener ({@code http://host:port/announce}); 0 turns it off. */
    public int httpPort() {
        return httpPort;
    }

    /**
     * Event loops of the own HTTP port, each a thread with its own listening socket: one per
     * core (at most 8) unless set.
     */
    public int httpThreads() {
        return httpThreads;
    }

    /** The UDP tracker (BEP 15); 0 turns it off. */
    public int udpPort() {
        return udpPort;
    }

    /**
     * The announce URL this tracker hands out in magnet links and served .torrent files: the
     * own HTTP port on localhost unless set, which only a machine's own clients reach.
     */
    public URI announceUrl() {
        return announceUrl;
    }

    /** {@code SWARMPORT_SERVICE_TOKEN}, the bearer token of the write API; null when not set (one is generated). */
    public String serviceToken() {
        return serviceToken;
    }

    /** Swarmport's own data ({@code SWARMPORT_DATA_DIR}, the system property {@code swarmport.data.dir}). */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** How often seeders, leechers and completed flow from the registry to the catalogue. */
    public int countsFlushSeconds() {
        return countsFlushSeconds;
    }
}
