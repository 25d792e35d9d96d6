package org.swarmport.peer.bencode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BEncoderTest {

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    @Test
    void integersEncodeInCanonicalDecimal_BEP3() {
        assertEquals("i0e", text(new BEncoder().integer(0).toByteArray()));
        assertEquals("i42e", text(new BEncoder().integer(42).toByteArray()));
        assertEquals("i-42e", text(new BEncoder().integer(-42).toByteArray()));
        assertEquals("i9223372036854775807e", text(new BEncoder().integer(Long.MAX_VALUE).toByteArray()));
        assertEquals("i-9223372036854775808e", text(new BEncoder().integer(Long.MIN_VALUE).toByteArray()));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 9, 10, 99, 100, 999_999, 1_000_000, -1, -10, 1L << 40, -(1L << 53), Long.MAX_VALUE - 1})
    void integersEncodeLikeLongToString_BEP3(long value) {
        assertEquals("i" + value + "e", text(new BEncoder().integer(value).toByteArray()));
    }

    @Test
    void stringsEncodeAsLengthColonBytes_BEP3() {
        assertEquals("4:spam", text(new BEncoder().string("spam").toByteArray()));
        assertEquals("0:", text(new BEncoder().string("").toByteArray()));
        assertEquals("3:pam", text(new BEncoder().string("xspamx".getBytes(StandardCharsets.US_ASCII), 2, 3)
                .toByteArray()));
    }

    @Test
    void nonAsciiStringsEncodeAsUtf8Bytes_BEP3() {
        byte[] encoded = new BEncoder().string("é€").toByteArray();
        assertArrayEquals(new byte[] {'5', ':', (byte) 0xc3, (byte) 0xa9, (byte) 0xe2, (byte) 0x82, (byte) 0xac}, encoded);
    }

    @Test
    void containersEncodeByteExactly_BEP3() {
        byte[] encoded = new BEncoder()
                .beginDictionary()
                .string("cow").string("moo")
                .string("spam").beginList().string("a").integer(1).end()
                .end()
                .toByteArray();
        assertEquals("d3:cow3:moo4:spaml1:ai1eee", text(encoded));
    }

    @Test
    void announceResponseEncodesByteExactly_BEP3_BEP23() {
        byte[] compactPeers = {10, 0, 0, 1, 0x1a, (byte) 0xe1};
        byte[] encoded = new BEncoder()
                .beginDictionary()
                .string("complete").integer(5)
                .string("incomplete").integer(3)
                .string("interval").integer(1800)
                .string("peers").string(compactPeers)
                .end()
                .toByteArray();
        byte[] expectedHead = "d8:completei5e10:incompletei3e8:intervali1800e5:peers6:".getBytes(StandardCharsets.US_ASCII);
        assertEquals(expectedHead.length + 7, encoded.length);
        assertEquals(text(expectedHead) + text(compactPeers) + "e", text(encoded));
    }

    @Test
    void valueDictionariesEncodeWithKeysSortedByRawBytes_BEP3() {
        BDictionary dictionary = BDictionary.builder()
                .put("zeta", 1)
                .put("Zeta", 2)          // 'Z' (0x5a) sorts before 'z' (0x7a)
                .put("alpha", "x")
                .put(BString.of(new byte[] {(byte) 0xff}), BInteger.of(3))
                .put("al", BList.of())
                .build();
        assertEquals("d4:Zetai2e2:alle5:alpha1:x4:zetai1e1:\u00ffi3ee", text(BEncoder.encode(dictionary)));
    }

    @Test
    void encodingDecodedValueGivesBackTheInput_BEP3() throws Exception {
        String canonical = "d8:announce3:url4:infod5:filesld6:lengthi1e4:pathl1:a1:beee4:name3:dir"
                + "12:piece lengthi16384e6:pieces0:ee";
        byte[] input = canonical.getBytes(StandardCharsets.ISO_8859_1);
        assertArrayEquals(input, BEncoder.encode(BDecoder.decode(input)));
    }

    @Test
    void decodingEncodedValueGivesBackTheValue_BEP3() throws Exception {
        BValue value = BDictionary.builder()
                .put("list", BList.of(BInteger.of(Long.MIN_VALUE), BString.of(new byte[] {0, 1, 2}), BDictionary.empty()))
                .put("n", -7)
                .put("text", "héllo")
                .build();
        assertEquals(value, BDecoder.decode(BEncoder.encode(value)));
    }

    @Test
    void writerIsReusableAfterReset() {
        BEncoder writer = new BEncoder(16);
        writer.beginList().string("x".repeat(100)).end();
        writer.reset().integer(7);
        assertEquals("i7e", text(writer.toByteArray()));
        assertEquals(3, writer.size());
    }

    @Test
    void writeToCopiesExactlyWhatWasWritten() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new BEncoder().beginList().integer(1).end().writeTo(out);
        assertEquals("li1ee", out.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void preEncodedValueIsCopiedVerbatim_BEP3() {
        byte[] info = "d4:name1:xe".getBytes(StandardCharsets.US_ASCII);
        byte[] encoded = new BEncoder().beginDictionary().string("info").encoded(info, 0, info.length).end().toByteArray();
        assertEquals("d4:infod4:name1:xee", text(encoded));
    }

    @Test
    void severalTopLevelValuesMayFollowEachOther_BEP9() {
        assertEquals("de4:data", text(new BEncoder().beginDictionary().end().string("data").toByteArray()));
    }

    @Test
    void unsortedKeyIsRefused_BEP3() {
        BEncoder writer = new BEncoder().beginDictionary().string("b").integer(1);
        assertThrows(IllegalStateException.class, () -> writer.string("a"));
    }

    @Test
    void duplicateKeyIsRefused_BEP3() {
        BEncoder writer = new BEncoder().beginDictionary().string("a").integer(1);
        assertThrows(IllegalStateException.class, () -> writer.string("a"));
    }

    @Test
    void nonStringKeyIsRefused_BEP3() {
        assertThrows(IllegalStateException.class, () -> new BEncoder().beginDictionary().integer(1));
        assertThrows(IllegalStateException.class, () -> new BEncoder().beginDictionary().beginList());
    }

    @Test
    void keyWithoutValueIsRefused_BEP3() {
        assertThrows(IllegalStateException.class, () -> new BEncoder().beginDictionary().string("a").end());
    }

    @Test
    void unbalancedContainersAreRefused() {
        assertThrows(IllegalStateException.class, () -> new BEncoder().end());
        assertThrows(IllegalStateException.class, () -> new BEncoder().beginList().toByteArray());
    }

    @Test
    void keysAreCheckedPerDictionaryNotAcrossNesting_BEP3() {
        byte[] encoded = new BEncoder()
                .beginDictionary()
                .string("m").beginDictionary().string("z").integer(1).end()
                .string("n").beginDictionary().string("a").integer(2).end()
                .end()
                .toByteArray();
        assertEquals("d1:md1:zi1ee1:nd1:ai2eee", text(encoded));
    }
}
