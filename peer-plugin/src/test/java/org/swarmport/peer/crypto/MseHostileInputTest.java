package org.swarmport.peer.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.swarmport.peer.crypto.HostilePeer.concat;
import static org.swarmport.peer.crypto.HostilePeer.drain;
import static org.swarmport.peer.crypto.MseHandshakeTest.BT_HANDSHAKE;
import static org.swarmport.peer.crypto.MseHandshakeTest.SKEY;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a hostile or broken peer can send during MSE, and the precise refusal each gets. */
class MseHostileInputTest {

    private static final byte[] VC = new byte[8];
    private static final int RC4 = CryptoMethod.RC4.bit();

    private static MseHandshake responder(EncryptionPolicy policy) {
        return MseHandshake.responder(SkeyIndex.of(List.of(SKEY)), policy);
    }

    private static String refusal(MseHandshake handshake, byte[] bytes) {
        MseException e = assertThrows(MseException.class, () -> handshake.receive(ByteBuffer.wrap(bytes)));
        assertTrue(handshake.isFailed());
        assertFalse(handshake.hasOutput(), "nothing more is sent to a peer we drop");
        MseException again = assertThrows(MseException.class, () -> handshake.receive(ByteBuffer.wrap(new byte[1])));
        assertSame(e, again, "a failed handshake stays failed");
        return e.getMessage();
    }

    /** A responder that has read our Ya, and our peer agreed on keys with it. */
    private static HostilePeer initiatorAgainst(MseHandshake responder, int padA) throws MseException {
        HostilePeer peer = new HostilePeer();
        byte[] opening = peer.opening(padA);
        responder.receive(ByteBuffer.wrap(opening));
        peer.agree(drain(responder), SKEY, true);
        return peer;
    }

    /** What a REQUIRED responder says to a step 3 with these fields, after PadA of {@code padA} bytes. */
    private static String step3Refusal(int padA, byte[] skey, byte[] vc, int provide, int padC) throws MseException {
        MseHandshake responder = responder(EncryptionPolicy.REQUIRED);
        HostilePeer peer = initiatorAgainst(responder, padA);
        return refusal(responder, peer.step3(skey, vc, provide, padC, BT_HANDSHAKE));
    }

    @Test
    void garbageWithoutTheReq1MarkerIsRefusedAfter512BytesOfPadding() {
        byte[] garbage = new byte[2000];
        new Random(1).nextBytes(garbage);
        garbage[0] = 0x55;
        assertEquals("no HASH('req1', S) from the initiator within 512 bytes of padding",
                refusal(responder(EncryptionPolicy.PREFERRED), garbage));
    }

    @Test
    void req1MarkerAfterExactly512BytesOfPadAIsFound() throws MseException {
        MseHandshake responder = responder(EncryptionPolicy.REQUIRED);
        HostilePeer peer = initiatorAgainst(responder, 512);
        responder.receive(ByteBuffer.wrap(peer.step3(SKEY, VC, RC4, 0, BT_HANDSHAKE)));
        assertTrue(responder.isDone());
        assertArrayEquals(SKEY, responder.result().skey().orElseThrow());
    }

    @Test
    void req1MarkerAfter513BytesOfPadAIsRefused() throws MseException {
        assertEquals("no HASH('req1', S) from the initiator within 512 bytes of padding",
                step3Refusal(513, SKEY, VC, RC4, 0));
    }

    @Test
    void badVerificationConstantIsRefused() throws MseException {
        byte[] vc = new byte[8];
        vc[7] = 1;
        assertEquals("bad VC: the initiator's verification constant is not 8 zero bytes",
                step3Refusal(17, SKEY, vc, RC4, 0));
    }

    @Test
    void unknownSkeyIsRefused() throws MseException {
        assertEquals("unknown SKEY: HASH('req2', SKEY) matches no torrent here",
                step3Refusal(0, MseHandshakeTest.OTHER_SKEY, VC, RC4, 0));
    }

    @Test
    void padCOver512BytesIsRefused() throws MseException {
        assertEquals("PadC of 513 bytes exceeds 512", step3Refusal(0, SKEY, VC, RC4, 513));
    }

