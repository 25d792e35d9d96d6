package org.swarmport.peer.session;

import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Arrays a piece is assembled in, reused: a piece is typically 256 KiB to 16 MiB, which G1
 * allocates as a humongous object straight in the old generation, once per piece downloaded.
 * The network thread takes one when a piece's first block arrives; the disk pool gives it back
 * once the piece is hashed and written. A few are kept (bounded), of the one length most pieces
 * have; the rest are left to the collector.
 */
final class PieceBuffers {

    private final int length;
    private final int kept;
    private final ConcurrentLinkedQueue<byte[]> free = new ConcurrentLinkedQueue<>();
    private final AtomicInteger freeCount = new AtomicInteger();

    /** Reuses arrays of {@code length} bytes, at most {@code kept} of them at a time. */
    PieceBuffers(int length, int kept) {
        this.length = length;
        this.kept = kept;
    }

    /**
     * An array of {@code pieceLength} bytes, all zero: bytes never requested (BEP 47 pad files,
     * v2 alignment gaps) must hash as zeros.
     */
    byte[] take(int pieceLength) {
        if (pieceLength == length) {
            byte[] reused = free.poll();
            if (reused != null) {
                freeCount.decrementAndGet();
                Arrays.fill(reused, (byte) 0);
                return reused;
            }
        }
        return new byte[pieceLength];
    }

    /** Gives back an array nobody uses any more; any thread. */
    void give(byte[] piece) {
        if (piece.length == length && freeCount.incrementAndGet() <= kept) {
            free.offer(piece);
        } else if (piece.length == length) {
            freeCount.decrementAndGet();
        }
    }
}
