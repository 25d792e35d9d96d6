package org.swarmport.peer.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

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

    /** Writes up to {@code count} zero bytes to {@code target}; answers how many it took. */
    static long write(WritableByteChannel target, long count) throws IOException {
        long written = 0;
        while (written < count) {
            int take = (int) Math.min(count - written, PieceMap.BLOCK_SIZE);
            int n = target.write(slice(take));
            written += n;
            if (n < take) {
                break;
            }
        }
        return written;
    }
}