    @Test
    void padCOf512BytesIsAccepted() throws MseException {
        MseHandshake responder = responder(EncryptionPolicy.REQUIRED);
        HostilePeer peer = initiatorAgainst(responder, 0);
        responder.receive(ByteBuffer.wrap(peer.step3(SKEY, VC, RC4, 512, BT_HANDSHAKE)));
        assertArrayEquals(BT_HANDSHAKE, MseHandshakeTest.remaining(responder.result().received()));
    }

    @Test
    void plaintextOnlyOfferToARequiringResponderHasNoCommonMethod() throws MseException {
        assertEquals("no common crypto method: peer provides 0x00000001, encryption policy REQUIRED accepts RC4 (0x02) only",
                step3Refusal(0, SKEY, VC, CryptoMethod.PLAINTEXT.bit(), 0));
    }

    @ParameterizedTest(name = "crypto_provide {0}")
    @ValueSource(ints = {0, 4, 0xfffffffc})
    void offerOfNoKnownMethodHasNoCommonMethod(int provide) throws MseException {
        MseHandshake responder = responder(EncryptionPolicy.PREFERRED);
        HostilePeer peer = initiatorAgainst(responder, 0);
        assertTrue(refusal(responder, peer.step3(SKEY, VC, provide, 0, BT_HANDSHAKE))
                .startsWith(String.format("no common crypto method: peer provides 0x%08x", provide)));
    }

    @ParameterizedTest(name = "public key {0}")
    @ValueSource(strings = {"0", "1", "P-1", "P", "2^768-1"})
    void degeneratePublicKeyIsRefused(String which) {
        BigInteger p = DiffieHellman.PRIME;
        BigInteger y = switch (which) {
            case "P-1" -> p.subtract(BigInteger.ONE);
            case "P" -> p;
            case "2^768-1" -> BigInteger.ONE.shiftLeft(768).subtract(BigInteger.ONE);
            default -> new BigInteger(which);
        };
        byte[] opening = DiffieHellman.toKeyBytes(y);
        assertEquals("peer's Diffie-Hellman public key is outside 2..P-2",
                refusal(responder(EncryptionPolicy.PREFERRED), opening));
        MseHandshake initiator = MseHandshake.initiator(SKEY, EncryptionPolicy.REQUIRED, BT_HANDSHAKE);
        assertEquals("peer's Diffie-Hellman public key is outside 2..P-2", refusal(initiator, opening));
    }

    @Test
    void disabledResponderRefusesAnMseOpeningAtItsFirstByte() {
        assertEquals("peer starts an MSE handshake (or garbage) but encryption is disabled",
                refusal(responder(EncryptionPolicy.DISABLED), new byte[] {0x42}));
    }

    @Test
    void requiringResponderRefusesAPlaintextHandshake_BEP3() {
        assertEquals("peer sent a plaintext BitTorrent handshake but encryption is required",
                refusal(responder(EncryptionPolicy.REQUIRED), BT_HANDSHAKE));
    }

    @Test
    void plaintextPrefixThatBreaksOffIsTakenForMse() throws MseException {
        MseHandshake responder = responder(EncryptionPolicy.PREFERRED);
        byte[] almost = java.util.Arrays.copyOf(BT_HANDSHAKE, 96);
        almost[19] = 'X';
        responder.receive(ByteBuffer.wrap(almost));
        assertFalse(responder.isDone() || responder.isFailed());
        int answer = responder.output().remaining();
        assertTrue(answer >= 96 && answer <= 96 + 512, "answered with Yb and PadB: " + answer);
    }

    // --- a hostile responder, against our initiator ---

    private static MseHandshake initiator(EncryptionPolicy policy) {
        return MseHandshake.initiator(SKEY, policy, BT_HANDSHAKE);
    }

