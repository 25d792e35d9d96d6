package org.swarmport.peer.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * libtorrent (boost.multiprecision builds such as 2.0.8) hashes a shared secret that begins with
 * a zero byte without that byte for {@code HASH('req3', S)}, with one byte of its stack after it:
 * our responder still finds the torrent, and our initiator says when to dial again.
 */
class UnpaddedSecretTest {

    private static final byte[] SKEY = MseHandshakeTest.SKEY;

    @Test
    void aSecretWithOneLeadingZeroHas256CandidateMasksAmongThemLibtorrentsForEveryStackByte() {
        byte[] secret = secretStartingWith((byte) 0, (byte) 0x37);
        byte[][] masks = UnpaddedSecret.candidateReq3Masks(secret);
        assertEquals(256, masks.length);
        for (int stackByte : new int[] {0, 0x5a, 0xff}) {
            assertTrue(Arrays.stream(masks).anyMatch(m -> Arrays.equals(m, libtorrentReq3(secret, stackByte))));
        }
        assertFalse(Arrays.stream(masks).anyMatch(m -> Arrays.equals(m, MseKeys.req3(secret))),
                "the padded secret's mask is tried first, not among these");
    }

    @Test
    void aSecretWithoutALeadingZeroOrWithTwoHasNone() {
        assertFalse(UnpaddedSecret.affects(secretStartingWith((byte) 1, (byte) 0)));
        assertEquals(0, UnpaddedSecret.candidateReq3Masks(secretStartingWith((byte) 1, (byte) 0)).length);
        assertTrue(UnpaddedSecret.affects(secretStartingWith((byte) 0, (byte) 0)));
        assertEquals(0, UnpaddedSecret.candidateReq3Masks(secretStartingWith((byte) 0, (byte) 0)).length);
    }

    @Test
    void ourResponderIdentifiesTheTorrentALibtorrentInitiatorNamedWithItsUnpaddedSecret() throws Exception {
        AffectedResponder affected = AffectedResponder.find(List.of(MseHandshakeTest.OTHER_SKEY, SKEY));
        affected.responder.receive(ByteBuffer.wrap(libtorrentStep3(affected.secret, 0xa5)));
        assertTrue(affected.responder.isDone(), "responder finished after a libtorrent-style step 3");
        assertArrayEquals(SKEY, affected.responder.result().skey().orElseThrow());
        assertEquals(CryptoMethod.RC4, affected.responder.result().method());
    }

    @Test
    void aTorrentNoMaskNamesIsStillUnknown() throws Exception {
        AffectedResponder affected = AffectedResponder.find(List.of(MseHandshakeTest.OTHER_SKEY));
        MseException e = assertThrows(MseException.class,
                () -> affected.responder.receive(ByteBuffer.wrap(libtorrentStep3(affected.secret, 7))));
        assertTrue(e.getMessage().startsWith("unknown SKEY"), e.getMessage());
    }

    /** A responder that has answered our Ya, and the secret S they share, one S libtorrent misreads. */
    private record AffectedResponder(MseHandshake responder, byte[] secret) {

        static AffectedResponder find(List<byte[]> torrents) throws MseException {
            SecureRandom random = new SecureRandom();
            for (int attempt = 0; attempt < 5_000; attempt++) {
                MseHandshake responder = MseHandshake.responder(SkeyIndex.of(torrents), EncryptionPolicy.PREFERRED, random);
                DiffieHellman ours = new DiffieHellman(random);
                responder.receive(ByteBuffer.wrap(ours.publicKey()));
                byte[] yb = new byte[DiffieHellman.KEY_BYTES];
                responder.output().get(yb);
                byte[] secret = ours.sharedSecret(yb);
                if (secret[0] == 0 && secret[1] != 0) {
                    return new AffectedResponder(responder, secret); // 255 times in 256 the ordinary case
                }
            }
            throw new AssertionError("no secret with one leading zero byte in 5,000 handshakes (expected ~20)");
        }
    }

    @Test
    void ourInitiatorFlagsExactlyTheSecretsLibtorrentMisreads() throws Exception {
        SecureRandom random = new SecureRandom();
        int flagged = 0;
        int attempts = 0;
        for (; attempts < 5_000 && flagged < 3; attempts++) {
            MseHandshake initiator = MseHandshake.initiator(SKEY, EncryptionPolicy.REQUIRED, new byte[0], random);
            byte[] ya = new byte[DiffieHellman.KEY_BYTES];
            initiator.output().get(ya);
            initiator.output().position(initiator.output().limit()); // PadA
            assertFalse(initiator.secretMisreadByLibtorrent(), "nothing is known before Yb");
            DiffieHellman theirs = new DiffieHellman(random);
            initiator.receive(ByteBuffer.wrap(theirs.publicKey()));
            byte[] secret = theirs.sharedSecret(ya);
            assertEquals(secret[0] == 0, initiator.secretMisreadByLibtorrent(), "flag follows S's first byte");
            if (initiator.secretMisreadByLibtorrent()) {
                flagged++;
            }
        }
        assertEquals(3, flagged, "three flagged secrets within " + attempts + " handshakes");
    }

    /** libtorrent's step 3: req1 and the keys from the padded S, the req3 mask from the unpadded one. */
    private static byte[] libtorrentStep3(byte[] secret, int stackByte) {
        byte[] obfuscated = MseKeys.xor(MseKeys.req2(SKEY), libtorrentReq3(secret, stackByte));
        byte[] encrypted = new byte[8 + 4 + 2 + 2];
        encrypted[11] = (byte) CryptoMethod.RC4.bit();
        MseKeys.keyA(secret, SKEY).apply(encrypted, 0, encrypted.length);
        return MseHandshakeTest.concat(MseHandshakeTest.concat(MseKeys.req1(secret), obfuscated), encrypted);
    }

    private static byte[] libtorrentReq3(byte[] secret, int stackByte) {
        byte[] buffer = new byte[DiffieHellman.KEY_BYTES];
        System.arraycopy(secret, 1, buffer, 0, secret.length - 1);
        buffer[buffer.length - 1] = (byte) stackByte;
        return MseKeys.req3(buffer);
    }

    private static byte[] secretStartingWith(byte first, byte second) {
        byte[] secret = MseHandshakeTest.bytes(DiffieHellman.KEY_BYTES, 3);
        secret[0] = first;
        secret[1] = second;
        return secret;
    }
}
