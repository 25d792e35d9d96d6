package org.swarmport.peer.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TransferRateTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void bytesLeaveTheWindowWhenItHasPassed() {
        TransferRate rate = new TransferRate(20 * SECOND);
        rate.add(1000, 0);
        rate.add(1000, 19 * SECOND);
        assertEquals(2000, rate.bytesInWindow(19 * SECOND + SECOND / 2));
        assertEquals(1000, rate.bytesInWindow(20 * SECOND));
        assertEquals(50.0, rate.bytesPerSecond(20 * SECOND));
        assertEquals(0, rate.bytesInWindow(1000 * SECOND));
        assertEquals(2000, rate.total());
    }

    @Test
    void worksWithNegativeTimesAndTimeThatGoesBackwards() {
        TransferRate rate = new TransferRate(5 * SECOND);
        rate.add(10, -3 * SECOND);
        rate.add(10, -4 * SECOND);
        assertEquals(20, rate.bytesInWindow(-3 * SECOND));
        assertEquals(0, rate.bytesInWindow(3 * SECOND));
        assertThrows(IllegalArgumentException.class, () -> rate.add(-1, 0));
    }

    @Test
    void aSecondReusingARingEntryStartsFromNothingAndTheSameSecondAddsUp() {
        TransferRate rate = new TransferRate(3 * SECOND);
        rate.add(1, 0);
        rate.add(2, SECOND / 2);
        rate.add(10, SECOND);
        rate.add(100, 2 * SECOND);
        assertEquals(113, rate.bytesInWindow(2 * SECOND));
        rate.add(1000, 3 * SECOND + 1); // the entry of second 0 again
        assertEquals(1110, rate.bytesInWindow(3 * SECOND + 1));
        rate.add(7, 7 * SECOND); // seconds 4 to 6 passed without traffic
        assertEquals(7, rate.bytesInWindow(7 * SECOND));
        assertEquals(1120, rate.total());
    }
}
