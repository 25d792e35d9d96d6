package org.swarmport.peer.session;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.swarmport.peer.crypto.EncryptionPolicy;
import org.swarmport.peer.magnet.MagnetLink;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.storage.StorageOptions;

/**
 * A BitTorrent client an application embeds: one listening port, one network thread, a small
 * disk pool, and any number of torrents, each reached through its {@link TorrentHandle}.
 *
 * <pre>{@code
 * try (Client client = Client.builder().listenPort(6881).build().start()) {
 *     TorrentHandle torrent = client.add(MetainfoParser.parse(bytes), Path.of("downloads"));
 *     torrent.addListener(event -> System.out.println(event));
 *     torrent.awaitCompletion(Duration.ofHours(1));
 * }
 * }</pre>
 *
 * <p>Adding a torrent whose data is complete on disk seeds it. Peers come from the torrent's
 * trackers and from peers we meet (PEX), or are given with {@link TorrentHandle#connect}.
 * Thread-safe: every method may be called from any thread; work happens on the client's own
 * threads, and listeners are called on the network thread.
 */
public final class Client implements AutoCloseable {

    /**
     * How the client runs; see {@link Builder} for the defaults.
     *
     * @param bindAddress        the address to listen on (all interfaces by default)
     * @param listenPort         the TCP port for incoming peers; 0 picks a free one
     * @param maxPeersPerTorrent connections kept per torrent
     * @param uploadSlots        peers unchoked at once by tit-for-tat, plus one optimistic unchoke
     * @param diskThreads        threads that hash pieces and read uploads (one more thread writes verified pieces)
     * @param encryption         message stream encryption (MSE/PE) for outgoing and incoming connections
     * @param storage            how torrents' storage opens: provider (files by default), resume, open files
     * @param requestTimeout     how long a peer may sit on a block request before it is asked elsewhere
     * @param resumeInterval     how often resume data is saved while a torrent runs (also at completion and stop)
     */
    public record Settings(InetAddress bindAddress, int listenPort, int maxPeersPerTorrent, int uploadSlots,
                           int diskThreads, EncryptionPolicy encryption, StorageOptions storage,
                           Duration requestTimeout, Duration resumeInterval) {
        public Settings {
            Objects.requireNonNull(bindAddress, "bindAddress");
            Objects.requireNonNull(encryption, "encryption");
            Objects.requireNonNull(storage, "storage");
            if (resumeInterval.isNegative() || resumeInterval.isZero()) {
                throw new IllegalArgumentException("resume interval must be positive: " + resumeInterval);
            }
            if (requestTimeout.isNegative() || requestTimeout.isZero()) {
                throw new IllegalArgumentException("request timeout must be positive: " + requestTimeout);
            }
            if (listenPort < 0 || listenPort > 65535) {
                throw new IllegalArgumentException("listen port " + listenPort + " is outside 0..65535");
            }
            if (maxPeersPerTorrent < 1 || uploadSlots < 1 || diskThreads < 1) {
                throw new IllegalArgumentException("peers, upload slots and disk threads must be at least 1");
            }
        }
    }

    /** Collects settings; every one has a default. */
    public static final class Builder {
        private InetAddress bindAddress = anyAddress();
        private int listenPort = 6881;
        private int maxPeersPerTorrent = 50;
        private int uploadSlots = 4;
        private int diskThreads = 2;
        private EncryptionPolicy encryption = EncryptionPolicy.PREFERRED;
        private StorageOptions storage = StorageOptions.defaults();
        private Duration requestTimeout = Duration.ofSeconds(20);
        private Duration resumeInterval = Duration.ofSeconds(60);

        private Builder() {
        }

