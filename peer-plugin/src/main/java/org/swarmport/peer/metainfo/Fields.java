package org.swarmport.peer.metainfo;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.swarmport.peer.bencode.BDictionary;
import org.swarmport.peer.bencode.BInteger;
import org.swarmport.peer.bencode.BList;
import org.swarmport.peer.bencode.BString;
import org.swarmport.peer.bencode.BValue;

/**
 * Typed reads of one field of a .torrent file, each failing with a {@link MetainfoException}
 * that names the field as the file spells it ({@code info.files[2].length}).
 */
final class Fields {

    private Fields() {
    }

    /** The value under {@code key}, or an error naming {@code field} when it is absent. */
    static BValue required(BDictionary dictionary, String key, String field) throws MetainfoException {
        BValue value = dictionary.get(key);
        if (value == null) {
            throw new MetainfoException(field, "missing");
        }
        return value;
    }

    static BDictionary dictionary(BValue value, String field) throws MetainfoException {
        return (BDictionary) expect(value, BValue.Type.DICTIONARY, field);
    }

    static BList list(BValue value, String field) throws MetainfoException {
        return (BList) expect(value, BValue.Type.LIST, field);
    }

    static BString string(BValue value, String field) throws MetainfoException {
        return (BString) expect(value, BValue.Type.STRING, field);
    }

    static long integer(BValue value, String field) throws MetainfoException {
        return ((BInteger) expect(value, BValue.Type.INTEGER, field)).value();
    }

    /** A string that BEP 3 says is UTF-8 (names, paths, URLs): malformed UTF-8 is a defect, not replaced. */
    static String text(BValue value, String field) throws MetainfoException {
        String text = utf8(string(value, field));
        if (text == null) {
            throw new MetainfoException(field, "is not valid UTF-8");
        }
        return text;
    }

    /** The string as UTF-8, or null when it is not valid UTF-8. */
    static String utf8(BString string) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(string.asByteBuffer())
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** A byte length: not negative, and within {@code max}. */
    static long length(BValue value, String field, long max) throws MetainfoException {
        long length = integer(value, field);
        if (length < 0) {
            throw new MetainfoException(field, "is negative");
        }
        if (length > max) {
            throw new MetainfoException(field, "exceeds the limit of " + max + " bytes");
        }
        return length;
    }

    /** A copy of the bytes of a string field. */
    static byte[] bytes(BValue value, String field) throws MetainfoException {
        ByteBuffer buffer = string(value, field).asByteBuffer();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static BValue expect(BValue value, BValue.Type type, String field) throws MetainfoException {
        if (value.type() != type) {
            throw new MetainfoException(field, "is " + value.type().withArticle() + ", expected " + type.withArticle());
        }
        return value;
    }
}
