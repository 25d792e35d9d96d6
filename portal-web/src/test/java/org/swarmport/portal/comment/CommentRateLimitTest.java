package org.swarmport.portal.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CommentRateLimitTest {

    /** The clock, moved by hand. */
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final CommentRateLimit limit = new CommentRateLimit(() -> now);

    @Test
    void firstCommentMayBePostedAtOnce() {
        assertEquals(Duration.ZERO, limit.take(1));
    }

    @Test
    void secondCommentWithinTenSecondsWaitsForTheRest() {
        limit.take(1);
        now = now.plusSeconds(3);

        assertEquals(Duration.ofSeconds(7), limit.take(1));
    }

    @Test
    void aRefusedAttemptDoesNotStartTheIntervalAgain() {
        limit.take(1);
        now = now.plusSeconds(9);
        limit.take(1);
        now = now.plusSeconds(1);

        assertEquals(Duration.ZERO, limit.take(1));
    }

    @Test
    void afterTenSecondsTheNextCommentMayBePosted() {
        limit.take(1);
        now = now.plus(CommentRateLimit.INTERVAL);

        assertEquals(Duration.ZERO, limit.take(1));
        now = now.plusMillis(500);
        assertEquals(Duration.ofMillis(9_500), limit.take(1));
    }

    @Test
    void eachAccountHasItsOwnTurn() {
        limit.take(1);

        assertEquals(Duration.ZERO, limit.take(2));
    }

    @Test
    void manyAccountsAreForgottenOnceTheyMayPostAgain() {
        for (long id = 0; id < 10_001; id++) {
            limit.take(id);
        }
        now = now.plusSeconds(11);
        limit.take(-1);
        now = now.minusSeconds(11);

        // had account 5 been remembered, this (moved-back) clock would make it wait
        assertEquals(Duration.ZERO, limit.take(5));
    }
}
