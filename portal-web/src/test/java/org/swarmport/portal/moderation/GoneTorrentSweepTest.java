package org.swarmport.portal.moderation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** When a sweep believes the tracker: deletions one by one yes, a whole catalogue missing no. */
class GoneTorrentSweepTest {

    @Test
    void aFewGoneTorrentsAreRemovedWhateverTheirShare() {
        assertFalse(GoneTorrentSweep.looksLikeAnotherTracker(3, 3), "three of three: a small portal's deletions");
        assertFalse(GoneTorrentSweep.looksLikeAnotherTracker(12, 9), "below the minimum of 10");
        assertFalse(GoneTorrentSweep.looksLikeAnotherTracker(0, 0));
    }

    @Test
    void halfOrLessOfManyIsBelieved() {
        assertFalse(GoneTorrentSweep.looksLikeAnotherTracker(1_000, 500));
        assertFalse(GoneTorrentSweep.looksLikeAnotherTracker(20, 10));
    }

    @Test
    void mostOfManyGoneAtOnceLooksLikeAnotherOrAnEmptyTrackerAndRemovesNothing() {
        assertTrue(GoneTorrentSweep.looksLikeAnotherTracker(10, 10), "an empty tracker: every one gone");
        assertTrue(GoneTorrentSweep.looksLikeAnotherTracker(1_000, 501));
        assertTrue(GoneTorrentSweep.looksLikeAnotherTracker(50_000, 49_990));
    }
}
