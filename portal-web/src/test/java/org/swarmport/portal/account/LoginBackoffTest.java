package org.swarmport.portal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginBackoffTest {

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final HandClock clock = new HandClock();
    private final LoginBackoff backoff = new LoginBackoff(clock, 5, Duration.ofSeconds(30), Duration.ofHours(1),
            Duration.ofHours(1), 3);

    private void fail(String key, int times) {
        for (int i = 0; i < times; i++) {
            backoff.failed(key);
        }
    }

    @Test
    void fourFailuresLockNothing() {
        fail("alice", 4);

        assertEquals(Duration.ZERO, backoff.waitFor("alice"));
    }

    @Test
    void theFifthFailureLocksForThirtySecondsThenEachDoubles() {
        fail("alice", 5);
        assertEquals(Duration.ofSeconds(30), backoff.waitFor("alice"));

        clock.advance(Duration.ofSeconds(30));
        assertEquals(Duration.ZERO, backoff.waitFor("alice"));
        fail("alice", 1);
        assertEquals(Duration.ofSeconds(60), backoff.waitFor("alice"));

        clock.advance(Duration.ofSeconds(60));
        fail("alice", 1);
        assertEquals(Duration.ofSeconds(120), backoff.waitFor("alice"));
    }

    @Test
    void theLockNeverExceedsTheMaximum() {
        fail("alice", 1000);

        assertEquals(Duration.ofHours(1), backoff.waitFor("alice"));
    }

    @Test
    void theLockCountsDownWithTheClock() {
        fail("alice", 5);
        clock.advance(Duration.ofSeconds(12));

        assertEquals(Duration.ofSeconds(18), backoff.waitFor("alice"));
    }

    @Test
    void keysAreIndependent() {
        fail("alice", 5);

        assertEquals(Duration.ZERO, backoff.waitFor("bob"));
    }

    @Test
    void successClearsTheFailures() {
        fail("alice", 4);
        backoff.succeeded("alice");
        fail("alice", 4);

        assertEquals(Duration.ZERO, backoff.waitFor("alice"));
    }

    @Test
    void failuresAreForgottenAfterAQuietHour() {
        fail("alice", 4);
        clock.advance(Duration.ofHours(1));
        fail("alice", 4);

        assertEquals(Duration.ZERO, backoff.waitFor("alice"));
    }

    @Test
    void keepsAtMostItsCapacityDroppingTheLeastRecentlySeen() {
        fail("alice", 5);
        fail("bob", 1);
        fail("carol", 1);
        fail("dave", 1);

        assertEquals(3, backoff.size());
        assertEquals(Duration.ZERO, backoff.waitFor("alice"));
    }
}
