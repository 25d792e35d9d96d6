package org.swarmport.peer.bencode;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Writes bencode (BEP 3) into a growable byte buffer. The primitive calls are for hot paths
 * such as the tracker's announce response: they allocate nothing but buffer growth, and a
 * writer can be {@link #reset()} and reused per thread.
 *
 * <pre>{@code
 * writer.reset().beginDictionary()
 *       .string("interval").integer(1800)
 *       .string("peers").string(compactPeers, 0, count * 6)
 *       .end();
 * }</pre>
 *
 * <p>The writer checks the structure as it goes, because a malformed or non-canonical answer
 * is a bug worth failing loudly on: a dictionary key must be a string and greater than the
 * previous key in raw byte order (BEP 3), every key needs a value, {@code end()} needs an open
 * container. Such mistakes throw {@link IllegalStateException}; the writer must then be reset.
 * Several top-level values may follow each other (a BEP 9 message is a dictionary followed by
 * raw bytes).
 */
public final class BEncoder {

    private static final int DEFAULT_CAPACITY = 256;
    /** {@link #reset()} lets go of a buffer grown past this, so one huge answer does not pin memory per thread. */
    private static final int RETAINED_CAPACITY = 1 << 20;
    /** Longest decimal long, "-9223372036854775808", plus 'i' and 'e'. */
    private static final int MAX_INTEGER_BYTES = 22;

    private byte[] buffer;
    private int size;

    // The open containers, innermost last; for dictionaries, where the last key was written.
    private int depth;
    private boolean[] isDictionary = new boolean[8];
    private boolean[] keyExpected = new boolean[8];
    private int[] lastKeyStart = new int[8];
    private int[] lastKeyLength = new int[8];

    public BEncoder() {
        this(DEFAULT_CAPACITY);
    }

    public BEncoder(int initialCapacity) {
        buffer = new byte[Math.max(16, initialCapacity)];
    }

    /** The canonical encoding of {@code value}. */
    public static byte[] encode(BValue value) {
        return new BEncoder().value(value).toByteArray();
    }

    /** {@code i<value>e}, written digit by digit without a String. */
    public BEncoder integer(long value) {
        beforeValue();
        ensureCapacity(MAX_INTEGER_BYTES);
        buffer[size++] = 'i';
        writeDecimal(value);
        buffer[size++] = 'e';
        return this;
    }

    public BEncoder string(byte[] data) {
        return string(data, 0, data.length);
    }

    public BEncoder string(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        int at = beforeString(length);
        System.arraycopy(data, offset, buffer, size, length);
        size += length;
        return afterString(at, length);
    }

    /** {@code text} as UTF-8; ASCII text, such as every protocol key, is copied without encoding. */
    public BEncoder string(String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            if (text.charAt(i) >= 0x80) {
                return string(text.getBytes(StandardCharsets.UTF_8));
            }
        }
        int at = beforeString(length);
        for (int i = 0; i < length; i++) {
            buffer[size++] = (byte) text.charAt(i);
        }
        return afterString(at, length);
    }

    public BEncoder string(BString value) {
        return string(value.array());
    }

    public BEncoder beginList() {
        beforeValue();
        push(false);
        append('l');
        return this;
    }

    public BEncoder beginDictionary() {
        beforeValue();
        push(true);
        append('d');
        return this;
    }

    /** Closes the innermost list or dictionary. */
    public BEncoder end() {
        if (depth == 0) {
            throw new IllegalStateException("end() without an open list or dictionary");
        }
        if (isDictionary[depth - 1] && !keyExpected[depth - 1]) {
            throw new IllegalStateException("dictionary key without a value");
        }
        depth--;
        append('e');
        return this;
    }

    /** Any value; dictionaries come out with keys sorted by raw bytes, as they are held. */
    public BEncoder value(BValue value) {
        switch (value.type()) {
            case INTEGER:
                return integer(((BInteger) value).value());
            case STRING:
                return string((BString) value);
            case LIST:
                beginList();
                for (BValue item : (BList) value) {
                    value(item);
                }
                return end();
            case DICTIONARY:
                BDictionary dictionary = (BDictionary) value;
                beginDictionary();
                for (int i = 0; i < dictionary.size(); i++) {
                    string(dictionary.keyAt(i));
                    value(dictionary.valueAt(i));
                }
                return end();
            default:
                throw new AssertionError(value.type());
        }
    }

    /**
     * Bytes that are already one bencoded value, copied verbatim: the exact {@code info}
     * dictionary of a torrent being re-published, so that its info-hash stays the same. The
     * caller vouches for them; they are not checked.
     */
    public BEncoder encoded(byte[] bencoded, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bencoded.length);
        beforeValue();
        ensureCapacity(length);
        System.arraycopy(bencoded, offset, buffer, size, length);
        size += length;
        return this;
    }

    /** Bytes written so far. */
    public int size() {
        return size;
    }

    /** A copy of what was written. */
    public byte[] toByteArray() {
        requireComplete();
        return Arrays.copyOf(buffer, size);
    }

    /** Writes what was written to {@code out} without copying it first (a servlet response). */
    public void writeTo(OutputStream out) throws IOException {
        requireComplete();
        out.write(buffer, 0, size);
    }

    /** Forgets everything written, keeping the buffer unless it grew unusually large. */
    public BEncoder reset() {
        size = 0;
        depth = 0;
        if (buffer.length > RETAINED_CAPACITY) {
            buffer = new byte[DEFAULT_CAPACITY];
        }
        return this;
    }

    private void requireComplete() {
        if (depth != 0) {
            throw new IllegalStateException(depth + " list(s) or dictionary(ies) still open");
        }
    }

    /** Before any value that is not a string: it must not stand where a dictionary key belongs. */
    private void beforeValue() {
        if (depth > 0 && isDictionary[depth - 1]) {
            if (keyExpected[depth - 1]) {
                throw new IllegalStateException("dictionary key must be a string");
            }
            keyExpected[depth - 1] = true;
        }
    }

    /** Writes the length header and makes room for the bytes; returns where the bytes will start. */
    private int beforeString(int length) {
        ensureCapacity((long) MAX_INTEGER_BYTES + length);
        writeDecimal(length);
        buffer[size++] = ':';
        return size;
    }

    /** A string in key position must sort after the previous key (BEP 3); else it is a value. */
    private BEncoder afterString(int at, int length) {
        if (depth > 0 && isDictionary[depth - 1]) {
            int d = depth - 1;
            if (keyExpected[d]) {
                int previous = lastKeyStart[d];
                if (previous >= 0 && Arrays.compareUnsigned(buffer, previous, previous + lastKeyLength[d],
                        buffer, at, at + length) >= 0) {
                    throw new IllegalStateException("dictionary key not greater than the previous key");
                }
                lastKeyStart[d] = at;
                lastKeyLength[d] = length;
                keyExpected[d] = false;
            } else {
                keyExpected[d] = true;
            }
        }
        return this;
    }

    private void push(boolean dictionary) {
        if (depth == isDictionary.length) {
            int grown = depth * 2;
            isDictionary = Arrays.copyOf(isDictionary, grown);
            keyExpected = Arrays.copyOf(keyExpected, grown);
            lastKeyStart = Arrays.copyOf(lastKeyStart, grown);
            lastKeyLength = Arrays.copyOf(lastKeyLength, grown);
        }
        isDictionary[depth] = dictionary;
        keyExpected[depth] = true;
        lastKeyStart[depth] = -1;
        depth++;
    }

    private void append(char c) {
        ensureCapacity(1);
        buffer[size++] = (byte) c;
    }

    /** Writes {@code value} in decimal; capacity for {@link #MAX_INTEGER_BYTES} must be ensured. */
    private void writeDecimal(long value) {
        // Work on the negative magnitude, which has room for Long.MIN_VALUE.
        long negative = value;
        if (value < 0) {
            buffer[size++] = '-';
        } else {
            negative = -value;
        }
        int digits = 1;
        for (long rest = negative / 10; rest != 0; rest /= 10) {
            digits++;
        }
        int at = size + digits;
        size = at;
        do {
            buffer[--at] = (byte) ('0' - (int) (negative % 10));
            negative /= 10;
        } while (negative != 0);
    }

    private void ensureCapacity(long more) {
        long needed = size + more;
        if (needed > buffer.length) {
            if (needed > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("bencoded output would exceed 2 GiB");
            }
            buffer = Arrays.copyOf(buffer, (int) Math.max(needed, Math.min((long) buffer.length * 2, Integer.MAX_VALUE - 8)));
        }
    }
}
