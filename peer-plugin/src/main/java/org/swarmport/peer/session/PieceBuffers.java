package org.swarmport.peer.session;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The arrays pieces are assembled in, reused. A piece (256 KiB to 16 MiB) is a humongous object
 * for G1; a new one per piece costs a 1 MiB memset and, while the heap grows, page faults: a
 * fifth of the downloading network thread's time in the 256 MiB loopback bench (perf, 2026-12-02).
 * A reused array is not cleared: the session fills every byte it hands on, the piece's
 * {@code dataLength} (every requested block), and storage hashes the never-requested rest (BEP 47
 * pad files, v2 gaps) as zeros itself. At most {@code kept} arrays are held, all of the torrent's
 * nominal piece length; a short last piece gets a fresh array.
 */
final class PieceBuffers {

    /** What the free list may hold, in bytes: enough for the pieces of a deep pipeline and those on the disk pool. */
    static final long KEPT_BYTES = 32L << 20;

    private final int length;
    private final int kept;
    private final ConcurrentLinkedQueue<byte[]> free = new ConcurrentLinkedQueue<>();
    private final AtomicInteger freeCount = new AtomicInteger();

    /** Reuses arrays of {@code length} bytes, at most {@code kept} of them at a time. */
    PieceBuffers(int length, int kept) {
        this.length = length;
        this.kept = kept;
    }

    /** For pieces of {@code pieceLength} bytes: keeps {@link #KEPT_BYTES} of them, at least two. */
    static PieceBuffers forPieceLength(int pieceLength) {
        return new PieceBuffers(pieceLength, (int) Math.max(2, KEPT_BYTES / pieceLength));
    }

    /**
     * An array of at least {@code pieceLength} bytes, with old contents where it is reused: the
     * caller overwrites the bytes it uses. On the network thread.
     */
    byte[] take(int pieceLength) {
        if (pieceLength <= length) {
            byte[] reused = free.poll();
            if (reused != null) {
                freeCount.decrementAndGet();
                return reused;
            }
            return new byte[length];
        }
        return new byte[pieceLength];
    }

    /** Gives back an array nobody reads or writes any more; any thread (the disk pool, after the write). */
    void give(byte[] piece) {
        if (piece.length != length) {
            return;
        }
        if (freeCount.incrementAndGet() <= kept) {
            free.offer(piece);
        } else {
            freeCount.decrementAndGet();
        }
    }

    /** How many arrays may wait to be reused. */
    int kept() {
        return kept;
    }

    /** Arrays waiting to be reused. */
    int free() {
        return freeCount.get();
    }
}
