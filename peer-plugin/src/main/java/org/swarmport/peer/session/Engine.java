package org.swarmport.peer.session;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

import java.nio.file.Path;

import org.swarmport.peer.crypto.EncryptionPolicy;
import org.swarmport.peer.discovery.PeerSources;
import org.swarmport.peer.crypto.SkeyIndex;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.storage.TorrentStorage;

/**
 * A started {@link Client}'s machinery: the {@link NetworkLoop}, the listening socket, the disk
 * pool, the peer id, and the torrents by the info-hash their handshakes carry. Package-private:
 * the public face is {@link Client}.
 */
final class Engine {

    private static final Logger LOG = Logger.getLogger(Engine.class.getName());

    private final Client.Settings settings;
    private final byte[] peerId;
    private final NetworkLoop loop;
    /** What the disk pool reads uploaded blocks into ({@link UploadRead}). */
    private final UploadBuffers uploadBuffers = new UploadBuffers();
    private final ExecutorService disk;
    /**
     * The one thread that writes verified pieces, while the disk pool hashes them: a piece write
     * past the page cache blocks for as long as the device takes, and a pool thread that hashed
     * and then wrote sat in the write while pieces waiting to be hashed held every piece buffer
     * (the request pipeline then ran dry). One writer, because direct writes into one file go one
     * at a time anyway (ext4 takes the file's lock to allocate its holes): in the 1 GiB loopback
     * bench one writer's 1 MiB writes took 0.9–1.0 ms each, two writers' 1.7 ms each (2026-12-02).
     */
    private final ExecutorService writer;
    private final Map<ByteBuffer, TorrentSession> torrents = new ConcurrentHashMap<>();
    private final SkeyTable skeys;
    private final List<PeerConnection> dirty = new ArrayList<>();
    private final PeerSources peerSources = PeerSources.load();
    private ServerSocketChannel server;
    /** Host names of peers (a tracker's dictionary model may give one), resolved off the network thread. */
    private final HostResolver resolver = new HostResolver();
    /** Web seeds' HTTP (BEP 19), made when a torrent first has one; its executor stops with the engine. */
    private ExecutorService webSeedThreads;
    private org.swarmport.peer.webseed.RangeFetcher webSeedFetcher;
    private int listenPort;

