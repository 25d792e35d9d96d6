package org.swarmport.tracker.stats;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the tracker has answered since it started, per protocol, and the announce rate over
 * the last minute. LongAdders: every request thread counts without contending.
 */
@ApplicationScoped
public class TrackerCounters {

    /** The protocols announces and scrapes arrive by. */
    public enum Protocol { HTTP, UDP, WEBSOCKET }

    static final int SAMPLE_SECONDS = 5;
    static final int WINDOW_SAMPLES = 12;

    private final LongAdder[] announces = adders();
    private final LongAdder[] scrapes = adders();
    private final LongAdder[] failures = adders();

    /** Total announces at each of the last WINDOW_SAMPLES samples, a ring. */
    private final long[] samples = new long[WINDOW_SAMPLES + 1];
    private int sampleCount;
    private volatile double announcesPerSecond;

    @Resource
    ManagedScheduledExecutorService scheduler;
    private ScheduledFuture<?> sampling;

    private static LongAdder[] adders() {
        LongAdder[] adders = new LongAdder[Protocol.values().length];
        for (int i = 0; i < adders.length; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object warStarted) {
        sampling = scheduler.scheduleAtFixedRate(this::sample, SAMPLE_SECONDS, SAMPLE_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (sampling != null) {
            sampling.cancel(false);
        }
    }

    public void announce(Protocol protocol) {
        announces[protocol.ordinal()].increment();
    }

    public void scrape(Protocol protocol) {
        scrapes[protocol.ordinal()].increment();
    }

    /** A request answered with a failure reason. */
    public void failure(Protocol protocol) {
        failures[protocol.ordinal()].increment();
    }

    public long announces(Protocol protocol) {
        return announces[protocol.ordinal()].sum();
    }

    public long scrapes(Protocol protocol) {
        return scrapes[protocol.ordinal()].sum();
    }

    public long failures(Protocol protocol) {
        return failures[protocol.ordinal()].sum();
    }

    public long announces() {
        long total = 0;
        for (LongAdder adder : announces) {
            total += adder.sum();
        }
        return total;
    }

    /** Over the last minute, or since start when that is shorter. */
    public double announcesPerSecond() {
        return announcesPerSecond;
    }

    synchronized void sample() {
        long now = announces();
        int slot = sampleCount % samples.length;
        samples[slot] = now;
        sampleCount++;
        int span = Math.min(sampleCount - 1, WINDOW_SAMPLES);
        if (span > 0) {
            long then = samples[(sampleCount - 1 - span) % samples.length];
            announcesPerSecond = (now - then) / (double) (span * SAMPLE_SECONDS);
        }
    }
}
