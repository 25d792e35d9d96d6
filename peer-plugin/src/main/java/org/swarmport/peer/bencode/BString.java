package org.swarmport.peer.bencode;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A bencoded string: {@code <length>:<bytes>}. BEP 3 strings are bytes, not text (piece
 * hashes, compact peers, peer ids), so this holds bytes; {@link #utf8()} is a convenience for
 * the strings that are text by convention (names, paths, URLs).
 *
 * <p>A string owns its bytes: the decoder copies them out of the input, because values
 * outlive the buffers they came from (the peer engine reuses its receive buffers).
 * Strings order by unsigned byte comparison, the order BEP 3 requires for dictionary keys.
 */
public final class BString implements BValue, Comparable<BString> {

    private static final BString EMPTY = new BString(new byte[0]);
    private static final int SHOWN_BYTES = 64;

    private final byte[] bytes;

    /** Takes ownership of {@code bytes}; only for arrays nobody else holds. */
    BString(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A string holding a copy of {@code bytes}. */
    public static BString of(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new BString(bytes.clone());
    }

    /** A string holding a copy of {@code length} bytes of {@code bytes} from {@code offset}. */
    public static BString of(byte[] bytes, int offset, int length) {
        return length == 0 ? EMPTY : new BString(Arrays.copyOfRange(bytes, offset, offset + length));
    }

    /** The UTF-8 encoding of {@code text}. */
    public static BString of(String text) {
        return text.isEmpty() ? EMPTY : new BString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Type type() {
        return Type.STRING;
    }

    /** Length in bytes. */
    public int length() {
        return bytes.length;
    }

    public byte byteAt(int index) {
        return bytes[index];
    }

    /** A copy of the bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** A read-only view of the bytes, without copying them (for hashing, slicing piece hashes). */
    public ByteBuffer asByteBuffer() {
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }

    /**
     * The bytes read as UTF-8; malformed sequences become U+FFFD. Use it for names and URLs,
     * never for binary strings, which would not survive the round trip.
     */
    public String utf8() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** For encoders in this package: the array itself, never to be modified or leaked. */
    byte[] array() {
        return bytes;
    }

    /**
     * Compares these bytes with the UTF-8 encoding of {@code name} without encoding it when it
     * is ASCII, which every dictionary key of the BitTorrent specifications is.
     */
    int compareToUtf8(String name) {
        int common = Math.min(bytes.length, name.length());
        for (int i = 0; i < common; i++) {
            char c = name.charAt(i);
            if (c >= 0x80) {
                return Arrays.compareUnsigned(bytes, name.getBytes(StandardCharsets.UTF_8));
            }
            int difference = (bytes[i] & 0xff) - c;
            if (difference != 0) {
                return difference;
            }
        }
        // Equal so far, and every char so far was one UTF-8 byte: the shorter sorts first.
        if (bytes.length < name.length()) {
            return -1;
        }
        return bytes.length > name.length() ? 1 : 0;
    }

    @Override
    public int compareTo(BString other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BString s && Arrays.equals(bytes, s.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Printable ASCII in quotes, anything else as hex; long strings are cut (a pieces string is megabytes). */
    @Override
    public String toString() {
        int shown = Math.min(bytes.length, SHOWN_BYTES);
        boolean printable = true;
        for (int i = 0; i < shown && printable; i++) {
            printable = bytes[i] >= 0x20 && bytes[i] < 0x7f;
        }
        StringBuilder text = new StringBuilder(shown * 2 + 24);
        if (printable) {
            text.append('"');
            for (int i = 0; i < shown; i++) {
                text.append((char) bytes[i]);
            }
            text.append('"');
        } else {
            text.append("0x");
            for (int i = 0; i < shown; i++) {
                text.append(Character.forDigit((bytes[i] >> 4) & 0xf, 16)).append(Character.forDigit(bytes[i] & 0xf, 16));
            }
        }
        if (shown < bytes.length) {
            text.append("...(").append(bytes.length).append(" bytes)");
        }
        return text.toString();
    }
}
