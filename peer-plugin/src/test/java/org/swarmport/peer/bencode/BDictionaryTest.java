package org.swarmport.peer.bencode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BDictionaryTest {

    private static BDictionary decoded(String text) throws BencodeException {
        return (BDictionary) BDecoder.decode(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void typedGettersReturnValuesOfTheirType() throws Exception {
        BDictionary dictionary = decoded("d1:dde1:ii7e1:lle1:s1:xe");
        assertEquals(BDictionary.empty(), dictionary.getDictionary("d"));
        assertEquals(7, dictionary.getLong("i"));
        assertEquals(BList.of(), dictionary.getList("l"));
        assertEquals("x", dictionary.getString("s").utf8());
    }

    @Test
    void wrongTypeIsAClearErrorNamingKeyAndOffset() throws Exception {
        BDictionary dictionary = decoded("d6:lengthi1e4:name3:abce");
        BencodeException wrongType = assertThrows(BencodeException.class, () -> dictionary.getLong("name"));
        assertEquals("bencode: \"name\" is a string, expected an integer in dictionary at offset 0", wrongType.getMessage());
        BencodeException optionalWrongType = assertThrows(BencodeException.class, () -> dictionary.optList("length"));
        assertEquals("bencode: \"length\" is an integer, expected a list in dictionary at offset 0",
                optionalWrongType.getMessage());
    }

    @Test
    void missingKeyIsAClearError() throws Exception {
        BDictionary nested = decoded("d4:infod4:name1:xee").getDictionary("info");
        BencodeException missing = assertThrows(BencodeException.class, () -> nested.getLong("piece length"));
        assertEquals("bencode: missing key \"piece length\" in dictionary at offset 7", missing.getMessage());
        BencodeException builtMissing = assertThrows(BencodeException.class,
                () -> BDictionary.empty().getString("announce"));
        assertEquals("bencode: missing key \"announce\"", builtMissing.getMessage());
        assertEquals(-1, builtMissing.offset());
    }

    @Test
    void optionalGettersAreEmptyForMissingKeys() throws Exception {
        BDictionary dictionary = decoded("d1:ai1ee");
        assertTrue(dictionary.optString("x").isEmpty());
        assertTrue(dictionary.optLong("x").isEmpty());
        assertTrue(dictionary.optList("x").isEmpty());
        assertTrue(dictionary.optDictionary("x").isEmpty());
        assertEquals(1, dictionary.optLong("a").getAsLong());
        assertNull(dictionary.get("x"));
    }

    @Test
    void lookupFindsEveryKeyOfALargeDictionary() {
        BDictionary.Builder builder = BDictionary.builder();
        for (int i = 0; i < 500; i++) {
            builder.put("key" + i, i);
        }
        BDictionary dictionary = builder.build();
        for (int i = 0; i < 500; i++) {
            assertEquals(BInteger.of(i), dictionary.get("key" + i));
        }
        assertFalse(dictionary.containsKey("key500"));
        assertFalse(dictionary.containsKey("key"));
        assertFalse(dictionary.containsKey(""));
    }

    @Test
    void lookupByNonAsciiKeyComparesUtf8Bytes_BEP3() {
        BDictionary dictionary = BDictionary.builder().put("a", 1).put("é", 2).put("z", 3).put("éa", 4).build();
        assertEquals(BInteger.of(2), dictionary.get("é"));
        assertEquals(BInteger.of(4), dictionary.get("éa"));
        assertEquals(BInteger.of(3), dictionary.get("z"));
        assertNull(dictionary.get("e"));
    }

    @Test
    void builderSortsKeysByRawBytes_BEP3() {
        BDictionary dictionary = BDictionary.builder().put("b", 1).put("a", 2).put("B", 3).build();
        assertEquals(List.of(BString.of("B"), BString.of("a"), BString.of("b")), dictionary.keys());
    }

    @Test
    void builderRefusesDuplicateKeys_BEP3() {
        BDictionary.Builder builder = BDictionary.builder().put("a", 1).put("a", 2);
        assertThrows(IllegalArgumentException.class, builder::build);
    }

    @Test
    void dictionaryFromMapIsSorted_BEP3() {
        Map<String, BValue> map = new LinkedHashMap<>();
        map.put("peers", BString.of(""));
        map.put("interval", BInteger.of(1800));
        assertEquals("d8:intervali1800e5:peers0:e",
                new String(BEncoder.encode(BDictionary.of(map)), StandardCharsets.US_ASCII));
    }

    @Test
    void decodedKeysKeepTheirOrder_BEP3() throws Exception {
        BDictionary dictionary = decoded("d1:ai1e1:bi2e1:ci3ee");
        assertEquals("a", dictionary.keyAt(0).utf8());
        assertEquals(BInteger.of(3), dictionary.valueAt(2));
    }

    @Test
    void equalityIgnoresWhereADictionaryWasRead() throws Exception {
        BDictionary first = decoded("d1:xd1:ai1eee").getDictionary("x");
        BDictionary second = decoded("d1:ai1ee");
        assertEquals(first, second);
        assertEquals(first.hashCode(), second.hashCode());
        assertEquals(second, BDictionary.builder().put("a", 1).build());
    }
}
