package org.swarmport.peer.bencode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BDecoderTest {

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static BValue decode(String text) throws BencodeException {
        return BDecoder.decode(ascii(text));
    }

    private static BencodeException rejection(String text) {
        return assertThrows(BencodeException.class, () -> decode(text));
    }

    private static BencodeException rejection(String text, BencodeLimits limits) {
        return assertThrows(BencodeException.class, () -> BDecoder.decode(ascii(text), limits));
    }

    // --- accepted values ---

    @ParameterizedTest
    @CsvSource({
            "i0e, 0",
            "i42e, 42",
            "i-42e, -42",
            "i9223372036854775807e, 9223372036854775807",
            "i-9223372036854775808e, -9223372036854775808",
    })
    void integersDecodeToTheirValue_BEP3(String encoded, long expected) throws Exception {
        assertEquals(BInteger.of(expected), decode(encoded));
    }

    @Test
    void stringsDecodeToTheirBytes_BEP3() throws Exception {
        assertEquals(BString.of("spam"), decode("4:spam"));
        assertEquals(BString.of(""), decode("0:"));
    }

    @Test
    void listsKeepTheirItemsInOrder_BEP3() throws Exception {
        assertEquals(BList.of(BString.of("spam"), BInteger.of(42)), decode("l4:spami42ee"));
        assertEquals(BList.of(), decode("le"));
    }

    @Test
    void dictionariesMapKeysToValues_BEP3() throws Exception {
        BDictionary dictionary = (BDictionary) decode("d3:cow3:moo4:spam4:eggse");
        assertEquals(2, dictionary.size());
        assertEquals("moo", dictionary.getString("cow").utf8());
        assertEquals("eggs", dictionary.getString("spam").utf8());
        assertEquals(BDictionary.empty(), decode("de"));
    }

    @Test
    void nestedContainersDecode_BEP3() throws Exception {
        BValue value = decode("d4:listl1:ad1:bi1eee4:nestd1:xleee");
        BDictionary root = (BDictionary) value;
        assertEquals(BList.of(BString.of("a"), BDictionary.builder().put("b", 1).build()), root.getList("list"));
        assertEquals(BList.of(), root.getDictionary("nest").getList("x"));
    }

    @Test
    void keysSortByUnsignedBytesNotBySignedOnes_BEP3() throws Exception {
        // 0x7f sorts before 0x80: a signed comparison would call this unsorted.
        byte[] input = {'d', '1', ':', 0x7f, 'i', '1', 'e', '1', ':', (byte) 0x80, 'i', '2', 'e', 'e'};
        BDictionary dictionary = (BDictionary) BDecoder.decode(input);
        assertEquals(2, dictionary.size());
        assertEquals(BInteger.of(2), dictionary.get(BString.of(new byte[] {(byte) 0x80})));
    }

    // --- rejected integers ---

    @Test
    void leadingZeroIntegerIsRejected_BEP3() {
        assertEquals("bencode: leading zero in integer at offset 0", rejection("i03e").getMessage());
        assertEquals("bencode: leading zero in integer at offset 0", rejection("i00e").getMessage());
        assertEquals("bencode: leading zero in integer at offset 0", rejection("i-03e").getMessage());
    }

    @Test
    void negativeZeroIsRejected_BEP3() {
        assertEquals("bencode: negative zero integer at offset 0", rejection("i-0e").getMessage());
    }

    @Test
    void emptyIntegerIsRejected_BEP3() {
        assertEquals("bencode: empty integer at offset 0", rejection("ie").getMessage());
        assertEquals("bencode: empty integer at offset 0", rejection("i-e").getMessage());
    }

    @Test
    void integerOverflowingLongIsRejected_BEP3() {
        assertEquals("bencode: integer overflows 64 bits at offset 0", rejection("i9223372036854775808e").getMessage());
        assertEquals("bencode: integer overflows 64 bits at offset 0", rejection("i-9223372036854775809e").getMessage());
        assertEquals("bencode: integer overflows 64 bits at offset 1",
                rejection("li99999999999999999999999999999999ee").getMessage());
    }

    @Test
    void nonDigitInIntegerIsRejectedAtThatByte_BEP3() {
        assertEquals("bencode: invalid byte 'x' in integer at offset 2", rejection("i1xe").getMessage());
        assertEquals("bencode: invalid byte '+' in integer at offset 1", rejection("i+1e").getMessage());
        assertEquals("bencode: invalid byte 0x20 in integer at offset 1", rejection("i 1e").getMessage());
    }

    // --- rejected strings ---

    @Test
    void stringLengthWithLeadingZeroIsRejected_BEP3() {
        assertEquals("bencode: leading zero in string length at offset 0", rejection("04:spam").getMessage());
    }

    @Test
    void stringLengthOverflowingLongIsRejected_BEP3() {
        assertEquals("bencode: string length exceeds limit of 67108864 bytes at offset 0",
                rejection("99999999999999999999999:x").getMessage());
    }

    @Test
    void stringLengthWithoutColonIsRejected_BEP3() {
        assertEquals("bencode: invalid byte 'x' in string length at offset 1", rejection("4x").getMessage());
    }

    // --- truncation and structure ---

    @Test
    void emptyInputIsRejected() {
        assertEquals("bencode: empty input at offset 0", rejection("").getMessage());
    }

    @Test
    void truncatedInputIsRejectedAtTheUnfinishedToken_BEP3() {
        assertEquals("bencode: truncated integer at offset 0", rejection("i42").getMessage());
        assertEquals("bencode: truncated integer at offset 0", rejection("i-").getMessage());
        assertEquals("bencode: truncated string at offset 0", rejection("5:spam").getMessage());
        assertEquals("bencode: truncated string at offset 0", rejection("12").getMessage());
        assertEquals("bencode: truncated list at offset 1", rejection("lli1e").getMessage());
        assertEquals("bencode: truncated list at offset 0", rejection("lli1ee").getMessage());
        assertEquals("bencode: truncated dictionary at offset 0", rejection("d1:ai1e").getMessage());
        assertEquals("bencode: truncated dictionary at offset 0", rejection("d1:a").getMessage());
    }

    @Test
    void unknownTypeByteIsRejected_BEP3() {
        assertEquals("bencode: invalid type byte 'x' at offset 0", rejection("x").getMessage());
        assertEquals("bencode: invalid type byte 0xff at offset 1", assertThrows(BencodeException.class,
                () -> BDecoder.decode(new byte[] {'l', (byte) 0xff, 'e'})).getMessage());
    }

    @Test
    void endMarkerOutsideAContainerIsRejected_BEP3() {
        assertEquals("bencode: unexpected end marker at offset 0", rejection("e").getMessage());
    }

    @Test
    void trailingBytesAfterTheValueAreRejected() {
        assertEquals("bencode: trailing data after value at offset 4", rejection("i42ei1e").getMessage());
        assertEquals("bencode: trailing data after value at offset 2", rejection("lee").getMessage());
    }

    @Test
    void nonStringDictionaryKeyIsRejected_BEP3() {
        assertEquals("bencode: dictionary key is not a string at offset 1", rejection("di1ei2ee").getMessage());
        assertEquals("bencode: dictionary key is not a string at offset 1", rejection("dlei2ee").getMessage());
    }

    @Test
    void duplicateDictionaryKeyIsRejected_BEP3() {
        assertEquals("bencode: duplicate dictionary key at offset 7", rejection("d1:ai1e1:ai2ee").getMessage());
    }

    @Test
    void unsortedDictionaryKeysAreRejected_BEP3() {
        assertEquals("bencode: dictionary keys out of order at offset 7", rejection("d1:bi1e1:ai2ee").getMessage());
        // A prefix sorts before the longer key.
        assertEquals("bencode: dictionary keys out of order at offset 8", rejection("d2:abi1e1:ai2ee").getMessage());
    }

    @Test
    void dictionaryKeyWithoutValueIsRejected_BEP3() {
        assertEquals("bencode: dictionary key without value at offset 4", rejection("d1:ae").getMessage());
    }

    // --- limits ---

    @Test
    void depthBombIsRejectedAtTheLimit() {
        byte[] bomb = new byte[100_000];
        Arrays.fill(bomb, (byte) 'l');
        BencodeException rejected = assertThrows(BencodeException.class, () -> BDecoder.decode(bomb));
        assertEquals("bencode: nesting depth exceeds limit of 64 at offset 64", rejected.getMessage());
    }

    @Test
    void nestingUpToTheDepthLimitIsAccepted() throws Exception {
        BencodeLimits limits = BencodeLimits.of(1024, 3, 16, 16);
        assertEquals(BList.of(BList.of(BList.of())), BDecoder.decode(ascii("llleee"), limits));
        assertEquals("bencode: nesting depth exceeds limit of 3 at offset 3",
                rejection("lllleeee", limits).getMessage());
        assertEquals("bencode: nesting depth exceeds limit of 0 at offset 0",
                rejection("le", BencodeLimits.of(16, 0, 16, 16)).getMessage());
    }

    @Test
    void hugeDeclaredStringLengthIsRejectedWithoutAllocating() {
        // 2 GiB claimed in a 14-byte input: refused from the header alone, under the default
        // limit and under a limit that allows such strings (then the input is too short).
        assertEquals("bencode: string length exceeds limit of 67108864 bytes at offset 0",
                rejection("2147483647:abc").getMessage());
        BencodeLimits permissive = BencodeLimits.of(Integer.MAX_VALUE, 4, Integer.MAX_VALUE, 16);
        assertEquals("bencode: truncated string at offset 0", rejection("2147483647:abc", permissive).getMessage());
        assertEquals("bencode: string length exceeds limit of 2147483647 bytes at offset 0",
                rejection("2147483648:abc", permissive).getMessage());
    }

    @Test
    void stringLongerThanTheLimitIsRejected() {
        BencodeLimits limits = BencodeLimits.of(1024, 4, 3, 16);
        assertEquals("bencode: string length exceeds limit of 3 bytes at offset 1",
                rejection("l4:spame", limits).getMessage());
    }

    @Test
    void tooManyElementsAreRejected() throws Exception {
        BencodeLimits limits = BencodeLimits.of(1024, 4, 16, 3);
        assertEquals(3, ((BList) BDecoder.decode(ascii("li1ei2ei3ee"), limits)).size());
        assertEquals("bencode: element count exceeds limit of 3 at offset 10",
                rejection("li1ei2ei3ei4ee", limits).getMessage());
        // Items and entries count together, at every depth.
        assertEquals("bencode: element count exceeds limit of 2 at offset 8",
                rejection("d1:ali1ei2eee", BencodeLimits.of(1024, 4, 16, 2)).getMessage());
    }

    @Test
    void inputOverMaxBytesIsRejectedBeforeParsing() {
        BencodeLimits limits = BencodeLimits.of(8, 4, 16, 16);
        assertEquals("bencode: input exceeds limit of 8 bytes at offset 8", rejection("4:spam4:eggs", limits).getMessage());
    }

    // --- decoding a prefix ---

    @Test
    void prefixDecodingReportsWhereTheValueEnded_BEP9() throws Exception {
        // A ut_metadata data message: a dictionary, then the raw metadata piece.
        byte[] message = ascii("XXd8:msg_typei1e5:piecei0ee<raw piece bytes>");
        BDecoder.Decoded decoded = BDecoder.decodePrefix(message, 2, BencodeLimits.DEFAULT);
        assertEquals(new String(message, StandardCharsets.ISO_8859_1).indexOf('<'), decoded.end());
        assertEquals("<raw piece bytes>", new String(message, decoded.end(), message.length - decoded.end(),
                StandardCharsets.ISO_8859_1));
        assertEquals(1, ((BDictionary) decoded.value()).getLong("msg_type"));
    }

    @Test
    void prefixDecodingLimitsTheValueNotWhatFollowsIt() throws Exception {
        byte[] message = ascii("d1:ai1ee" + "x".repeat(1000));
        BencodeLimits limits = BencodeLimits.of(8, 4, 16, 16);
        assertEquals(8, BDecoder.decodePrefix(message, 0, limits).end());
        BencodeException rejected = assertThrows(BencodeException.class,
                () -> BDecoder.decodePrefix(ascii("d1:ai12345ee"), 0, limits));
        assertEquals("bencode: input exceeds limit of 8 bytes at offset 8", rejected.getMessage());
    }

    @Test
    void prefixDecodingStopsAtTheGivenLength() {
        byte[] data = ascii("4:spam");
        BencodeException rejected = assertThrows(BencodeException.class,
                () -> BDecoder.decodePrefix(data, 0, 5, BencodeLimits.DEFAULT));
        assertEquals("bencode: truncated string at offset 0", rejected.getMessage());
    }

    @Test
    void errorOffsetsAreIndexesIntoTheWholeArray() {
        byte[] data = ascii("garbage:i03e");
        BencodeException rejected = assertThrows(BencodeException.class,
                () -> BDecoder.decode(data, 8, 4, BencodeLimits.DEFAULT));
        assertEquals(8, rejected.offset());
    }

    // --- raw spans ---

    @Test
    void rawSpanOfNestedInfoDictionaryIsTheExactSourceBytes_BEP3() throws Exception {
        String info = "d6:lengthi12345e4:name8:file.bin12:piece lengthi16384e6:pieces20:"
                + "abcdefghijklmnopqrste";
        // Keys sorted: announce < comment < info < url-list, so bytes follow the info dictionary.
        String torrent = "d8:announce22:http://t.example/annce7:comment4:note4:info" + info
                + "8:url-list5:aftere";
        byte[] source = ascii(torrent);
        BDictionary root = (BDictionary) BDecoder.decode(source);
        BDictionary infoDictionary = root.getDictionary("info");
        assertArrayEquals(ascii(info), infoDictionary.rawBytes(source));
        assertEquals(torrent.indexOf(info), infoDictionary.rawStart());
        assertEquals(torrent.indexOf(info) + info.length(), infoDictionary.rawEnd());
        assertEquals(info.length(), infoDictionary.rawLength());
        assertEquals(0, root.rawStart());
        assertEquals(source.length, root.rawEnd());
    }

    @Test
    void rawSpanIsRelativeToTheArrayEvenForPrefixDecoding_BEP9() throws Exception {
        byte[] source = ascii("..d4:infod1:xi1eee+trailer");
        BDictionary root = (BDictionary) BDecoder.decodePrefix(source, 2, BencodeLimits.DEFAULT).value();
        assertArrayEquals(ascii("d1:xi1ee"), root.getDictionary("info").rawBytes(source));
    }

    @Test
    void builtDictionariesHaveNoRawSpan() {
        BDictionary built = BDictionary.builder().put("a", 1).build();
        assertFalse(built.hasRawSpan());
        assertEquals(-1, built.rawStart());
        assertThrows(IllegalStateException.class, () -> built.rawBytes(new byte[10]));
    }

    @Test
    void decodedStringsDoNotShareTheInputBuffer() throws Exception {
        byte[] source = ascii("4:spam");
        BString decoded = (BString) BDecoder.decode(source);
        Arrays.fill(source, (byte) 'x');
        assertEquals("spam", decoded.utf8());
        assertTrue(decoded.equals(BString.of("spam")));
    }
}
