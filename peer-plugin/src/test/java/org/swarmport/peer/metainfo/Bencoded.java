package org.swarmport.peer.metainfo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.swarmport.peer.bencode.BDecoder;
import org.swarmport.peer.bencode.BDictionary;
import org.swarmport.peer.bencode.BInteger;
import org.swarmport.peer.bencode.BList;
import org.swarmport.peer.bencode.BString;
import org.swarmport.peer.bencode.BValue;
import org.swarmport.peer.bencode.BEncoder;

/**
 * Torrents as plain, mutable Java values, so a test can take a valid torrent, break one field
 * and encode it again: dictionaries are {@code TreeMap<String, Object>}, lists
 * {@code ArrayList<Object>}, integers {@code Long}, and strings {@code String}s holding one char
 * per byte (ISO-8859-1), so binary strings such as {@code pieces} survive unchanged.
 */
final class Bencoded {

    private Bencoded() {
    }

    static Map<String, Object> decode(byte[] torrent) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) toJava(BDecoder.decode(torrent));
            return map;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static byte[] encode(Object value) {
        return BEncoder.encode(toBencode(value));
    }

    /** Text as the one-char-per-byte form used here. */
    static String utf8(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** {@code count} bytes counting up from {@code first}: a stand-in for a hash or a pieces string. */
    static String bytes(int first, int count) {
        StringBuilder text = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            text.append((char) ((first + i) & 0xff));
        }
        return text.toString();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> dict(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    static List<Object> listOf(Object... values) {
        return new ArrayList<>(List.of(values));
    }

    static Map<String, Object> dictOf(Object... keysAndValues) {
        Map<String, Object> map = new TreeMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Object toJava(BValue value) {
        switch (value.type()) {
            case INTEGER:
                return ((BInteger) value).value();
            case STRING:
                return latin1((BString) value);
            case LIST:
                List<Object> list = new ArrayList<>();
                for (BValue item : (BList) value) {
                    list.add(toJava(item));
                }
                return list;
            default:
                BDictionary dictionary = (BDictionary) value;
                Map<String, Object> map = new TreeMap<>();
                for (int i = 0; i < dictionary.size(); i++) {
                    map.put(latin1(dictionary.keyAt(i)), toJava(dictionary.valueAt(i)));
                }
                return map;
        }
    }

    private static String latin1(BString string) {
        return new String(string.bytes(), StandardCharsets.ISO_8859_1);
    }

    private static BValue toBencode(Object value) {
        if (value instanceof Long number) {
            return BInteger.of(number);
        }
        if (value instanceof Integer number) {
            return BInteger.of(number);
        }
        if (value instanceof String text) {
            return BString.of(text.getBytes(StandardCharsets.ISO_8859_1));
        }
        if (value instanceof List<?> items) {
            List<BValue> list = new ArrayList<>();
            for (Object item : items) {
                list.add(toBencode(item));
            }
            return BList.of(list);
        }
        BDictionary.Builder builder = BDictionary.builder();
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
            builder.put(BString.of(((String) entry.getKey()).getBytes(StandardCharsets.ISO_8859_1)), toBencode(entry.getValue()));
        }
        return builder.build();
    }
}
