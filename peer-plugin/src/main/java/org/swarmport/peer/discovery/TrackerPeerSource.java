package org.swarmport.peer.discovery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.swarmport.peer.metainfo.InfoHash;
import org.swarmport.peer.tracker.AnnounceEvent;
import org.swarmport.peer.tracker.AnnounceRequest;
import org.swarmport.peer.tracker.AnnounceResponse;
import org.swarmport.peer.tracker.TrackerClient;
import org.swarmport.peer.tracker.TrackerException;
import org.swarmport.peer.tracker.TrackerTiers;

/**
 * A torrent's trackers as a {@link PeerSource}: announces through the BEP 12 tiers on a shared
 * executor, {@code started} first, then every {@code interval} the tracker asks for (never less
 * than its {@code min interval} nor than our floor), {@code completed} when told, {@code
 * stopped} when closed. Each of the torrent's info-hashes is announced (a hybrid torrent's v2
 * hash truncated, BEP 52), so that v1-only and v2-aware peers both find us. When every tracker
 * fails, it tries again after a delay that doubles up to the floor's 30-fold.
 */
public final class TrackerPeerSource implements PeerSource {

    /** Peers asked for in a regular announce: what most clients ask for, and trackers' default. */
    public static final int NUM_WANT = 50;

    /** Makes the client of one URL; the source caches and closes what it makes. */
    @FunctionalInterface
    public interface ClientFactory {
        TrackerClient open(String url) throws TrackerException;
    }

    private final PeerSourceContext torrent;
    private final TrackerTiers tiers;
    private final ScheduledExecutorService executor;
    private final ClientFactory factory;
    private final Duration minimumInterval;
    private final Duration retryBase;
    private final Consumer<String> log;
    private final int key;
    private final Map<String, TrackerClient> clients = new HashMap<>();
    private final Object roundLock = new Object();

    private boolean started;
    private boolean startedAcknowledged;
    private boolean completedPending;
    /** A round is announcing; {@link #next} is the future running it, not a pending one. */
    private boolean running;
    private boolean closed;
    private int failures;
    private ScheduledFuture<?> next;

    /**
     * @param minimumInterval the least time between two regular announces, whatever a tracker says
     * @param retryBase       the first delay after a round in which every tracker failed
     * @param log             receives one line per failed round (the last tracker's message)
     */
    public TrackerPeerSource(PeerSourceContext torrent, TrackerTiers tiers, ScheduledExecutorService executor,
                             ClientFactory factory, Duration minimumInterval, Duration retryBase, int key,
                             Consumer<String> log) {
        this.torrent = torrent;
        this.tiers = tiers;
        this.executor = executor;
        this.factory = factory;
        this.minimumInterval = minimumInterval;
        this.retryBase = retryBase;
        this.key = key;
        this.log = log;
    }

    @Override
    public String name() {
        return "tracker";
    }

    @Override
    public synchronized void start() {
        if (started || closed) {
            return;
        }
        started = true;
        schedule(Duration.ZERO);
    }

    @Override
    public synchronized void completed() {
        if (closed || completedPending) {
            return;
        }
        completedPending = true;
        // A round in progress schedules the completed announce itself when it ends.
        if (started && !running) {
            reschedule(Duration.ZERO);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (next != null) {
                next.cancel(false);
            }
        }
        // After any round in flight, so that a started it is still sending is followed by stopped.
        Runnable stop = () -> {
            synchronized (roundLock) {
                boolean sendStopped;
                synchronized (this) {
                    sendStopped = startedAcknowledged;
                }
                if (sendStopped) {
                    announceAll(AnnounceEvent.STOPPED);
                }
                closeClients();
            }
        };
        try {
            executor.execute(stop);
        } catch (RejectedExecutionException shutDown) {
            closeClients();
        }
    }

    /** One regular round; schedules the next. Rounds and the final stopped never overlap. */
    private void round() {
        synchronized (roundLock) {
            AnnounceEvent event;
            synchronized (this) {
                if (closed) {
                    return;
                }
                running = true;
                event = !startedAcknowledged ? AnnounceEvent.STARTED
                        : completedPending ? AnnounceEvent.COMPLETED : AnnounceEvent.NONE;
            }
            Duration interval = announceAll(event);
            synchronized (this) {
                running = false;
                if (interval == null) {
                    failures++;
                    long factor = 1L << Math.min(failures - 1, 5);
                    schedule(retryBase.multipliedBy(Math.min(factor, 30)));
                    return;
                }
                failures = 0;
                startedAcknowledged = true;
                if (event == AnnounceEvent.COMPLETED) {
                    completedPending = false;
                }
                schedule(completedPending ? Duration.ZERO : interval);
            }
        }
    }

    /**
     * Announces every info-hash once through the tiers; answers the interval to wait (the
     * longest asked, floored), or null when no hash got an answer.
     */
    private Duration announceAll(AnnounceEvent event) {
        TransferTotals totals = torrent.totals().get();
        Duration wait = null;
        for (InfoHash hash : torrent.infoHashes()) {
            AnnounceRequest request = new AnnounceRequest(hash, torrent.peerId(), torrent.port(), totals.uploaded(),
                    totals.downloaded(), totals.left(), event, event == AnnounceEvent.STOPPED ? 0 : NUM_WANT, key);
            try {
                AnnounceResponse response = tiers.firstAnswer(url -> client(url).announce(request));
                if (!response.peers().isEmpty() && event != AnnounceEvent.STOPPED) {
                    torrent.sink().peersFound(name(), response.peers());
                }
                Duration asked = max(response.interval(), response.minInterval());
                wait = max(wait == null ? asked : max(wait, asked), minimumInterval);
            } catch (TrackerException e) {
                log.accept("announce " + event + " of " + hash + " failed: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return wait;
    }

    private TrackerClient client(String url) throws TrackerException {
        synchronized (clients) {
            TrackerClient client = clients.get(url);
            if (client == null) {
                client = factory.open(url);
                clients.put(url, client);
            }
            return client;
        }
    }

    private void closeClients() {
        List<TrackerClient> open;
        synchronized (clients) {
            open = new ArrayList<>(clients.values());
            clients.clear();
        }
        open.forEach(TrackerClient::close);
    }

    private void schedule(Duration delay) {
        if (closed) {
            return;
        }
        try {
            next = executor.schedule(this::round, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shutDown) {
            log.accept("tracker executor is shut down; no more announces");
        }
    }

    /** Moves the pending round to {@code delay} from now; only called while no round runs. */
    private void reschedule(Duration delay) {
        if (next != null && next.cancel(false)) {
            schedule(delay);
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
