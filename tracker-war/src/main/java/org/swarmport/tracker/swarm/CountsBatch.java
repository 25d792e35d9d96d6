package org.swarmport.tracker.swarm;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Swarm counts copied out of a shard under its lock, handed to a {@link SwarmCountsSink} after the
 * lock is released: a slow sink (a database write) must never hold up announces. Reused across the
 * shards of one drain.
 */
final class CountsBatch {

    private static final VarHandle LONG_BE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT_BE =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private long[] hashes = new long[2 * 64];
    private int[] ints = new int[5 * 64];
    private int size;

    void add(Swarm swarm) {
        if (size == ints.length / 5) {
            hashes = Arrays.copyOf(hashes, hashes.length * 2);
            ints = Arrays.copyOf(ints, ints.length * 2);
        }
        hashes[2 * size] = swarm.hash0;
        hashes[2 * size + 1] = swarm.hash1;
        int i = 5 * size;
        ints[i] = swarm.hash2;
        ints[i + 1] = swarm.seeders();
        ints[i + 2] = swarm.leechers();
        ints[i + 3] = swarm.completed();
        ints[i + 4] = swarm.completedIncrement();
        size++;
    }

    /** Hands every entry to {@code sink} and empties the batch. */
    void flushTo(SwarmCountsSink sink, byte[] infoHash) {
        for (int n = 0; n < size; n++) {
            LONG_BE.set(infoHash, 0, hashes[2 * n]);
            LONG_BE.set(infoHash, 8, hashes[2 * n + 1]);
            int i = 5 * n;
            INT_BE.set(infoHash, 16, ints[i]);
            sink.accept(infoHash, ints[i + 1], ints[i + 2], ints[i + 3], ints[i + 4]);
        }
        size = 0;
    }
}
