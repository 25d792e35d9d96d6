package org.swarmport.peer.session;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.swarmport.peer.metainfo.InfoHash;
import org.swarmport.peer.metainfo.Metainfo;

/**
 * One torrent in a {@link Client}: what it is, how far it got, how fast it moves, who it talks
 * to, and what happens to it ({@link #addListener}). Figures are snapshots the network thread
 * refreshes four times a second; reading them never blocks. Thread-safe.
 */
public final class TorrentHandle {

    private final TorrentSession session;
    private final InfoHash infoHash;
    private final List<TorrentListener> listeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> completion = new CompletableFuture<>();
    private final CompletableFuture<Metainfo> metadata = new CompletableFuture<>();

    volatile TorrentState state;
    volatile long bytesDone;
    volatile long bytesWanted;
    volatile long downloaded;
    volatile long uploaded;
    volatile double downloadRate;
    volatile double uploadRate;
    volatile List<PeerInfo> peers = List.of();
    volatile List<WebSeedInfo> webSeeds = List.of();
    volatile String error;

    TorrentHandle(TorrentSession session, InfoHash infoHash, TorrentState state) {
        this.session = session;
        this.infoHash = infoHash;
        this.state = state;
    }

    /** The info-hash the torrent was added by: v1 where it has one (it is what peers use), else v2. */
    public InfoHash infoHash() {
        return infoHash;
    }

    /** The metainfo; empty for a magnet link until {@link TorrentEvent.MetadataReceived}. */
    public Optional<Metainfo> metainfo() {
        return Optional.ofNullable(metadata.getNow(null));
    }

    public TorrentState state() {
        return state;
    }

    /** Verified bytes of wanted files over wanted bytes, 0 to 1; 0 while the size is unknown. */
    public double progress() {
        long wanted = bytesWanted;
        return wanted == 0 ? (state == TorrentState.SEEDING ? 1 : 0) : Math.min(1.0, (double) bytesDone / wanted);
    }

    /** Bytes of wanted pieces verified. */
    public long bytesDone() {
        return bytesDone;
    }

    /** Bytes of wanted pieces in all. */
    public long bytesWanted() {
        return bytesWanted;
    }

    /** Payload bytes received from peers (including data later found bad). */
    public long downloaded() {
        return downloaded;
    }

    /** Payload bytes sent to peers. */
    public long uploaded() {
        return uploaded;
    }

    /** Bytes per second received, over the last few seconds. */
    public double downloadRate() {
        return downloadRate;
    }

    /** Bytes per second sent, over the last few seconds. */
    public double uploadRate() {
        return uploadRate;
    }

    /** The peers connected now. */
    public List<PeerInfo> peers() {
        return peers;
    }

    /** The torrent's web seeds (BEP 19) with their rates and errors; empty until its storage is open. */
    public List<WebSeedInfo> webSeeds() {
        return webSeeds;
    }

    /** Why the torrent is in {@link TorrentState#ERROR}. */
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    /** Adds a listener for this torrent's events (called on the network thread). */
    public void addListener(TorrentListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(TorrentListener listener) {
        listeners.remove(listener);
    }

    /** Connects to {@code peer} (a peer learnt elsewhere, or for tests); ignored when already connected or banned. */
    public void connect(InetSocketAddress peer) {
        session.addPeer(Objects.requireNonNull(peer, "peer"));
    }

    /**
     * Waits until every wanted piece is verified. Answers false on timeout.
     *
     * @throws IllegalStateException when the torrent stops with an error first
     */
    public boolean awaitCompletion(Duration timeout) throws InterruptedException {
        return await(completion, timeout);
    }

    /** Waits for a magnet link's metadata; answers false on timeout. */
    public boolean awaitMetadata(Duration timeout) throws InterruptedException {
        return await(metadata, timeout);
    }

    private static boolean await(CompletableFuture<?> future, Duration timeout) throws InterruptedException {
        try {
            future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }

    /** Stops the torrent and removes it from the client; its files stay. */
    public void remove() {
        session.remove();
    }

    void emit(TorrentEvent event) {
        if (event instanceof TorrentEvent.Completed) {
            completion.complete(null);
        } else if (event instanceof TorrentEvent.MetadataReceived received) {
            metadata.complete(received.metainfo());
        } else if (event instanceof TorrentEvent.Error failure) {
            error = failure.message();
            completion.completeExceptionally(new IllegalStateException(failure.message()));
            metadata.completeExceptionally(new IllegalStateException(failure.message()));
        }
        for (TorrentListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                java.util.logging.Logger.getLogger(TorrentHandle.class.getName())
                        .log(java.util.logging.Level.WARNING, "torrent listener failed", e);
            }
        }
    }

    void metadataKnown(Metainfo metainfo) {
        metadata.complete(metainfo);
    }

    /** The engine's inner state of this torrent, for failure messages and bug reports. */
    public String diagnostics() {
        return session.diagnostics();
    }

    @Override
    public String toString() {
        return "TorrentHandle[" + infoHash.hex() + ", " + state + ", " + Math.round(progress() * 1000) / 10.0 + "%]";
    }
}
