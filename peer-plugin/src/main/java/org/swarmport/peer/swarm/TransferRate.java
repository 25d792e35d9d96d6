package org.swarmport.peer.swarm;

/**
 * Bytes moved over a sliding window of time, for the choker's "rate over the last 20 seconds".
 * The window is cut into one-second slots in a ring, so adding is O(1) and old traffic falls out
 * of the window without a timer. Time is the caller's {@code nowNanos} (any origin, as
 * {@link System#nanoTime()}), never read here.
 */
final class TransferRate {

    private static final long SLOT_NANOS = 1_000_000_000L;

    private final long[] slots;
    /** Index, in absolute slots since the time origin, of the newest slot the ring holds. */
    private long newest;
    private boolean started;
    private long total;

    TransferRate(long windowNanos) {
        int count = (int) Math.max(1, windowNanos / SLOT_NANOS);
        this.slots = new long[count];
    }

    void add(long bytes, long nowNanos) {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative byte count " + bytes);
        }
        advance(nowNanos);
        slots[(int) Math.floorMod(newest, (long) slots.length)] += bytes;
        total += bytes;
    }

    /** Bytes in the window ending at {@code nowNanos}. */
    long bytesInWindow(long nowNanos) {
        advance(nowNanos);
        long sum = 0;
        for (long slot : slots) {
            sum += slot;
        }
        return sum;
    }

    /** Bytes per second over the window ending at {@code nowNanos}. */
    double bytesPerSecond(long nowNanos) {
        return bytesInWindow(nowNanos) / (double) slots.length;
    }

    /** Every byte ever added. */
    long total() {
        return total;
    }

    private void advance(long nowNanos) {
        long slot = Math.floorDiv(nowNanos, SLOT_NANOS);
        if (!started) {
            newest = slot;
            started = true;
            return;
        }
        if (slot <= newest) {
            // Time given out of order (or twice the same): count it in the newest slot.
            return;
        }
        long steps = Math.min(slot - newest, slots.length);
        for (long i = 1; i <= steps; i++) {
            slots[(int) Math.floorMod(newest + i, (long) slots.length)] = 0;
        }
        newest = slot;
    }
}
