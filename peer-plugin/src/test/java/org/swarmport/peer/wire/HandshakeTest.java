package org.swarmport.peer.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class HandshakeTest {

    private static final byte[] HASH = filled(20, 0x11);
    private static final byte[] PEER = filled(20, 0x22);

    @Test
    void isSixtyEightBytesWithProtocolStringReservedHashAndPeerId_BEP3() {
        byte[] bytes = Handshake.of(HASH, PEER, false, false).toBytes();
        assertEquals(68, bytes.length);
        assertEquals(19, bytes[0]);
        assertEquals("BitTorrent protocol", new String(bytes, 1, 19, StandardCharsets.US_ASCII));
        assertArrayEquals(new byte[8], Arrays.copyOfRange(bytes, 20, 28));
        assertArrayEquals(HASH, Arrays.copyOfRange(bytes, 28, 48));
        assertArrayEquals(PEER, Arrays.copyOfRange(bytes, 48, 68));
    }

    @Test
    void fastBitIsReserved7Mask04_BEP6() throws Exception {
        byte[] bytes = Handshake.of(HASH, PEER, true, false).toBytes();
        assertEquals(0x04, bytes[20 + 7]);
        Handshake parsed = Handshake.parse(bytes);
        assertTrue(parsed.supportsFast());
        assertFalse(parsed.supportsExtensions());
    }

    @Test
    void extensionBitIsReserved5Mask10_BEP10() throws Exception {
        byte[] bytes = Handshake.of(HASH, PEER, false, true).toBytes();
        assertEquals(0x10, bytes[20 + 5]);
        Handshake parsed = Handshake.parse(bytes);
        assertTrue(parsed.supportsExtensions());
        assertFalse(parsed.supportsFast());
    }

    @Test
    void roundTripsAndKeepsUnknownReservedBits() throws Exception {
        byte[] bytes = Handshake.of(HASH, PEER, true, true).toBytes();
        bytes[20] = (byte) 0x80; // a bit we do not interpret (Azureus messaging)
        Handshake parsed = Handshake.parse(bytes);
        assertArrayEquals(bytes, parsed.toBytes());
        assertArrayEquals(HASH, parsed.infoHash());
        assertArrayEquals(PEER, parsed.peerId());
    }

    @Test
    void refusesAWrongProtocolStringLength() {
        byte[] bytes = Handshake.of(HASH, PEER, false, false).toBytes();
        bytes[0] = 18;
        WireException e = assertThrows(WireException.class, () -> Handshake.parse(bytes));
        assertTrue(e.getMessage().contains("length 18"), e.getMessage());
    }

    @Test
    void refusesAWrongProtocolString() {
        byte[] bytes = Handshake.of(HASH, PEER, false, false).toBytes();
        bytes[5] = 'X';
        WireException e = assertThrows(WireException.class, () -> Handshake.parse(bytes));
        assertTrue(e.getMessage().contains("byte 5"), e.getMessage());
    }

    @Test
    void refusesTruncatedOrOversizedInput() {
        byte[] bytes = Handshake.of(HASH, PEER, false, false).toBytes();
        assertThrows(WireException.class, () -> Handshake.parse(Arrays.copyOf(bytes, 67)));
        assertThrows(WireException.class, () -> Handshake.parse(Arrays.copyOf(bytes, 69)));
    }

    @Test
    void peekingTheInfoHashConsumesNothing() throws Exception {
        ByteBuffer buffer = ByteBuffer.wrap(Handshake.of(HASH, PEER, false, false).toBytes(), 0, 48);
        assertArrayEquals(HASH, Handshake.peekInfoHash(buffer));
        assertEquals(0, buffer.position());
    }

    @Test
    void readConsumesExactlyOneHandshakeFromAStream() throws Exception {
        ByteBuffer buffer = ByteBuffer.allocate(80);
        Handshake.of(HASH, PEER, true, true).write(buffer);
        buffer.putInt(0).flip();
        Handshake.read(buffer);
        assertEquals(4, buffer.remaining());
    }

    @Test
    void randomBytesNeverPassAsAHandshake() {
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 2000; i++) {
            byte[] bytes = new byte[68];
            random.nextBytes(bytes);
            assertThrows(WireException.class, () -> Handshake.parse(bytes));
        }
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
