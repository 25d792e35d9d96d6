package org.swarmport.peer.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BanListTest {

    private static InetAddress ip(String address) throws Exception {
        return InetAddress.getByName(address);
    }

    @Test
    void aPeerThatSentAWholeBadPieceIsBannedAtOnce() throws Exception {
        BanList bans = new BanList();
        InetAddress bad = ip("10.0.0.1");
        assertEquals(Set.of(bad), bans.hashFailed(7, List.of(bad, bad, bad)));
        assertTrue(bans.isBanned(bad));
        assertEquals(Optional.of("sent all of piece 7, which failed its hash check"), bans.reason(bad));
        assertTrue(bans.hashFailed(8, List.of(bad)).isEmpty(), "already banned: not newly banned");
    }

    @Test
    void peersSharingABadPieceGetStrikesAndAreBannedAtTheThreshold() throws Exception {
        BanList bans = new BanList(3);
        InetAddress poisoner = ip("10.0.0.1");
        for (int piece = 0; piece < 2; piece++) {
            InetAddress honest = ip("10.0.1." + (piece + 1));
            assertTrue(bans.hashFailed(piece, List.of(poisoner, honest)).isEmpty());
            assertEquals(1, bans.strikes(honest));
        }
        assertEquals(2, bans.strikes(poisoner));
        assertEquals(Set.of(poisoner), bans.hashFailed(2, List.of(ip("10.0.1.9"), poisoner)));
        assertEquals(Optional.of("contributed to 3 pieces that failed their hash check (the last: piece 2)"), bans.reason(poisoner));
        assertFalse(bans.isBanned(ip("10.0.1.1")));
        assertEquals(1, bans.size());
    }

    @Test
    void blameFollowsAddressesSoReconnectingDoesNotHelp() throws Exception {
        BanList bans = new BanList();
        PieceFailure<String> failure = new PieceFailure<>(4, List.of("conn-1", "conn-2"));
        Map<String, InetAddress> addresses = Map.of("conn-1", ip("192.0.2.5"), "conn-2", ip("192.0.2.5"));
        assertEquals(Set.of(ip("192.0.2.5")), bans.hashFailed(failure, addresses::get),
                "two connections from one address sent the whole piece");
        assertTrue(bans.isBanned(ip("192.0.2.5")));
    }

    @Test
    void aBlockProvedBadByItsV2HashBansItsSenderAtOnce_BEP52() throws Exception {
        BanList bans = new BanList();
        assertTrue(bans.badBlock(ip("2001:db8::7"), new Block(3, 2 * Block.LENGTH, Block.LENGTH)));
        assertEquals(Optional.of("sent block 2 of piece 3, which failed its v2 block hash"), bans.reason(ip("2001:db8::7")));
        assertFalse(bans.badBlock(ip("2001:db8::7"), new Block(3, 0, Block.LENGTH)));
    }

    @Test
    void refusesAThresholdBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new BanList(0));
    }
}
