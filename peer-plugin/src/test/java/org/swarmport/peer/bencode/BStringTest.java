package org.swarmport.peer.bencode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class BStringTest {

    private static byte[] allByteValues() {
        byte[] bytes = new byte[256];
        for (int i = 0; i < 256; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    @Test
    void binaryStringWithAll256ByteValuesRoundTrips_BEP3() throws Exception {
        byte[] bytes = allByteValues();
        byte[] encoded = new BEncoder().string(bytes).toByteArray();
        assertEquals("256:", new String(encoded, 0, 4, StandardCharsets.US_ASCII));
        BString decoded = (BString) BDecoder.decode(encoded);
        assertArrayEquals(bytes, decoded.bytes());
        assertArrayEquals(encoded, BEncoder.encode(decoded));
    }

    @Test
    void binaryDictionaryKeysRoundTrip_BEP3() throws Exception {
        byte[] bytes = allByteValues();
        BDictionary.Builder builder = BDictionary.builder();
        for (int i = 255; i >= 0; i--) {
            builder.put(BString.of(bytes, i, 1), BInteger.of(i));
        }
        BDictionary dictionary = builder.build();
        byte[] encoded = BEncoder.encode(dictionary);
        BDictionary decoded = (BDictionary) BDecoder.decode(encoded);
        assertEquals(dictionary, decoded);
        assertEquals(BInteger.of(200), decoded.get(BString.of(new byte[] {(byte) 200})));
    }

    @Test
    void stringsAreCopiedInAndOut() {
        byte[] bytes = {1, 2, 3};
        BString string = BString.of(bytes);
        bytes[0] = 9;
        string.bytes()[1] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, string.bytes());
    }

    @Test
    void byteBufferViewIsReadOnly() {
        ByteBuffer view = BString.of(new byte[] {1, 2}).asByteBuffer();
        assertTrue(view.isReadOnly());
        assertEquals(2, view.remaining());
    }

    @Test
    void utf8DecodesTextAndReplacesMalformedBytes() {
        assertEquals("héllo", BString.of("héllo").utf8());
        assertEquals("\ufffd", BString.of(new byte[] {(byte) 0xff}).utf8());
    }

    @Test
    void stringsOrderByUnsignedBytes_BEP3() {
        assertTrue(BString.of(new byte[] {0x7f}).compareTo(BString.of(new byte[] {(byte) 0x80})) < 0);
        assertTrue(BString.of("a").compareTo(BString.of("ab")) < 0);
    }

    @Test
    void toStringShowsTextOrHexAndCutsLongStrings() {
        assertEquals("\"spam\"", BString.of("spam").toString());
        assertEquals("0x00ff", BString.of(new byte[] {0, (byte) 0xff}).toString());
        assertTrue(BString.of("x".repeat(1000)).toString().endsWith("...(1000 bytes)"));
    }
}
