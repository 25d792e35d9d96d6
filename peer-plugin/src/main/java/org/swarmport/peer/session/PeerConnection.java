package org.swarmport.peer.session;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.swarmport.peer.crypto.EncryptionPolicy;
import org.swarmport.peer.crypto.MseException;
import org.swarmport.peer.crypto.MseHandshake;
import org.swarmport.peer.crypto.NegotiatedStream;
import org.swarmport.peer.crypto.WireCipher;
import org.swarmport.peer.wire.Bitfield;
import org.swarmport.peer.wire.ExtensionHandshake;
import org.swarmport.peer.wire.Handshake;
import org.swarmport.peer.wire.MessageLimits;
import org.swarmport.peer.wire.MessageReader;
import org.swarmport.peer.wire.MessageWriter;
import org.swarmport.peer.wire.PeerMessage;
import org.swarmport.peer.wire.WireException;

/**
 * One peer connection, owned by the network thread: its socket, the bytes in flight both ways,
 * and the state BEP 3 gives each side of a connection (choked, interested), plus what BEP 6 and
 * BEP 10 negotiated.
 *
 * <p>Life: {@code CONNECTING} (outgoing only) → {@code NEGOTIATING} (the MSE/PE handshake of the
 * crypto package; with encryption disabled it passes our handshake through in plaintext, and an
 * incoming one also recognises a plaintext BEP 3 start) → {@code HANDSHAKE} (68 bytes each way; an incoming
 * connection learns its torrent from the first 48) → {@code ACTIVE} (length-prefixed messages,
 * decoded by a bounded {@link MessageReader} and handed to the {@link TorrentSession}) →
 * {@code CLOSED}. What the messages mean for the torrent (pieces, requests) is the session's;
 * this class moves bytes and keeps per-peer flags.
 */
final class PeerConnection implements NetworkLoop.Handler, BlockSource {

    enum Phase { CONNECTING, NEGOTIATING, HANDSHAKE, ACTIVE, CLOSED }

    private static final int INITIAL_BUFFER = 64 * 1024;
    /** Small messages are gathered in buffers of this size; what one leaves unused serves the next, down to {@link #MIN_SPARE}. */
    private static final int TAIL_SIZE = 4096;
    private static final int MIN_SPARE = 64;
    /**
     * The receive buffer of a peer that keeps filling it grows to this: each read system call
     * also sends TCP's window updates, which on loopback run the sender's side of TCP in our
     * thread, so a fast peer is cheaper read in fewer, larger reads.
     */
    private static final int MAX_READ_BUFFER = 1024 * 1024;
    /** Buffers per gathering write: headers and blocks alternate (a read's 32 blocks and their headers in one). */
    private static final int BATCH = 64;
    /** Reads per readiness event before letting other connections have the thread. */
    private static final int READS_PER_EVENT = 8;

    final Engine engine;
    final SocketChannel channel;
    final InetSocketAddress address;
    final boolean outgoing;
    /** Whether our handshake carried the v2 bit (BEP 52), which makes libtorrent take hash requests. */
    boolean announcedV2;

    private SelectionKey key;
    private Phase phase;
    private TorrentSession torrent;
    private ByteBuffer in = ByteBuffer.allocateDirect(INITIAL_BUFFER);
    /**
     * What is queued for the socket, in order: {@link ByteBuffer}s, and {@link Runnable}s to run
     * once everything before them has been written (an upload buffer goes back to its pool).
     */
    private final ArrayDeque<Object> out = new ArrayDeque<>();
    private final ByteBuffer[] batch = new ByteBuffer[BATCH];
    private ByteBuffer tail;
    /** The unused end of the last tail, which the next one fills: a block from storage closes a tail after 13 bytes. */
    private ByteBuffer spare;
    private long queuedBytes;
    private boolean dirty;
    /** A block arrived since the last flush: the session refills this peer's requests before it. */
    private boolean refill;
    private MessageReader reader;
    private Handshake remote;
    private boolean handshakeSent;
    private String closeReason;
    private boolean readPaused;
    private final EncryptionPolicy policy;
    private MseHandshake mse;
    private WireCipher inbound = WireCipher.PLAINTEXT;
    private WireCipher outbound = WireCipher.PLAINTEXT;
    private boolean encrypted;
    private boolean negotiationFailed;
    private boolean secretMisread;
    private boolean wasActive;

    // BEP 3 state of both sides
    boolean amChoking = true;
    boolean amInterested;
    boolean peerChoking = true;
    boolean peerInterested;
    /** BEP 6 and BEP 10, when both sides set the bit. */
    boolean fast;
    boolean extensions;
    ExtensionHandshake peerExtensions;

