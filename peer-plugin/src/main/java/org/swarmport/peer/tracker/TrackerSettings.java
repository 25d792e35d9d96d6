package org.swarmport.peer.tracker;

import java.time.Duration;
import java.util.Objects;

/**
 * How tracker clients behave on the network.
 *
 * @param httpTimeout     longest wait for an HTTP tracker's whole answer
 * @param udpTimeoutBase  BEP 15's 15 seconds: attempt {@code n} waits {@code base * 2^n}; tests
 *                        make it milliseconds
 * @param udpMaxRetries   retransmissions after the first attempt, BEP 15's 8
 * @param maxResponseSize largest HTTP answer read, in bytes
 * @param maxPeers        most peers accepted from one answer
 * @param userAgent       HTTP {@code User-Agent}
 */
public record TrackerSettings(Duration httpTimeout, Duration udpTimeoutBase, int udpMaxRetries, int maxResponseSize,
                              int maxPeers, String userAgent) {

    /** BEP 15's timing; 1 MiB and 2,000 peers are far beyond what any tracker sends (50 to 200 peers). */
    public static final TrackerSettings DEFAULT = new TrackerSettings(Duration.ofSeconds(30), Duration.ofSeconds(15), 8,
            1 << 20, 2000, "Swarmport/0.1");

    public TrackerSettings {
        Objects.requireNonNull(httpTimeout, "httpTimeout");
        Objects.requireNonNull(udpTimeoutBase, "udpTimeoutBase");
        Objects.requireNonNull(userAgent, "userAgent");
        if (httpTimeout.isNegative() || httpTimeout.isZero() || udpTimeoutBase.isNegative() || udpTimeoutBase.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (udpMaxRetries < 0 || udpMaxRetries > 16) {
            throw new IllegalArgumentException("udpMaxRetries must be within 0..16: " + udpMaxRetries);
        }
        if (maxResponseSize < 1 || maxPeers < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** These settings with another UDP timing. */
    public TrackerSettings withUdpTiming(Duration base, int retries) {
        return new TrackerSettings(httpTimeout, base, retries, maxResponseSize, maxPeers, userAgent);
    }

    /** These settings with another HTTP timeout. */
    public TrackerSettings withHttpTimeout(Duration timeout) {
        return new TrackerSettings(timeout, udpTimeoutBase, udpMaxRetries, maxResponseSize, maxPeers, userAgent);
    }
}
