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
    /**
     * Index, in absolute slots since the time origin, of the newest slot the ring holds. It starts
     * far in the past (half of {@code long}'s range: no overflow for any {@code nanoTime}), so that
     * the first add is an ordinary roll-over of an empty ring, not a branch of its own: a
     * first-time branch is never taken in the profile C2 compiled a warm JVM's hot path with, and
     * taking it (every new connection's first block) threw that code away (JFR jdk.Deoptimization,
     * {@code unstable_if} here, 2026-12-02).
     */
    private long newest = Long.MIN_VALUE / 2;
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
        slots[index(newest)] += bytes;
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

    /**
     * The ring index of an absolute slot, negative ones included; arithmetic rather than
     * {@code Math.floorMod}, whose branch for a negative dividend the first add (from
     * {@link #newest}'s start far in the past) would take and no later one.
     */
    private int index(long slot) {
        long length = slots.length;
        return (int) ((slot % length + length) % length);
    }

    private void advance(long nowNanos) {
        long slot = Math.floorDiv(nowNanos, SLOT_NANOS);
        if (slot <= newest) {
            // Time given out of order (or twice the same): count it in the newest slot.
            return;
        }
        long steps = Math.min(slot - newest, slots.length);
        for (long i = 1; i <= steps; i++) {
            slots[index(newest + i)] = 0;
        }
        newest = slot;
    }
}