    final RateMeter download = new RateMeter();
    final RateMeter upload = new RateMeter();
    long lastReceivedNanos = System.nanoTime();
    long lastSentNanos = System.nanoTime();
    long connectedNanos = System.nanoTime();
    /** BEP 9: metadata pieces we asked this peer for; whether it refused one. */
    final List<Integer> metadataPieces = new ArrayList<>(2);
    boolean metadataRefused;
    /** Messages received before a magnet's metadata, replayed once it is known. */
    final List<PeerMessage> early = new ArrayList<>();
    /**
     * BEP 6: the pieces we let this peer request while we choke it, what {@link #servable} is then;
     * null until sent, or without the fast extension.
     */
    Bitfield allowedFast;
    /**
     * The pieces we serve this peer's requests for now: every piece while we do not choke it, the
     * allowed-fast ones (BEP 6) while we do, swapped by the session as it chokes and unchokes.
     * One bit test per request instead of a branch on the choke state, which a warm JVM's
     * compiled upload path had never seen taken (the allowed-fast requests of a connection's
     * first second) and recompiled for (JFR jdk.Deoptimization, 2026-12-02). Set once tracked.
     */
    Bitfield servable;
    /** Requests to keep outstanding at the peer; the session updates it (its rate, its {@code reqq}). */
    int pipelineDepth = TorrentSession.DEFAULT_PIPELINE;
    /** Reads of this peer's requested blocks on the disk pool, in the order asked; sent in this order as they finish. */
    final ArrayDeque<UploadRead> reads = new ArrayDeque<>();
    /** Upload buffer bytes those reads hold ({@link UploadRead#CAPACITY} each). */
    long readingBytes;

    PeerConnection(Engine engine, SocketChannel channel, InetSocketAddress address, boolean outgoing,
                   TorrentSession torrent, EncryptionPolicy policy) {
        this.engine = engine;
        this.policy = policy;
        this.channel = channel;
        this.address = address;
        this.outgoing = outgoing;
        this.torrent = torrent;
        this.phase = outgoing ? Phase.CONNECTING : Phase.NEGOTIATING;
        if (!outgoing) {
            mse = MseHandshake.responder(engine.skeyIndex(), policy);
        }
    }

    /** Registers with the selector: for connect (outgoing) or read (incoming). */
    void register() throws IOException {
        key = channel.register(engine.loop().selector(), outgoing ? SelectionKey.OP_CONNECT : SelectionKey.OP_READ, this);
        if (outgoing && channel.isConnected()) {
            connected();
        }
    }

    Phase phase() {
        return phase;
    }

    TorrentSession torrent() {
        return torrent;
    }

    Handshake remoteHandshake() {
        return remote;
    }

    boolean isOpen() {
        return phase != Phase.CLOSED;
    }

    /** Bytes queued for the socket and not yet written. */
    long queuedBytes() {
        return queuedBytes;
    }

    @Override
    public void ready(SelectionKey key) throws IOException {
        if (key.isConnectable()) {
            if (!channel.finishConnect()) {
                return;
            }
            connected();
        }
        if (key.isValid() && key.isWritable()) {
            flush();
        }
        if (key.isValid() && key.isReadable()) {
            read();
        }
    }

    private void connected() throws IOException {
        phase = Phase.NEGOTIATING;
        key.interestOps(SelectionKey.OP_READ);
        connectedNanos = System.nanoTime();
        handshakeSent = true;
        announcedV2 = torrent.hasV2();
        byte[] ours = Handshake.of(torrent.wireInfoHash(), engine.peerId(), true, true, announcedV2).toBytes();
        mse = MseHandshake.initiator(torrent.wireInfoHash(), policy, ours);
        negotiated();
    }

    /** Sends what the MSE handshake produced; once it is done, switches to its ciphers. */
    private void negotiated() throws IOException {
        if (mse.hasOutput()) {
            ByteBuffer output = mse.output();
            ByteBuffer copy = ByteBuffer.allocate(output.remaining()).put(output).flip();
            enqueueRaw(copy);
        }
        if (!mse.isDone()) {
            flush();
            return;
        }
        NegotiatedStream stream = mse.result();
        inbound = stream.inbound();
        outbound = stream.outbound();
        encrypted = !outbound.isIdentity();
        if (torrent == null && stream.skey().isPresent()) {
            torrent = engine.torrentFor(stream.skey().get());
        }
        // bytes after the MSE handshake are still enciphered; the handshake's own plaintext comes first
        inbound.apply(in);
        ByteBuffer received = stream.received();
        if (received.hasRemaining()) {
            ByteBuffer joined = ByteBuffer.allocateDirect(Math.max(in.capacity(), received.remaining() + in.remaining()));
            joined.put(received).put(in).flip();
            in = joined;
        }
        mse = null;
        phase = Phase.HANDSHAKE;
        flush();
    }

