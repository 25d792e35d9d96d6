package org.swarmport.peer.discovery;

import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Consumer;
import java.util.logging.Logger;

import org.swarmport.peer.tracker.TrackerClient;
import org.swarmport.peer.tracker.TrackerSettings;
import org.swarmport.peer.tracker.TrackerTiers;

/**
 * The built-in {@link PeerSourceProvider}: a {@link TrackerPeerSource} for every torrent that
 * has trackers. The no-argument constructor (what {@link java.util.ServiceLoader} calls) shares
 * one small pool of daemon threads and one {@link HttpClient} among all torrents; the other
 * lets an embedding program or a test choose them.
 */
public final class TrackerPeerSourceProvider implements PeerSourceProvider {

    /** Floor under any tracker's interval: a minute, so that a broken tracker cannot make us hammer it. */
    public static final Duration MINIMUM_INTERVAL = Duration.ofMinutes(1);
    public static final Duration RETRY_BASE = Duration.ofSeconds(30);

    private static final Logger LOG = Logger.getLogger(TrackerPeerSource.class.getName());

    private final TrackerSettings settings;
    private final HttpClient http;
    private final ScheduledExecutorService executor;
    private final Duration minimumInterval;
    private final Duration retryBase;
    private final Consumer<String> log;
    private final SecureRandom random = new SecureRandom();

    public TrackerPeerSourceProvider() {
        this(TrackerSettings.DEFAULT, Shared.HTTP, Shared.EXECUTOR, MINIMUM_INTERVAL, RETRY_BASE, LOG::info);
    }

    public TrackerPeerSourceProvider(TrackerSettings settings, HttpClient http, ScheduledExecutorService executor,
                                     Duration minimumInterval, Duration retryBase, Consumer<String> log) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = Objects.requireNonNull(http, "http");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.minimumInterval = Objects.requireNonNull(minimumInterval, "minimumInterval");
        this.retryBase = Objects.requireNonNull(retryBase, "retryBase");
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public String name() {
        return "tracker";
    }

    @Override
    public Optional<PeerSource> open(PeerSourceContext torrent) {
        TrackerTiers tiers = new TrackerTiers(torrent.trackerTiers(), random);
        if (tiers.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TrackerPeerSource(torrent, tiers, executor,
                url -> TrackerClient.open(url, http, settings), minimumInterval, retryBase, random.nextInt(), log));
    }

    /** Created on first use of the no-argument constructor only. */
    private static final class Shared {
        static final HttpClient HTTP = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(15))
                .build();
        static final ScheduledExecutorService EXECUTOR = executor();

        private static ScheduledExecutorService executor() {
            ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(4, runnable -> {
                Thread thread = new Thread(runnable, "swarmport-tracker");
                thread.setDaemon(true);
                return thread;
            });
            pool.setRemoveOnCancelPolicy(true);
            return pool;
        }
    }
}
