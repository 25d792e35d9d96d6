package org.swarmport.peer.session;

import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The buffers pieces are assembled in: direct, and reused. Direct, because storage writes a
 * piece with {@code FileChannel.write}, which copies a heap buffer into a temporary direct one
 * first (half a CPU second per GiB here, measured with a 1 GiB file of 1 MiB writes: 0.12 s from a
 * direct buffer, 0.62–0.74 s from a heap one). Reused, because a new piece (256 KiB to 16 MiB) is
 * a memset and, while memory grows, page faults: a fifth of the downloading network thread's time
 * in the 256 MiB loopback bench (perf, 2026-12-02). Aligned to {@link #ALIGNMENT}, so that the
 * file store can write a verified piece past the page cache ({@code O_DIRECT}).
 *
 * <p>A reused buffer is not cleared: the session fills every byte it hands on, the piece's
 * {@code dataLength} (every requested block), and storage hashes the never-requested rest (BEP 47
 * pad files, v2 gaps) as zeros itself. At most {@code kept} direct buffers exist, all of the
 * torrent's nominal piece length, and the session never has more pieces in flight than that
 * ({@code PiecePicker.setMaxPartialPieces}): a piece waits for a buffer rather than getting a new
 * one, so memory stays bounded whatever the swarm does and the block copy always meets a direct
 * buffer (a heap one now and then, as before 2026-12-02, made C2 recompile the receive path in
 * the middle of a transfer: a class-check trap in {@code ByteBuffer.put}). A heap buffer is left
 * only for a piece longer than the nominal length, and for a JVM out of direct memory.
 */
final class PieceBuffers {

    /** Direct memory per torrent for pieces: enough for the pieces of a deep pipeline and those on the disk pool. */
    static final long KEPT_BYTES = 32L << 20;

    /** The memory alignment direct I/O needs on common file systems (their block size). */
    static final int ALIGNMENT = 4096;

    private final int length;
    private final int kept;
    private final ConcurrentLinkedQueue<ByteBuffer> free = new ConcurrentLinkedQueue<>();
    /** Direct buffers made so far; never more than {@code kept}. */
    private final AtomicInteger made = new AtomicInteger();

    /** Buffers of {@code length} bytes, at most {@code kept} of them direct. */
    PieceBuffers(int length, int kept) {
        this.length = length;
        this.kept = kept;
    }

    /**
     * Pieces in flight at least, whatever the piece length: a started piece whose peers left holds
     * its buffer until another peer that has it comes, so a few must be left for the others.
     */
    static final int MIN_KEPT = 4;

    /** For pieces of {@code pieceLength} bytes: {@link #KEPT_BYTES} of direct buffers, at least {@link #MIN_KEPT}. */
    static PieceBuffers forPieceLength(int pieceLength) {
        return new PieceBuffers(pieceLength, (int) Math.max(MIN_KEPT, KEPT_BYTES / pieceLength));
    }

    /**
     * A buffer of at least {@code pieceLength} bytes, position 0, limit its capacity, with old
     * contents where it is reused: the caller overwrites the bytes it uses. On the network thread.
     */
    ByteBuffer take(int pieceLength) {
        if (pieceLength > length) {
            return ByteBuffer.allocate(pieceLength);
        }
        ByteBuffer reused = free.poll();
        if (reused != null) {
            return reused.clear();
        }
        if (made.incrementAndGet() <= kept) {
            try {
                // aligned, so that storage can write it past the page cache (FileStorageProvider)
                return ByteBuffer.allocateDirect(length + 2 * ALIGNMENT).alignedSlice(ALIGNMENT).slice(0, length);
            } catch (OutOfMemoryError e) {
                // -XX:MaxDirectMemorySize reached in an embedding JVM: slower, not broken
            }
        }
        made.decrementAndGet();
        return ByteBuffer.allocate(length);
    }

    /** Gives back a buffer nobody reads or writes any more; any thread (the disk pool, after the write). */
    void give(ByteBuffer piece) {
        if (piece.isDirect() && piece.capacity() == length) {
            free.offer(piece);
        }
    }

    /** Buffers waiting to be reused. */
    int free() {
        return free.size();
    }

    /** How many direct buffers there may be. */
    int kept() {
        return kept;
    }
}
