package org.swarmport.tracker.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.swarmport.tracker.udp.ConnectionIdIssuer.WINDOW_MILLIS;

import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConnectionIdIssuerTest {

    private static final byte[] CLIENT = {(byte) 192, (byte) 168, 0, 1};
    private static final byte[] OTHER_CLIENT = {(byte) 192, (byte) 168, 0, 2};
    private static final byte[] CLIENT6 = {
        0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1
    };
    private static final int PORT = 6881;
    private static final long T0 = 1_764_000_000_000L;

    private final ConnectionIdIssuer issuer = new ConnectionIdIssuer(new Random(42));

    @Test
    void sameClientIsValid_BEP15() {
        long id = issuer.issue(CLIENT, PORT, T0);

        assertTrue(issuer.isValid(id, CLIENT, PORT, T0));
        assertTrue(issuer.isValid(id, CLIENT, PORT, T0 + 1_000));
    }

    @Test
    void sameClientGetsTheSameIdWithinAWindow_BEP15() {
        long start = Math.floorDiv(T0, WINDOW_MILLIS) * WINDOW_MILLIS;

        assertEquals(issuer.issue(CLIENT, PORT, start), issuer.issue(CLIENT, PORT, start + WINDOW_MILLIS - 1));
    }

    @Test
    void otherAddressOrPortIsInvalid_BEP15() {
        long id = issuer.issue(CLIENT, PORT, T0);

        assertFalse(issuer.isValid(id, OTHER_CLIENT, PORT, T0));
        assertFalse(issuer.isValid(id, CLIENT, PORT + 1, T0));
        assertFalse(issuer.isValid(id, CLIENT6, PORT, T0));
    }

    @Test
    void ipv6ClientIsValid_BEP15() {
        long id = issuer.issue(CLIENT6, PORT, T0);

        assertTrue(issuer.isValid(id, CLIENT6, PORT, T0 + WINDOW_MILLIS));
        assertFalse(issuer.isValid(id, CLIENT, PORT, T0));
    }

    @Test
    void idIsValidForAtLeastSixtyAndAtMostOneHundredTwentySeconds_BEP15() {
        long start = Math.floorDiv(T0, WINDOW_MILLIS) * WINDOW_MILLIS;
        for (long offset = 0; offset < WINDOW_MILLIS; offset += 7_919) {
            ConnectionIdIssuer fresh = new ConnectionIdIssuer(new Random(offset));
            long issued = start + offset;
            long id = fresh.issue(CLIENT, PORT, issued);

            assertTrue(fresh.isValid(id, CLIENT, PORT, issued + 60_000), "offset " + offset);
            assertFalse(fresh.isValid(id, CLIENT, PORT, issued + 120_000), "offset " + offset);
        }
    }

    @Test
    void idIssuedJustBeforeAWindowBoundaryStaysValidAcrossIt_BEP15() {
        long boundary = (Math.floorDiv(T0, WINDOW_MILLIS) + 1) * WINDOW_MILLIS;
        long id = issuer.issue(CLIENT, PORT, boundary - 1);

        assertTrue(issuer.isValid(id, CLIENT, PORT, boundary));
        assertTrue(issuer.isValid(id, CLIENT, PORT, boundary + WINDOW_MILLIS - 1));
        assertFalse(issuer.isValid(id, CLIENT, PORT, boundary + WINDOW_MILLIS));
    }

    @Test
    void idIsInvalidAfterThreeWindows_BEP15() {
        long id = issuer.issue(CLIENT, PORT, T0);

        assertFalse(issuer.isValid(id, CLIENT, PORT, T0 + 3 * WINDOW_MILLIS));
    }

    @Test
    void idIsInvalidAfterTwoWindowsEvenIfTheIssuerSawNoTimeInBetween_BEP15() {
        long start = Math.floorDiv(T0, WINDOW_MILLIS) * WINDOW_MILLIS;
        long id = issuer.issue(CLIENT, PORT, start);

        assertFalse(issuer.isValid(id, CLIENT, PORT, start + 2 * WINDOW_MILLIS));
    }

    @Test
    void clockGoingBackKeepsTheLatestWindow() {
        long id = issuer.issue(CLIENT, PORT, T0);

        assertTrue(issuer.isValid(id, CLIENT, PORT, T0 - 10 * WINDOW_MILLIS));
        assertEquals(id, issuer.issue(CLIENT, PORT, T0 - 10 * WINDOW_MILLIS));
    }

    @Test
    void forgedRandomIdsAreInvalid_BEP15() {
        SplittableRandom random = new SplittableRandom(15);
        issuer.issue(CLIENT, PORT, T0 - WINDOW_MILLIS);
        for (int i = 0; i < 100_000; i++) {
            long forged = random.nextLong();
            assertFalse(issuer.isValid(forged, CLIENT, PORT, T0), () -> "forged id " + forged);
        }
    }

    @Test
    void protocolIdIsNotAValidConnectionId_BEP15() {
        assertFalse(issuer.isValid(UdpRequest.PROTOCOL_ID, CLIENT, PORT, T0));
    }

    @Test
    void issuersWithOtherKeysIssueOtherIds() {
        ConnectionIdIssuer other = new ConnectionIdIssuer();

        long id = issuer.issue(CLIENT, PORT, T0);

        assertNotEquals(id, other.issue(CLIENT, PORT, T0));
        assertFalse(other.isValid(id, CLIENT, PORT, T0));
    }

    @Test
    void addressOfAnotherLengthIsACallerBug() {
        assertThrows(IllegalArgumentException.class, () -> issuer.issue(new byte[5], PORT, T0));
        assertThrows(IllegalArgumentException.class, () -> issuer.isValid(1, new byte[0], PORT, T0));
    }

    @Test
    void threadsIssuingAcrossOneWindowBoundaryAgree() throws Exception {
        // Every "now" lies in two adjacent windows, so whichever thread advances the keys,
        // an id issued a moment ago is still in the current or the previous window.
        long start = Math.floorDiv(T0, WINDOW_MILLIS) * WINDOW_MILLIS;
        Thread[] threads = new Thread[4];
        boolean[] failed = new boolean[threads.length];
        for (int t = 0; t < threads.length; t++) {
            int index = t;
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 5_000; i++) {
                    long now = start + i * 23L;
                    long id = issuer.issue(CLIENT, PORT + index, now);
                    if (!issuer.isValid(id, CLIENT, PORT + index, now)) {
                        failed[index] = true;
                    }
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        for (boolean f : failed) {
            assertFalse(f);
        }
    }
}
