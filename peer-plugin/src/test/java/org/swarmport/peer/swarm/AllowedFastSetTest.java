package org.swarmport.peer.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

class AllowedFastSetTest {

    private static final byte[] AA = new byte[20];

    static {
        Arrays.fill(AA, (byte) 0xaa);
    }

    @Test
    void sevenPieceSetMatchesTheBepsExample_BEP6() throws Exception {
        AllowedFastSet set = AllowedFastSet.of(InetAddress.getByName("80.4.4.200"), AA, 1313, 7);
        assertEquals(List.of(1059, 431, 808, 1217, 287, 376, 1188), set.pieces());
    }

    @Test
    void ninePieceSetMatchesTheBepsExample_BEP6() throws Exception {
        AllowedFastSet set = AllowedFastSet.of(InetAddress.getByName("80.4.4.200"), AA, 1313, 9);
        assertEquals(List.of(1059, 431, 808, 1217, 287, 376, 1188, 353, 508), set.pieces());
    }

    /** {@code same} gets the set of {@code address}, {@code other} another one. */
    private static void assertSharedSet(String address, String same, String other) throws Exception {
        List<Integer> set = AllowedFastSet.of(InetAddress.getByName(address), AA, 1313, 10).pieces();
        assertEquals(10, set.size());
        assertEquals(set, AllowedFastSet.of(InetAddress.getByName(same), AA, 1313, 10).pieces());
        assertNotEquals(set, AllowedFastSet.of(InetAddress.getByName(other), AA, 1313, 10).pieces());
    }

    @Test
    void addressesOfOneSlash24GetTheSameSet_BEP6() throws Exception {
        assertSharedSet("80.4.4.1", "80.4.4.254", "80.4.5.1");
    }

    @Test
    void defaultSizeIsTenDistinctPiecesInRange_BEP6() throws Exception {
        AllowedFastSet set = AllowedFastSet.of(InetAddress.getByName("10.1.2.3"), AA, 50, AllowedFastSet.DEFAULT_SIZE);
        assertEquals(10, set.pieces().size());
        assertEquals(10, new HashSet<>(set.pieces()).size());
        set.pieces().forEach(piece -> assertTrue(piece >= 0 && piece < 50));
        assertTrue(set.contains(set.pieces().get(3)));
    }

    @Test
    void aTorrentWithNoMorePiecesThanTheSetAllowsEveryPiece_BEP6() throws Exception {
        AllowedFastSet set = AllowedFastSet.of(InetAddress.getByName("10.1.2.3"), AA, 4, 10);
        assertEquals(new HashSet<>(List.of(0, 1, 2, 3)), new HashSet<>(set.pieces()));
    }

    @Test
    void ipv6PeersOfOneSlash48ShareASet() throws Exception {
        assertSharedSet("2001:db8:1::1", "2001:db8:1:ffff::2", "2001:db8:2::1");
    }

    @Test
    void refusesAnInfoHashThatIsNotTwentyBytes() throws Exception {
        InetAddress peer = InetAddress.getByName("10.0.0.1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AllowedFastSet.of(peer, new byte[32], 10, 10));
        assertEquals("info-hash of 32 bytes, the handshake's is 20", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AllowedFastSet.of(peer, AA, 0, 10));
    }
}