    /** Feeds our initiator a responder's Yb and PadB; answers the hostile responder, keys agreed. */
    private static HostilePeer responderAgainst(MseHandshake initiator, int padB, byte[] afterPadding)
            throws MseException {
        HostilePeer peer = new HostilePeer();
        peer.agree(drain(initiator), SKEY, false);
        byte[] bytes = concat(peer.opening(padB), afterPadding == null ? new byte[0] : afterPadding);
        initiator.receive(ByteBuffer.wrap(java.util.Arrays.copyOf(bytes, DiffieHellman.KEY_BYTES)));
        return peer;
    }

    @Test
    void encryptedVcAfter513BytesOfPadBIsRefused() throws MseException {
        MseHandshake initiator = initiator(EncryptionPolicy.REQUIRED);
        HostilePeer peer = responderAgainst(initiator, 0, null);
        byte[] rest = concat(new byte[513], peer.step4(VC, RC4, 0));
        assertEquals("no encrypted VC from the responder within 512 bytes of padding", refusal(initiator, rest));
    }

    @Test
    void encryptedVcAfter512BytesOfPadBIsFound() throws MseException {
        MseHandshake initiator = initiator(EncryptionPolicy.REQUIRED);
        HostilePeer peer = responderAgainst(initiator, 0, null);
        initiator.receive(ByteBuffer.wrap(concat(new byte[512], peer.step4(VC, RC4, 3))));
        assertTrue(initiator.isDone());
        assertEquals(CryptoMethod.RC4, initiator.result().method());
    }

    @Test
    void responderSelectingAMethodWeDidNotOfferIsRefused() throws MseException {
        MseHandshake initiator = initiator(EncryptionPolicy.REQUIRED);
        HostilePeer peer = responderAgainst(initiator, 0, null);
        assertEquals("peer selected crypto method 0x00000001, we provided 0x00000002",
                refusal(initiator, peer.step4(VC, CryptoMethod.PLAINTEXT.bit(), 0)));
    }

    @Test
    void responderSelectingTwoMethodsAtOnceIsRefused() throws MseException {
        MseHandshake initiator = initiator(EncryptionPolicy.PREFERRED);
        HostilePeer peer = responderAgainst(initiator, 0, null);
        assertEquals("peer selected crypto method 0x00000003, we provided 0x00000003",
                refusal(initiator, peer.step4(VC, 3, 0)));
    }

    @Test
    void padDOver512BytesIsRefused() throws MseException {
        MseHandshake initiator = initiator(EncryptionPolicy.REQUIRED);
        HostilePeer peer = responderAgainst(initiator, 5, null);
        assertEquals("PadD of 65535 bytes exceeds 512",
                refusal(initiator, concat(new byte[5], peer.step4(VC, RC4, 0xffff))));
    }

    @Test
    void truncatedHandshakeWaitsWithoutFailingOrAllocating() throws MseException {
        MseHandshake responder = responder(EncryptionPolicy.REQUIRED);
        HostilePeer peer = initiatorAgainst(responder, 100);
        byte[] step3 = peer.step3(SKEY, VC, RC4, 0, BT_HANDSHAKE);
        responder.receive(ByteBuffer.wrap(step3, 0, step3.length - 1));
        assertFalse(responder.isDone() || responder.isFailed());
        responder.receive(ByteBuffer.wrap(step3, step3.length - 1, 1));
        assertTrue(responder.isDone());
    }

    @Test
    void bytesAfterTheHandshakeAreLeftToTheCaller() throws MseException {
        MseHandshake responder = responder(EncryptionPolicy.REQUIRED);
        HostilePeer peer = initiatorAgainst(responder, 0);
        byte[] step3 = peer.step3(SKEY, VC, RC4, 0, BT_HANDSHAKE);
        byte[] next = {0, 0, 0, 1, 2};
        peer.out.apply(next, 0, next.length);
        ByteBuffer in = ByteBuffer.wrap(concat(step3, next));
        responder.receive(in);
        assertEquals(next.length, in.remaining());
        responder.result().inbound().apply(in);
        assertEquals(ByteBuffer.wrap(new byte[] {0, 0, 0, 1, 2}), in, "interested, deciphered in the caller's buffer");
    }
}