    Engine(Client.Settings settings) throws IOException {
        this.settings = settings;
        this.peerId = newPeerId();
        this.skeys = new SkeyTable(settings.encryption());
        this.loop = new NetworkLoop("swarmport-network", this::tick, this::flushDirty);
        AtomicInteger count = new AtomicInteger();
        this.disk = Executors.newFixedThreadPool(settings.diskThreads(), r -> {
            Thread thread = new Thread(r, "swarmport-disk-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "swarmport-disk-writer");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** "-SP0100-" and 12 random bytes: the Azureus-style id (BEP 20) naming Swarmport 0.1.0. */
    private static byte[] newPeerId() {
        byte[] id = new byte[20];
        byte[] prefix = "-SP0100-".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(prefix, 0, id, 0, prefix.length);
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        System.arraycopy(random, 0, id, prefix.length, random.length);
        return id;
    }

    void start() throws IOException {
        server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(settings.bindAddress(), settings.listenPort()), 128);
        server.configureBlocking(false);
        listenPort = ((InetSocketAddress) server.getLocalAddress()).getPort();
        server.register(loop.selector(), SelectionKey.OP_ACCEPT, new Acceptor());
        loop.start();
    }

    void stop() throws InterruptedException {
        CountDownLatchTask closing = new CountDownLatchTask(() -> {
            for (TorrentSession torrent : torrents.values()) {
                torrent.stop();
            }
        });
        loop.execute(closing);
        closing.await(5_000);
        loop.stop(5_000);
        resolver.stop();
        synchronized (this) {
            if (webSeedThreads != null) {
                webSeedThreads.shutdownNow();
            }
        }
        // the pool before the writer: a piece the pool has hashed is handed on to the writer
        disk.shutdown();
        if (!disk.awaitTermination(10, TimeUnit.SECONDS)) {
            disk.shutdownNow();
        }
        writer.shutdown();
        if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
            writer.shutdownNow();
        }
        for (TorrentSession torrent : torrents.values()) {
            torrent.closeStore();
        }
        try {
            server.close();
        } catch (IOException ignored) {
            // stopping anyway
        }
    }

    Client.Settings settings() {
        return settings;
    }

    /** Where torrents find peers: the {@code ServiceLoader} providers (trackers built in). */
    PeerSources peerSources() {
        return peerSources;
    }

    HostResolver resolver() {
        return resolver;
    }

    UploadBuffers uploadBuffers() {
        return uploadBuffers;
    }

    NetworkLoop loop() {
        return loop;
    }

    ExecutorService disk() {
        return disk;
    }

    /** Where verified pieces are written, one at a time ({@link #writer}). */
    ExecutorService writer() {
        return writer;
    }

    byte[] peerId() {
        return peerId;
    }

    int listenPort() {
        return listenPort;
    }

    void register(TorrentSession torrent) {
        torrents.put(ByteBuffer.wrap(torrent.wireInfoHash()), torrent);
        skeys.add(torrent.wireInfoHash());
    }

    void unregister(TorrentSession torrent) {
        torrents.remove(ByteBuffer.wrap(torrent.wireInfoHash()));
        skeys.remove(torrent.wireInfoHash());
    }

    SkeyIndex skeyIndex() {
        return skeys;
    }

    TorrentSession torrentFor(byte[] infoHash) {
        return torrents.get(ByteBuffer.wrap(infoHash));
    }

    List<TorrentSession> torrents() {
        return List.copyOf(torrents.values());
    }

    /**
     * The web seeds' fetcher: one {@code HttpClient} for every torrent, on two daemon threads
     * (its requests are asynchronous), following up to 5 redirects (the JDK's limit).
     */
    synchronized org.swarmport.peer.webseed.RangeFetcher webSeedFetcher() {
        if (webSeedFetcher == null) {
            AtomicInteger count = new AtomicInteger();
            webSeedThreads = Executors.newFixedThreadPool(2, r -> {
                Thread thread = new Thread(r, "swarmport-webseed-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                    .executor(webSeedThreads)
                    .followRedirects(java.net.http.HttpClient.Redirect.NORMAL)
                    .version(java.net.http.HttpClient.Version.HTTP_1_1)
                    .connectTimeout(java.time.Duration.ofSeconds(10))
                    .build();
            webSeedFetcher = new org.swarmport.peer.webseed.RangeFetcher(http, java.time.Duration.ofSeconds(30),
                    "Swarmport/0.1.0");
        }
        return webSeedFetcher;
    }

    /** Opens a torrent's storage with the client's options; on a disk thread (it may hash for a while). */
    PieceStore storeFor(Metainfo metainfo, Path directory) throws IOException {
        return new StoredPieces(TorrentStorage.open(metainfo, directory, settings.storage()));
    }

    /** Opens an outgoing connection for {@code torrent}; runs on the network thread. */
    void connect(TorrentSession torrent, InetSocketAddress address) {
        connect(torrent, address, settings.encryption());
    }

    /** Opens an outgoing connection with {@code policy} (plaintext for the retry of a refused MSE). */
    void connect(TorrentSession torrent, InetSocketAddress address, EncryptionPolicy policy) {
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
            PeerConnection connection = new PeerConnection(this, channel, address, true, torrent, policy);
            torrent.connecting(connection);
            channel.connect(address);
            connection.register();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "cannot connect to " + address, e);
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // it failed anyway
                }
            }
            torrent.connectFailed(address, e.toString());
        }
    }

    /** A connection queued bytes; it is flushed once the loop finishes its batch. */
    void dirty(PeerConnection connection) {
        dirty.add(connection);
    }

    private void flushDirty() {
        for (int i = 0; i < dirty.size(); i++) {
            dirty.get(i).flushIfDirty();
        }
        dirty.clear();
    }

    private void tick(long nowNanos) {
        for (TorrentSession torrent : torrents.values()) {
            torrent.tick(nowNanos);
        }
    }

    /** Accepts incoming connections; the handshake says for which torrent. */
    private final class Acceptor implements NetworkLoop.Handler {
        @Override
        public void ready(SelectionKey key) throws IOException {
            for (SocketChannel channel = server.accept(); channel != null; channel = server.accept()) {
                channel.configureBlocking(false);
                channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
                InetSocketAddress address = (InetSocketAddress) channel.getRemoteAddress();
                new PeerConnection(Engine.this, channel, address, false, null, settings.encryption()).register();
            }
        }

        @Override
        public void close(String reason) {
            try {
                server.close();
            } catch (IOException ignored) {
                // stopping anyway
            }
        }
    }

    /** A task the caller can wait for. */
    static final class CountDownLatchTask implements Runnable {
        private final Runnable task;
        private final java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);

        CountDownLatchTask(Runnable task) {
            this.task = task;
        }

        @Override
        public void run() {
            try {
                task.run();
            } finally {
                done.countDown();
            }
        }

        boolean await(long millis) throws InterruptedException {
            return done.await(millis, TimeUnit.MILLISECONDS);
        }
    }
}
