package org.swarmport.tracker.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PeerIdentityTest {

    private static final byte[] PEER_ID = "-qB4650-abcdefghijkl".getBytes(StandardCharsets.US_ASCII);

    @Test
    void sipHashMatchesTheReferenceVector() {
        // SipHash-2-4 paper, appendix A: key 00..0f, message 00..0e.
        byte[] message = new byte[15];
        for (int i = 0; i < message.length; i++) {
            message[i] = (byte) i;
        }
        assertEquals(0xa129ca6149be45e5L, SipHash.hash(0x0706050403020100L, 0x0f0e0d0c0b0a0908L, message, 0, 15));
    }

    @Test
    void samePeerIdAndKeyGiveTheSameIdentity() {
        assertEquals(PeerIdentity.of(PEER_ID, null), PeerIdentity.of(PEER_ID.clone(), null));
        assertEquals(PeerIdentity.of(PEER_ID, new byte[] {1, 2, 3}), PeerIdentity.of(PEER_ID, new byte[] {1, 2, 3}));
    }

    @Test
    void keyIsPartOfTheIdentity() {
        assertNotEquals(PeerIdentity.of(PEER_ID, null), PeerIdentity.of(PEER_ID, new byte[] {1, 2, 3}));
        assertNotEquals(PeerIdentity.of(PEER_ID, new byte[] {1, 2, 3}), PeerIdentity.of(PEER_ID, new byte[] {1, 2, 4}));
    }

    @Test
    void readsPeerIdAndKeyFromInsideAPacket_BEP15() {
        byte[] packet = new byte[98];
        System.arraycopy(PEER_ID, 0, packet, 36, 20);
        packet[88] = 9;
        assertEquals(PeerIdentity.of(PEER_ID, new byte[] {9, 0, 0, 0}),
                PeerIdentity.of(packet, 36, 20, packet, 88, 4));
    }
}
