package org.swarmport.portal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginLimiterTest {

    private final LoginLimiter limiter = new LoginLimiter(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void fiveFailuresForOneNameLockItInAnyCaseFromAnyAddress() {
        for (int i = 0; i < LoginLimiter.PER_USERNAME; i++) {
            limiter.failed("Alice", "192.0.2." + i);
        }

        assertEquals(Duration.ofSeconds(30), limiter.waitFor("alice", "198.51.100.7"));
        assertEquals(Duration.ZERO, limiter.waitFor("bob", "198.51.100.7"));
    }

    @Test
    void twentyFailuresFromOneAddressLockItForEveryName() {
        for (int i = 0; i < LoginLimiter.PER_ADDRESS; i++) {
            limiter.failed("user" + i, "192.0.2.1");
        }

        assertTrue(limiter.waitFor("someone-else", "192.0.2.1").compareTo(Duration.ZERO) > 0);
        assertEquals(Duration.ZERO, limiter.waitFor("someone-else", "192.0.2.2"));
    }

    @Test
    void signingInClearsTheNameButNotTheAddress() {
        for (int i = 0; i < LoginLimiter.PER_ADDRESS; i++) {
            limiter.failed("alice", "192.0.2.1");
        }
        limiter.succeeded("alice");

        assertEquals(Duration.ZERO, limiter.waitFor("alice", "192.0.2.2"));
        assertTrue(limiter.waitFor("alice", "192.0.2.1").compareTo(Duration.ZERO) > 0);
    }
}