    /** Whether the stream is RC4-encrypted (MSE/PE). */
    boolean isEncrypted() {
        return encrypted;
    }

    /** The encryption policy this connection was made with. */
    EncryptionPolicy policy() {
        return policy;
    }

    private void sendHandshake() throws IOException {
        handshakeSent = true;
        ByteBuffer hs = ByteBuffer.allocate(Handshake.LENGTH);
        announcedV2 = torrent.hasV2();
        Handshake.of(torrent.wireInfoHash(), engine.peerId(), true, true, announcedV2).write(hs);
        enqueue(hs.flip());
        flush();
    }

    private void read() throws IOException {
        for (int i = 0; i < READS_PER_EVENT && phase != Phase.CLOSED; i++) {
            int start = in.position();
            int n = channel.read(in);
            if (n < 0) {
                close("peer closed the connection");
                return;
            }
            if (n == 0) {
                break;
            }
            lastReceivedNanos = System.nanoTime();
            if (mse == null && !inbound.isIdentity()) {
                ByteBuffer fresh = in.duplicate().flip().position(start);
                inbound.apply(fresh);
            }
            in.flip();
            try {
                if (phase == Phase.NEGOTIATING) {
                    mse.receive(in);
                    negotiated();
                }
                process();
            } catch (MseException e) {
                close("encryption handshake failed: " + e.getMessage());
                return;
            } catch (WireException e) {
                violation(e.getMessage());
                return;
            }
            if (phase == Phase.CLOSED) {
                return;
            }
            boolean filled = n == in.capacity() - start;
            in.compact();
            ensureCapacity();
            if (filled && in.capacity() < MAX_READ_BUFFER) {
                grow(Math.min(MAX_READ_BUFFER, in.capacity() * 2));
            }
            if (in.hasRemaining() && n < in.capacity() / 2) {
                break; // the socket is drained
            }
        }
    }

    private void process() throws WireException, IOException {
        if (phase == Phase.NEGOTIATING || phase == Phase.HANDSHAKE && !readHandshake()) {
            return;
        }
        while (phase == Phase.ACTIVE) {
            if (!torrent.isReady()) {
                // storage is still opening: keep the bytes, stop reading until resumeReading()
                readPaused = true;
                updateInterest();
                return;
            }
            PeerMessage message = reader.read(in);
            if (message == null) {
                return;
            }
            torrent.onMessage(this, message);
        }
    }

    /** Answers whether the handshake is complete. */
    private boolean readHandshake() throws WireException, IOException {
        if (torrent == null) {
            if (in.remaining() < Handshake.HEADER_LENGTH) {
                return false;
            }
            byte[] infoHash = Handshake.peekInfoHash(in);
            torrent = engine.torrentFor(infoHash);
            if (torrent == null) {
                throw new WireException("handshake for info-hash " + HexFormat.of().formatHex(infoHash)
                        + ", which is not a torrent here");
            }
        }
        if (!torrent.acceptsConnection(this)) {
            close("no room for another peer");
            return false;
        }
        if (in.remaining() < Handshake.LENGTH) {
            return false;
        }
        remote = Handshake.read(in);
        if (!Arrays.equals(remote.infoHash(), torrent.wireInfoHash())) {
            throw new WireException("handshake for another torrent: " + HexFormat.of().formatHex(remote.infoHash()));
        }
        if (Arrays.equals(remote.peerId(), engine.peerId())) {
            close("connected to ourselves");
            return false;
        }
        if (!handshakeSent) {
            sendHandshake();
        }
        fast = remote.supportsFast();
        extensions = remote.supportsExtensions();
        reader = new MessageReader(torrent.messageLimits(), true); // blocks are stored before the next read
        phase = Phase.ACTIVE;
        wasActive = true;
        torrent.onHandshake(this);
        return true;
    }

    /** A broken protocol: the torrent bans the peer; before a torrent is known, the connection just closes. */
    private void violation(String reason) {
        if (torrent == null) {
            close(reason);
        } else {
            torrent.protocolViolation(this, reason);
        }
    }

    /** Tightens the reader's limits once the torrent's piece count is known (after a magnet's metadata). */
    void messageLimits(MessageLimits limits) {
        if (reader != null) {
            reader.limits(limits);
        }
    }

