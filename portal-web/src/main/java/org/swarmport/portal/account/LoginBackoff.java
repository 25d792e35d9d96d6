package org.swarmport.portal.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed sign-ins per key (a username or a client address), in memory: after {@code allowed}
 * failures each further one locks the key for twice as long as the last, from {@code firstLock}
 * up to {@code maxLock}. A key without failures for {@code forgetAfter} starts afresh. At most
 * {@code capacity} keys are kept, the least recently seen dropped first, so a flood of names
 * cannot fill the heap (at the price of forgetting the oldest).
 */
final class LoginBackoff {

    private final Clock clock;
    private final int allowed;
    private final Duration firstLock;
    private final Duration maxLock;
    private final Duration forgetAfter;
    private final Map<String, Failures> failures;

    private static final class Failures {
        int count;
        Instant last;
        Instant lockedUntil = Instant.MIN;
    }

    LoginBackoff(Clock clock, int allowed, Duration firstLock, Duration maxLock, Duration forgetAfter, int capacity) {
        this.clock = clock;
        this.allowed = allowed;
        this.firstLock = firstLock;
        this.maxLock = maxLock;
        this.forgetAfter = forgetAfter;
        this.failures = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > capacity;
            }
        };
    }

    /** How long this key must still wait before the next attempt; zero when it may try now. */
    synchronized Duration waitFor(String key) {
        Failures f = current(key);
        if (f == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), f.lockedUntil);
        return left.isNegative() ? Duration.ZERO : left;
    }

    synchronized void failed(String key) {
        Instant now = clock.instant();
        Failures f = current(key);
        if (f == null) {
            f = new Failures();
            failures.put(key, f);
        }
        f.count++;
        f.last = now;
        if (f.count >= allowed) {
            f.lockedUntil = now.plus(lockAfter(f.count - allowed));
        }
    }

    synchronized void succeeded(String key) {
        failures.remove(key);
    }

    synchronized int size() {
        return failures.size();
    }

    /** firstLock · 2^extra, capped, without overflowing for a long run of failures. */
    private Duration lockAfter(int extra) {
        Duration lock = firstLock;
        for (int i = 0; i < extra && lock.compareTo(maxLock) < 0; i++) {
            lock = lock.multipliedBy(2);
        }
        return lock.compareTo(maxLock) > 0 ? maxLock : lock;
    }

    private Failures current(String key) {
        Failures f = failures.get(key);
        if (f != null && Duration.between(f.last, clock.instant()).compareTo(forgetAfter) >= 0
                && !clock.instant().isBefore(f.lockedUntil)) {
            failures.remove(key);
            return null;
        }
        return f;
    }
}
