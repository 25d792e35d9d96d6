package org.swarmport.peer.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.swarmport.peer.crypto.EncryptionPolicy;
import org.swarmport.peer.pex.PexMessage;
import org.swarmport.peer.pex.PexPeer;
import org.swarmport.peer.wire.WireException;

/** What we take from ut_pex messages and whether we offer ut_pex at all (BEP 11, BEP 27). */
class PeerExchangeTest {

    private static final int OUR_PORT = 6001;

    private static InetSocketAddress at(String ip, int port) throws Exception {
        return new InetSocketAddress(InetAddress.getByName(ip), port);
    }

    private static PeerExchange open() {
        return new PeerExchange(false, OUR_PORT, InetAddress.getLoopbackAddress());
    }

    private static byte[] added(PexPeer... peers) {
        return new PexMessage(List.of(peers), List.of()).encode();
    }

    @Test
    void utPexIsOfferedBesideTheOtherExtensionsUnlessTheTorrentIsPrivate_BEP11_BEP27() {
        assertEquals(Map.of("ut_metadata", 2, "ut_pex", 1), open().extensions(Map.of("ut_metadata", 2)));
        PeerExchange closed = new PeerExchange(true, OUR_PORT, InetAddress.getLoopbackAddress());
        assertEquals(Map.of("ut_metadata", 2), closed.extensions(Map.of("ut_metadata", 2)));
        assertFalse(closed.isEnabled());
        PeerExchange magnet = open();
        magnet.disable();
        assertEquals(Map.of("ut_metadata", 2), magnet.extensions(Map.of("ut_metadata", 2)));
    }

    @Test
    void aPrivateTorrentTakesNoPeersFromPex_BEP27() throws Exception {
        PeerExchange closed = new PeerExchange(true, OUR_PORT, InetAddress.getLoopbackAddress());
        assertEquals(List.of(), closed.received(added(PexPeer.of(at("10.0.0.1", 1000))), false));
    }

    @Test
    void learnedPeersAreDeduplicatedAndNeverOurOwnAddress_BEP11() throws Exception {
        PeerExchange pex = open();
        List<InetSocketAddress> found = pex.received(added(PexPeer.of(at("10.0.0.1", 1000)),
                PexPeer.of(at("127.0.0.1", OUR_PORT)), PexPeer.of(at("10.0.0.1", 1000)), PexPeer.of(at("127.0.0.1", 7000)),
                PexPeer.of(at("10.0.0.2", 0)), PexPeer.of(at("::1", 7000))), false);
        assertEquals(List.of(at("10.0.0.1", 1000), at("127.0.0.1", 7000), at("::1", 7000)), found);
        assertTrue(pex.isOwn(at("127.0.0.1", OUR_PORT)));
        assertFalse(pex.isOwn(at("10.0.0.1", OUR_PORT)));
    }

    @Test
    void aSeedDoesNotConnectToSeedsItLearnsOf_BEP11() throws Exception {
        PexPeer seed = new PexPeer(at("10.0.0.3", 1000), PexPeer.SEED);
        PexPeer leech = PexPeer.of(at("10.0.0.4", 1000));
        assertEquals(List.of(leech.address()), open().received(added(seed, leech), true));
        assertEquals(List.of(seed.address(), leech.address()), open().received(added(seed, leech), false));
    }

    @Test
    void theEncryptionFlagChoosesHowAPreferredConnectionStarts_BEP11() throws Exception {
        PeerExchange pex = open();
        PexPeer encrypted = new PexPeer(at("10.0.0.5", 1000), PexPeer.PREFERS_ENCRYPTION);
        PexPeer plain = PexPeer.of(at("10.0.0.6", 1000));
        pex.received(added(encrypted, plain), false);
        assertEquals(EncryptionPolicy.PREFERRED, pex.policyFor(encrypted.address(), EncryptionPolicy.PREFERRED));
        assertEquals(EncryptionPolicy.DISABLED, pex.policyFor(plain.address(), EncryptionPolicy.PREFERRED));
        assertEquals(EncryptionPolicy.REQUIRED, pex.policyFor(plain.address(), EncryptionPolicy.REQUIRED));
        assertEquals(EncryptionPolicy.PREFERRED, pex.policyFor(at("10.0.0.7", 1), EncryptionPolicy.PREFERRED));
    }

    @Test
    void anUnflaggedPeerThatHangsUpOnPlaintextIsRetriedOnceWithEncryption_BEP11() throws Exception {
        PeerExchange pex = open();
        PexPeer plain = PexPeer.of(at("10.0.0.6", 1000));
        PexPeer encrypted = new PexPeer(at("10.0.0.5", 1000), PexPeer.PREFERS_ENCRYPTION);
        pex.received(added(plain, encrypted), false);
        assertFalse(pex.retryEncrypted(plain.address(), EncryptionPolicy.DISABLED), "we never encrypt");
        assertFalse(pex.retryEncrypted(encrypted.address(), EncryptionPolicy.PREFERRED), "it was dialled encrypted");
        assertFalse(pex.retryEncrypted(at("10.0.0.7", 1), EncryptionPolicy.PREFERRED), "not from PEX: dialled encrypted");
        assertTrue(pex.retryEncrypted(plain.address(), EncryptionPolicy.PREFERRED));
        assertEquals(EncryptionPolicy.PREFERRED, pex.policyFor(plain.address(), EncryptionPolicy.PREFERRED),
                "dialled encrypted first from now on");
        assertFalse(pex.retryEncrypted(plain.address(), EncryptionPolicy.PREFERRED), "once");
    }

    @Test
    void aMalformedMessageIsAProtocolErrorNamingUtPex() {
        WireException e = assertThrows(WireException.class, () -> open().received(new byte[] {'d', '5', ':'}, false));
        assertTrue(e.getMessage().startsWith("ut_pex: "), e.getMessage());
    }
}