    private void ensureCapacity() {
        if (reader == null) {
            return;
        }
        in.flip();
        int needed = reader.bytesNeeded(in);
        in.compact();
        if (needed > in.capacity()) {
            grow(Math.max(needed, in.capacity() * 2));
        }
    }

    /** Replaces the receive buffer (in write mode) by a larger one holding the same bytes. */
    private void grow(int capacity) {
        ByteBuffer bigger = ByteBuffer.allocateDirect(capacity);
        bigger.put(in.flip());
        in = bigger;
    }

    /** Queues {@code message}; it is written when the loop flushes dirty connections. */
    @Override
    public void cancel(org.swarmport.peer.swarm.Block block) {
        send(PeerMessage.Request.cancel(block.piece(), block.offset(), block.length()));
    }

    void send(PeerMessage message) {
        if (phase == Phase.CLOSED) {
            return;
        }
        if (message instanceof PeerMessage.Piece piece) {
            pieceHeader(piece.piece(), piece.begin(), piece.block().length);
            enqueue(ByteBuffer.wrap(piece.block()));
            uploaded(piece.block().length);
        } else {
            int start = tailFor(MessageWriter.encodedLength(message));
            MessageWriter.write(message, tail);
            encipherTail(start);
        }
        markDirty();
    }

    /**
     * Queues a {@code piece} message of {@code data}'s remaining bytes, without copying them: the
     * buffer must stay untouched until an {@link #afterSent} action queued after it runs. On an
     * encrypted stream the bytes are enciphered in place.
     */
    void sendBlock(int piece, int begin, ByteBuffer data) {
        if (phase == Phase.CLOSED) {
            return;
        }
        int length = data.remaining();
        pieceHeader(piece, begin, length);
        enqueue(data);
        uploaded(length);
        markDirty();
    }

    /** Runs {@code action} on this thread once everything queued so far has been written, or the connection closed. */
    void afterSent(Runnable action) {
        if (phase == Phase.CLOSED) {
            action.run();
            return;
        }
        closeTail();
        out.add(action);
    }

    /** The 13 bytes before a block go with the small messages, so they leave in the same system call. */
    private void pieceHeader(int piece, int begin, int length) {
        int start = tailFor(13);
        MessageWriter.pieceHeader(piece, begin, length, tail);
        encipherTail(start);
    }

    private void uploaded(int bytes) {
        upload.add(bytes);
        torrent.uploaded(bytes);
    }

    /** A tail buffer with {@code length} bytes free; answers where the new bytes start. */
    private int tailFor(int length) {
        if (tail == null || tail.remaining() < length) {
            closeTail(); // the full one must be flipped before it is written, or its messages are lost
            tail = spare != null && spare.remaining() >= length ? spare : ByteBuffer.allocate(Math.max(length, TAIL_SIZE));
            spare = null;
            out.add(tail);
        }
        return tail.position();
    }

    private void encipherTail(int start) {
        if (!outbound.isIdentity()) {
            outbound.apply(tail.duplicate().flip().position(start));
        }
        queuedBytes += tail.position() - start;
    }

    /** Queues bytes of the BitTorrent stream, enciphered for the peer. */
    private void enqueue(ByteBuffer buffer) {
        if (!outbound.isIdentity()) {
            outbound.apply(buffer);
        }
        enqueueRaw(buffer);
    }

    /** Queues bytes as they are (the MSE handshake's own output). */
    private void enqueueRaw(ByteBuffer buffer) {
        closeTail();
        out.add(buffer);
        queuedBytes += buffer.remaining();
    }

    /** The tail buffer (always the last in {@code out}) stops taking messages and is readied for writing. */
    private void closeTail() {
        if (tail != null) {
            int end = tail.position();
            spare = tail.limit() - end >= MIN_SPARE ? tail.slice(end, tail.limit() - end) : null;
            tail.flip();
            tail = null;
        }
    }

    private void markDirty() {
        if (!dirty) {
            dirty = true;
            engine.dirty(this);
        }
    }

    /** Writes what the socket takes now; asks for write readiness for the rest. */
    void flush() throws IOException {
        dirty = false;
        if (phase == Phase.CLOSED || key == null || phase == Phase.CONNECTING) {
            return;
        }
        closeTail();
        while (!out.isEmpty() && writeQueued()) {
            // each round wrote everything it was given: go on with the next
        }
        updateInterest();
        if (out.isEmpty() && torrent != null && phase == Phase.ACTIVE) {
            torrent.drained(this);
        }
    }

