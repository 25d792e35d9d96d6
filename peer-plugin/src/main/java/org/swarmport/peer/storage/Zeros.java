package org.swarmport.peer.storage;

import java.nio.ByteBuffer;

/** The zeros of pad files, alignment gaps and bytes never written, without allocating per use. */
final class Zeros {

    private static final ByteBuffer BLOCK = ByteBuffer.allocateDirect(PieceMap.BLOCK_SIZE).asReadOnlyBuffer();

    private Zeros() {
    }

    /** {@code length} zeros, at most a block, read-only. */
    static ByteBuffer slice(int length) {
        return BLOCK.duplicate().limit(length);
    }

    /** Puts {@code count} zero bytes into {@code target}. */
    static void fill(ByteBuffer target, int count) {
        while (count > 0) {
            int take = Math.min(count, PieceMap.BLOCK_SIZE);
            target.put(slice(take));
            count -= take;
        }
    }
}
