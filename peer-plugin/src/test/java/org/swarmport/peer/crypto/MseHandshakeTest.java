package org.swarmport.peer.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Initiator against responder in memory: every policy pair, every chunking, and the stream after. */
class MseHandshakeTest {

    static final byte[] SKEY = bytes(20, 7);
    static final byte[] OTHER_SKEY = bytes(20, 99);
    static final byte[] BT_HANDSHAKE = btHandshake(SKEY);

    @ParameterizedTest(name = "initiator {0}, responder {1} -> {2}")
    @CsvSource({
        "DISABLED,  DISABLED,  BEP3",
        "DISABLED,  PREFERRED, BEP3",
        "DISABLED,  REQUIRED,  FAIL",
        "PREFERRED, DISABLED,  FAIL",
        "PREFERRED, PREFERRED, RC4",
        "PREFERRED, REQUIRED,  RC4",
        "REQUIRED,  DISABLED,  FAIL",
        "REQUIRED,  PREFERRED, RC4",
        "REQUIRED,  REQUIRED,  RC4",
    })
    void everyPolicyPairEndsAsTheTableSays(EncryptionPolicy initiatorPolicy, EncryptionPolicy responderPolicy,
            String expected) {
        MsePipe pipe = new MsePipe(
                MseHandshake.initiator(SKEY, initiatorPolicy, BT_HANDSHAKE),
                MseHandshake.responder(SkeyIndex.of(List.of(OTHER_SKEY, SKEY)), responderPolicy)).run(1 << 16);
        if (expected.equals("FAIL")) {
            assertEquals(1, pipe.failures.size(), "responder refuses");
            assertTrue(pipe.responder.isFailed());
            return;
        }
        assertTrue(pipe.failures.isEmpty(), () -> pipe.failures.toString());
        assertTrue(pipe.initiator.isDone() && pipe.responder.isDone());
        NegotiatedStream a = pipe.initiator.result();
        NegotiatedStream b = pipe.responder.result();
        if (expected.equals("BEP3")) {
            assertFalse(b.encryptedHandshake());
            assertEquals(CryptoMethod.PLAINTEXT, b.method());
            assertTrue(b.skey().isEmpty(), "a plaintext handshake names its torrent itself");
            // The responder took the 20 bytes that decided; the rest of the handshake waits in its buffer.
            byte[] seen = concat(remaining(b.received()), MsePipe.leftover(pipe.toResponder, b));
            assertArrayEquals(BT_HANDSHAKE, seen);
        } else {
            assertTrue(a.encryptedHandshake() && b.encryptedHandshake());
            assertEquals(CryptoMethod.valueOf(expected), a.method());
            assertEquals(a.method(), b.method());
            assertArrayEquals(SKEY, b.skey().orElseThrow(), "responder identified the torrent among two");
            assertArrayEquals(BT_HANDSHAKE, remaining(b.received()), "IA arrives deciphered");
        }
        assertStreamFlows(pipe, a, b);
    }

    @ParameterizedTest(name = "chunks of {0} bytes")
    @ValueSource(ints = {1, 2, 7, 19, 20, 21, 95, 96, 97, 500, 4096})
    void anyChunkingGivesTheSameStream_byteAtATimeIncluded(int chunk) {
        MsePipe pipe = new MsePipe(
                MseHandshake.initiator(SKEY, EncryptionPolicy.PREFERRED, BT_HANDSHAKE),
                MseHandshake.responder(SkeyIndex.of(List.of(SKEY)), EncryptionPolicy.REQUIRED)).run(chunk);
        assertTrue(pipe.failures.isEmpty(), () -> pipe.failures.toString());
        assertEquals(CryptoMethod.RC4, pipe.initiator.result().method());
        assertArrayEquals(BT_HANDSHAKE, remaining(pipe.responder.result().received()));
        assertStreamFlows(pipe, pipe.initiator.result(), pipe.responder.result());
    }

    @ParameterizedTest(name = "chunks of {0} bytes")
    @ValueSource(ints = {1, 3, 68})
    void plaintextHandshakeIsRecognisedWhicheverWayItArrives_BEP3(int chunk) {
        MsePipe pipe = new MsePipe(
                MseHandshake.initiator(SKEY, EncryptionPolicy.DISABLED, BT_HANDSHAKE),
                MseHandshake.responder(SkeyIndex.of(List.of(SKEY)), EncryptionPolicy.PREFERRED)).run(chunk);
        NegotiatedStream b = pipe.responder.result();
        assertFalse(b.encryptedHandshake());
        assertArrayEquals(BT_HANDSHAKE, concat(remaining(b.received()), MsePipe.leftover(pipe.toResponder, b)));
    }