        private static InetAddress anyAddress() {
            try {
                return InetAddress.getByAddress(new byte[4]);
            } catch (java.net.UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The address to listen on; all interfaces by default. */
        public Builder bindAddress(InetAddress address) {
            this.bindAddress = address;
            return this;
        }

        /** The port for incoming connections, 6881 by default; 0 picks a free one ({@link Client#listenPort()}). */
        public Builder listenPort(int port) {
            this.listenPort = port;
            return this;
        }

        /** Connections per torrent, 50 by default. */
        public Builder maxPeersPerTorrent(int peers) {
            this.maxPeersPerTorrent = peers;
            return this;
        }

        /** Peers unchoked by tit-for-tat, 4 by default (BEP 3's usual number), plus one optimistic. */
        public Builder uploadSlots(int slots) {
            this.uploadSlots = slots;
            return this;
        }

        /** Threads that hash pieces and read uploads, 2 by default; verified pieces are written by one more. */
        public Builder diskThreads(int threads) {
            this.diskThreads = threads;
            return this;
        }

        /** MSE/PE policy, {@link EncryptionPolicy#PREFERRED} by default (what libtorrent and Transmission do). */
        public Builder encryption(EncryptionPolicy policy) {
            this.encryption = policy;
            return this;
        }

        /**
         * Storage options for every torrent (the storage provider found by {@code ServiceLoader},
         * resume, open files); the file system with resume data by default.
         */
        public Builder storage(StorageOptions options) {
            this.storage = options;
            return this;
        }

        /** How long a block request may go unanswered before it is re-issued to another peer; 20 s by default. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = timeout;
            return this;
        }

        /**
         * How often a running torrent's resume data is saved, 60 s by default: after a crash, at most
         * this much verified data is hashed again. It is also saved at completion and at stop.
         */
        public Builder resumeInterval(Duration interval) {
            this.resumeInterval = interval;
            return this;
        }

        public Client build() {
            return new Client(new Settings(bindAddress, listenPort, maxPeersPerTorrent, uploadSlots, diskThreads,
                    encryption, storage, requestTimeout, resumeInterval));
        }
    }

    private final Settings settings;
    private Engine engine;

    private Client(Settings settings) {
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Settings settings() {
        return settings;
    }

    /** Opens the listening port and starts the network and disk threads. Answers this client. */
    public synchronized Client start() throws IOException {
        if (engine != null) {
            throw new IllegalStateException("client already started");
        }
        Engine started = new Engine(settings);
        started.start();
        engine = started;
        return this;
    }

    /**
     * Stops every torrent (writing resume data), closes every connection and the listening port,
     * and ends the client's threads; waits a few seconds at most. A stopped client cannot start
     * again.
     */
    public synchronized void stop() throws InterruptedException {
        if (engine != null) {
            engine.stop();
        }
    }

    /** {@link #stop()}, for try-with-resources. */
    @Override
    public void close() throws InterruptedException {
        stop();
    }

    /** The port peers connect to: the one configured, or the one picked for port 0. */
    public int listenPort() {
        return started().listenPort();
    }

    /** Our peer id (BEP 20 style: {@code -SP0100-} and 12 random bytes). */
    public byte[] peerId() {
        return started().peerId().clone();
    }

    /**
     * Adds a torrent whose files live under {@code directory}. Storage opens and checks existing
     * data on the disk pool; the handle is {@link TorrentState#CHECKING} until then, and
     * {@link TorrentState#SEEDING} at once when everything is there.
     *
     * @throws IllegalStateException when a torrent with the same info-hash is already added
     */
    public TorrentHandle add(Metainfo metainfo, Path directory) {
        Objects.requireNonNull(metainfo, "metainfo");
        Objects.requireNonNull(directory, "directory");
        Engine running = started();
        TorrentSession session = TorrentSession.forMetainfo(running, metainfo, directory);
        return session.start();
    }

    /**
     * Adds a torrent known only by its magnet link (BEP 9): the handle is
     * {@link TorrentState#FETCHING_METADATA} until a peer (from the link's {@code x.pe}, its
     * trackers, or {@link TorrentHandle#connect}) sends the info dictionary and it hashes to the
     * link's info-hash; then it continues as {@link #add} does.
     */
    public TorrentHandle addMagnet(MagnetLink link, Path directory) {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(directory, "directory");
        return TorrentSession.forMagnet(started(), link, directory).start();
    }

    /** The torrents added and not removed. */
    public List<TorrentHandle> torrents() {
        return started().torrents().stream().map(TorrentSession::handle).toList();
    }

    private synchronized Engine started() {
        if (engine == null) {
            throw new IllegalStateException("client not started");
        }
        return engine;
    }
}
