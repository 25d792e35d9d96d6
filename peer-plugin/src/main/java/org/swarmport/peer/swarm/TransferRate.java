package org.swarmport.peer.swarm;

/**
 * Bytes moved over a sliding window of time, for the choker's "rate over the last 20 seconds".
 * The window is cut into one-second slots in a ring, so adding is O(1) and old traffic falls out
 * of the window without a timer. Time is the caller's {@code nowNanos} (any origin, as
 * {@link System#nanoTime()}), never read here.
 */
final class TransferRate {

    private static final long SLOT_NANOS = 1_000_000_000L;

    /** Bytes per slot, and the absolute slot (seconds since the time origin) each holds. */
    private final long[] slots;
    private final long[] stamps;
    /**
     * The newest absolute slot added to or asked about: time given out of order (or twice the
     * same) counts there. It starts far in the past (half of {@code long}'s range: no overflow for
     * any {@code nanoTime}), so that the first add is no case of its own.
     */
    private long newest = Long.MIN_VALUE / 2;
    private long total;

    TransferRate(long windowNanos) {
        int count = (int) Math.max(1, windowNanos / SLOT_NANOS);
        this.slots = new long[count];
        this.stamps = new long[count];
    }

    /**
     * Without a branch on whether a new second began: a ring entry still holding an older second
     * is reset by a mask. A branch there is taken once a second, so the profile C2 compiled a cold
     * transfer's receive and upload paths with had never seen it taken, and the first second mark
     * threw both away ({@code unstable_if} in {@code advance}, with {@code TorrentSession.onMessage}
     * and {@code Choker.sent} made not entrant, JFR jdk.Deoptimization and -XX:+PrintCompilation,
     * issue #6).
     */
    void add(long bytes, long nowNanos) {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative byte count " + bytes);
        }
        long slot = advance(nowNanos);
        int index = index(slot);
        long stale = stamps[index] ^ slot; // 0 when the entry holds this second already
        long keep = ~((stale | -stale) >> 63); // all ones then, zero for an older second
        slots[index] = (slots[index] & keep) + bytes;
        stamps[index] = slot;
        total += bytes;
    }

    /** Bytes in the window ending at {@code nowNanos}. */
    long bytesInWindow(long nowNanos) {
        long slot = advance(nowNanos);
        long sum = 0;
        for (int i = 0; i < slots.length; i++) {
            if (slot - stamps[i] < slots.length) {
                sum += slots[i];
            }
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

    /** The ring index of an absolute slot, negative ones (a negative {@code nanoTime}) included; arithmetic, without {@code Math.floorMod}'s branch. */
    private int index(long slot) {
        long length = slots.length;
        return (int) ((slot % length + length) % length);
    }

    /** The newest slot, moved on to {@code nowNanos}'s when that is later: a maximum without a branch, as {@link #add}. */
    private long advance(long nowNanos) {
        long later = Math.floorDiv(nowNanos, SLOT_NANOS) - newest;
        newest += later & ~(later >> 63);
        return newest;
    }
}
