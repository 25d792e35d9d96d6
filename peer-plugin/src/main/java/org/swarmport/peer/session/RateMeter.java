package org.swarmport.peer.session;

/**
 * Bytes per second over the last few seconds, as an exponentially weighted moving average of
 * what was counted between ticks: the choker ranks peers by it (tit-for-tat) and the request
 * pipeline sizes itself by it. Updated on the network thread; the rate is readable from any.
 */
final class RateMeter {

    /** Weight of the newest tick: with 250 ms ticks, about a five-second window. */
    private static final double ALPHA = 0.05;

    private long pending;
    private long total;
    private long lastTickNanos = System.nanoTime();
    private volatile double rate;

    void add(long bytes) {
        pending += bytes;
        total += bytes;
    }

    void tick(long nowNanos) {
        long elapsed = nowNanos - lastTickNanos;
        if (elapsed <= 0) {
            return;
        }
        double instant = pending * 1e9 / elapsed;
        rate = rate == 0 ? instant : rate + ALPHA * (instant - rate) * Math.min(4.0, elapsed / 250e6);
        if (rate < 1) {
            rate = 0;
        }
        pending = 0;
        lastTickNanos = nowNanos;
    }

    /** Bytes per second. */
    double rate() {
        return rate;
    }

    long total() {
        return total;
    }
}