    @Test
    void initiatorOfferingOnlyPlaintextGetsAnObfuscatedHandshakeAndAPlainStream() {
        MsePipe pipe = new MsePipe(
                new MseInitiator(SKEY, EncryptionPolicy.PREFERRED, CryptoMethod.PLAINTEXT.bit(), BT_HANDSHAKE,
                        new java.security.SecureRandom()),
                MseHandshake.responder(SkeyIndex.of(List.of(SKEY)), EncryptionPolicy.PREFERRED)).run(1 << 16);
        assertTrue(pipe.failures.isEmpty(), () -> pipe.failures.toString());
        NegotiatedStream a = pipe.initiator.result();
        assertTrue(a.encryptedHandshake());
        assertEquals(CryptoMethod.PLAINTEXT, a.method());
        assertTrue(a.outbound().isIdentity() && a.inbound().isIdentity());
        assertArrayEquals(BT_HANDSHAKE, remaining(pipe.responder.result().received()));
        assertStreamFlows(pipe, a, pipe.responder.result());
    }

    @Test
    void emptyInitialPayloadLeavesTheBitTorrentHandshakeToTheStream() {
        MsePipe pipe = new MsePipe(
                MseHandshake.initiator(SKEY, EncryptionPolicy.REQUIRED, new byte[0]),
                MseHandshake.responder(SkeyIndex.of(List.of(SKEY)), EncryptionPolicy.REQUIRED)).run(13);
        assertTrue(pipe.failures.isEmpty(), () -> pipe.failures.toString());
        assertEquals(0, pipe.responder.result().received().remaining());
        assertStreamFlows(pipe, pipe.initiator.result(), pipe.responder.result());
    }

    @Test
    void disabledInitiatorIsDoneAtOnceAndSendsThePayloadAsItIs() {
        MseHandshake initiator = MseHandshake.initiator(SKEY, EncryptionPolicy.DISABLED, BT_HANDSHAKE);
        assertTrue(initiator.isDone());
        assertArrayEquals(BT_HANDSHAKE, remaining(initiator.output()));
        assertFalse(initiator.result().encryptedHandshake());
    }

    @Test
    void encryptedOpeningIsRandomLookingAndBetween96And608Bytes() {
        for (int i = 0; i < 20; i++) {
            MseHandshake initiator = MseHandshake.initiator(SKEY, EncryptionPolicy.REQUIRED, BT_HANDSHAKE);
            int length = initiator.output().remaining();
            assertTrue(length >= 96 && length <= 96 + 512, "Ya and PadA: " + length);
            assertEquals(IncomingKind.ENCRYPTED, IncomingKind.classify(initiator.output()));
        }
    }

    @Test
    void receiveAfterDoneIsAProgrammingError() {
        MsePipe pipe = new MsePipe(
                MseHandshake.initiator(SKEY, EncryptionPolicy.REQUIRED, BT_HANDSHAKE),
                MseHandshake.responder(SkeyIndex.of(List.of(SKEY)), EncryptionPolicy.REQUIRED)).run(1 << 16);
        assertThrows(IllegalStateException.class, () -> pipe.initiator.receive(ByteBuffer.allocate(1)));
        MseHandshake fresh = MseHandshake.responder(SkeyIndex.of(List.of(SKEY)), EncryptionPolicy.REQUIRED);
        assertThrows(IllegalStateException.class, fresh::result);
    }

    /** Both directions, with bytes after each handshake already in flight: the ciphers line up. */
    static void assertStreamFlows(MsePipe pipe, NegotiatedStream a, NegotiatedStream b) {
        byte[] fromA = "interested, then a request for piece 0".getBytes(StandardCharsets.US_ASCII);
        byte[] fromB = "unchoke and a bitfield".getBytes(StandardCharsets.US_ASCII);
        byte[] wire = fromA.clone();
        a.outbound().apply(wire, 0, wire.length);
        byte[] earlier = MsePipe.leftover(pipe.toResponder, b);
        byte[] got = wire.clone();
        b.inbound().apply(got, 0, got.length);
        if (!b.encryptedHandshake()) {
            got = Arrays.copyOfRange(concat(earlier, got), earlier.length, earlier.length + got.length);
        }
        assertArrayEquals(fromA, got);
        ByteBuffer direct = ByteBuffer.allocateDirect(fromB.length).put(fromB).flip();
        b.outbound().apply(direct);
        if (b.method() == CryptoMethod.RC4) {
            assertFalse(direct.equals(ByteBuffer.wrap(fromB)), "RC4 changes the bytes");
        }
        a.inbound().apply(direct);
        assertEquals(ByteBuffer.wrap(fromB), direct);
    }

    static byte[] remaining(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static byte[] bytes(int length, int seed) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) (seed * 31 + i * 17);
        }
        return out;
    }

    /** BEP 3: pstrlen, pstr, 8 reserved bytes, info-hash, peer id. */
    static byte[] btHandshake(byte[] infoHash) {
        ByteBuffer b = ByteBuffer.allocate(68);
        b.put((byte) 19).put("BitTorrent protocol".getBytes(StandardCharsets.US_ASCII)).put(new byte[8]);
        b.put(infoHash).put("-SP0010-abcdefghijkl".getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }
}