    /**
     * One gathering write of the buffers at the head of the queue; then what was written leaves
     * the queue, and the actions queued behind it run. Answers whether the socket took
     * everything offered.
     */
    private boolean writeQueued() throws IOException {
        int count = 0;
        long offered = 0;
        for (Object queued : out) {
            if (count == BATCH) {
                break;
            }
            if (queued instanceof ByteBuffer buffer) {
                batch[count++] = buffer;
                offered += buffer.remaining();
            }
        }
        long written = count == 0 ? 0 : channel.write(batch, 0, count);
        Arrays.fill(batch, 0, count, null);
        wrote(written);
        while (!out.isEmpty()) {
            Object head = out.peekFirst();
            if (head instanceof ByteBuffer buffer) {
                if (buffer.hasRemaining()) {
                    break;
                }
                out.pollFirst();
            } else {
                out.pollFirst();
                ((Runnable) head).run();
            }
        }
        return written == offered;
    }

    private void wrote(long bytes) {
        queuedBytes -= bytes;
        if (bytes > 0) {
            lastSentNanos = System.nanoTime();
        }
    }

    private void updateInterest() {
        int ops = (readPaused ? 0 : SelectionKey.OP_READ) | (out.isEmpty() ? 0 : SelectionKey.OP_WRITE);
        if (key != null && key.isValid() && key.interestOps() != ops) {
            key.interestOps(ops);
        }
    }

    /** The torrent became ready: handle the messages that waited in the buffer, and read again. */
    void resumeReading() {
        if (!readPaused || phase == Phase.CLOSED) {
            return;
        }
        readPaused = false;
        updateInterest();
        in.flip();
        try {
            process();
        } catch (WireException e) {
            violation(e.getMessage());
            return;
        } catch (IOException e) {
            close(e.getMessage() == null ? e.toString() : e.getMessage());
            return;
        }
        if (phase != Phase.CLOSED) {
            in.compact();
            ensureCapacity();
        }
    }

    /**
     * Has the session refill this peer's requests ({@code TorrentSession.fillRequests}) when the
     * loop flushes, after the blocks of this read are handled, instead of at each block. Not for
     * the requests: they leave at that flush either way. For the JIT: the piece picker, inlined
     * into the block path, holds branches a cold profile has not seen taken (a started piece with
     * free blocks, the short last piece, the end game), and each one it hit recompiled the whole
     * receive path, {@code TorrentSession.onMessage} with 7 KiB inlined and 0.5 s of C2, up to
     * four times in a cold 1 GiB transfer (JFR jdk.Deoptimization, 2026-12-02). Called from the
     * loop's flush instead, the picker's traps recompile the flush path, and one pick serves
     * every block of a read.
     */
    void refillBeforeFlush() {
        refill = true;
        markDirty();
    }

    /** Flushes when {@link #send} left bytes queued; called by the loop once per batch. */
    void flushIfDirty() {
        // Before the dirty test: a write-readiness flush of this batch may have cleared it.
        if (refill) {
            refill = false;
            torrent.fillRequests(this);
        }
        if (!dirty) {
            return;
        }
        try {
            flush();
        } catch (IOException e) {
            close(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    @Override
    public void close(String reason) {
        if (phase == Phase.CLOSED) {
            return;
        }
        negotiationFailed = phase == Phase.NEGOTIATING;
        secretMisread = negotiationFailed && mse != null && mse.secretMisreadByLibtorrent();
        phase = Phase.CLOSED;
        closeReason = reason;
        if (key != null) {
            key.cancel();
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Object queued : out) {
            if (queued instanceof Runnable action) {
                action.run(); // nothing will be written: the buffers go back now
            }
        }
        out.clear();
        tail = null;
        spare = null;
        queuedBytes = 0;
        if (torrent != null) {
            torrent.onClosed(this, reason);
        }
    }

    String closeReason() {
        return closeReason;
    }

    /** Whether both BitTorrent handshakes completed before the connection closed. */
    boolean wasActive() {
        return wasActive;
    }

    /** Whether the connection closed during the MSE handshake (a peer that refuses encryption hangs up there). */
    boolean negotiationFailed() {
        return negotiationFailed;
    }

    /**
     * Whether it closed during our MSE handshake with a secret libtorrent misreads
     * ({@link org.swarmport.peer.crypto.MseHandshake#secretMisreadByLibtorrent}): worth dialling
     * again at once with a new key.
     */
    boolean negotiationMisreadByLibtorrent() {
        return secretMisread;
    }

    @Override
    public String toString() {
        return "peer " + address;
    }
}
