package org.swarmport.peer.bencode;

import java.util.Arrays;
import java.util.Objects;

/**
 * Reads bencode (BEP 3) strictly: only the canonical encoding is accepted, so that decoding
 * and re-encoding always gives back the input. Rejected: leading zeros and negative zero in
 * integers, empty integers, integers beyond 64 bits, string lengths with leading zeros,
 * truncated input, unknown type bytes, non-string, duplicate or unsorted dictionary keys.
 *
 * <p>Built for hostile input (peer messages, uploaded .torrent files): every
 * {@link BencodeLimits limit} is checked before the memory it guards is allocated, and
 * nesting is walked with an explicit stack rather than recursion, so no input can overflow the
 * thread's stack. Offsets in errors and in {@link BDictionary#rawStart()} are indexes into the
 * array passed in.
 */
public final class BDecoder {

    private static final int INITIAL_DEPTH = 8;
    private static final int INITIAL_OPEN_VALUES = 16;

    private final byte[] data;
    private final BencodeLimits limits;
    private final int start;
    /** End of the bytes the caller gave us. */
    private final int regionEnd;
    /** Where reading must stop: {@link #regionEnd}, or earlier when the byte limit ends first. */
    private final int readEnd;
    private int position;
    private int elements;

    // The open lists and dictionaries, innermost last.
    private int depth;
    private int[] containerStart = new int[INITIAL_DEPTH];
    private int[] containerBase = new int[INITIAL_DEPTH];
    private boolean[] containerIsDictionary = new boolean[INITIAL_DEPTH];

    // The finished values of all open containers, flattened (a dictionary's as key, value,
    // key, value...); closing a container copies its run into an exact-size array.
    private BValue[] openValues = new BValue[INITIAL_OPEN_VALUES];
    private int openCount;

    /** One value read from the front of a buffer, and the offset just past it. */
    public record Decoded(BValue value, int end) {
    }

    private BDecoder(byte[] data, int start, int regionEnd, BencodeLimits limits) {
        this.data = data;
        this.limits = limits;
        this.start = start;
        this.regionEnd = regionEnd;
        this.readEnd = (int) Math.min(regionEnd, (long) start + limits.maxBytes());
        this.position = start;
    }

    /** Decodes {@code data}, which must hold exactly one value, under {@link BencodeLimits#DEFAULT}. */
    public static BValue decode(byte[] data) throws BencodeException {
        return decode(data, BencodeLimits.DEFAULT);
    }

    /** Decodes {@code data}, which must hold exactly one value and nothing after it. */
    public static BValue decode(byte[] data, BencodeLimits limits) throws BencodeException {
        return decode(data, 0, data.length, limits);
    }

    /** Decodes {@code length} bytes of {@code data} from {@code offset}, which must hold exactly one value. */
    public static BValue decode(byte[] data, int offset, int length, BencodeLimits limits) throws BencodeException {
        Objects.checkFromIndexSize(offset, length, data.length);
        if (length > limits.maxBytes()) {
            throw new BencodeException("input exceeds limit of " + limits.maxBytes() + " bytes", offset + limits.maxBytes());
        }
        BDecoder decoder = new BDecoder(data, offset, offset + length, limits);
        BValue value = decoder.readValue();
        if (decoder.position != offset + length) {
            throw new BencodeException("trailing data after value", decoder.position);
        }
        return value;
    }

    /**
     * Decodes the one value that starts at {@code offset} and reports where it ended; whatever
     * follows it is left alone. For messages that put raw bytes after a bencoded dictionary,
     * such as a ut_metadata data message (BEP 9). {@link BencodeLimits#maxBytes()} bounds the
     * value, not what follows it.
     */
    public static Decoded decodePrefix(byte[] data, int offset, BencodeLimits limits) throws BencodeException {
        return decodePrefix(data, offset, data.length - offset, limits);
    }

    /** As {@link #decodePrefix(byte[], int, BencodeLimits)}, reading no further than {@code offset + length}. */
    public static Decoded decodePrefix(byte[] data, int offset, int length, BencodeLimits limits) throws BencodeException {
        Objects.checkFromIndexSize(offset, length, data.length);
        BDecoder decoder = new BDecoder(data, offset, offset + length, limits);
        BValue value = decoder.readValue();
        return new Decoded(value, decoder.position);
    }

    private BValue readValue() throws BencodeException {
        while (true) {
            int at = position;
            if (at >= readEnd) {
                throw endOfInput(depth == 0 ? null : innermostName(), depth == 0 ? start : containerStart[depth - 1]);
            }
            byte type = data[at];
            boolean inDictionary = depth > 0 && containerIsDictionary[depth - 1];
            boolean keyExpected = inDictionary && ((openCount - containerBase[depth - 1]) & 1) == 0;
            if (type != 'e' && (keyExpected || depth > 0 && !inDictionary)) {
                countElement(at);
            }
            if (keyExpected && type != 'e') {
                if (!isDigit(type)) {
                    throw new BencodeException("dictionary key is not a string", at);
                }
                readKey();
                continue;
            }
            BValue value;
            switch (type) {
                case 'i':
                    value = readInteger();
                    break;
                case 'l':
                case 'd':
                    open(type == 'd');
                    continue;
                case 'e':
                    value = close();
                    break;
                default:
                    if (!isDigit(type)) {
                        throw new BencodeException("invalid type byte " + describe(type), at);
                    }
                    value = readString();
            }
            if (depth == 0) {
                return value;
            }
            push(value);
        }
    }

    private void countElement(int at) throws BencodeException {
        if (++elements > limits.maxElements()) {
            throw new BencodeException("element count exceeds limit of " + limits.maxElements(), at);
        }
    }

    private void readKey() throws BencodeException {
        int at = position;
        BString key = readString();
        int base = containerBase[depth - 1];
        if (openCount - base >= 2) {
            int order = ((BString) openValues[openCount - 2]).compareTo(key);
            if (order == 0) {
                throw new BencodeException("duplicate dictionary key", at);
            }
            if (order > 0) {
                throw new BencodeException("dictionary keys out of order", at);
            }
        }
        push(key);
    }

    /** {@code i<digits>e}: no leading zero, no {@code -0}, within a signed 64-bit long. */
    private BInteger readInteger() throws BencodeException {
        int at = position++;
        boolean negative = position < readEnd && data[position] == '-';
        if (negative) {
            position++;
        }
        int firstDigit = position;
        // Accumulated as a negative number, which has room for Long.MIN_VALUE.
        long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long tenthOfLimit = limit / 10;
        long value = 0;
        while (true) {
            if (position >= readEnd) {
                throw endOfInput("integer", at);
            }
            byte b = data[position];
            if (b == 'e') {
                break;
            }
            if (!isDigit(b)) {
                throw new BencodeException("invalid byte " + describe(b) + " in integer", position);
            }
            if (position == firstDigit + 1 && data[firstDigit] == '0') {
                throw new BencodeException("leading zero in integer", at);
            }
            int digit = b - '0';
            if (value < tenthOfLimit || value * 10 < limit + digit) {
                throw new BencodeException("integer overflows 64 bits", at);
            }
            value = value * 10 - digit;
            position++;
        }
        if (position == firstDigit) {
            throw new BencodeException("empty integer", at);
        }
        if (negative && value == 0) {
            throw new BencodeException("negative zero integer", at);
        }
        position++;
        return new BInteger(negative ? value : -value);
    }

    /** {@code <length>:<bytes>}: the length is checked against the limit and the input before any allocation. */
    private BString readString() throws BencodeException {
        int at = position;
        long length = 0;
        while (true) {
            if (position >= readEnd) {
                throw endOfInput("string", at);
            }
            byte b = data[position];
            if (b == ':') {
                break;
            }
            if (!isDigit(b)) {
                throw new BencodeException("invalid byte " + describe(b) + " in string length", position);
            }
            if (position == at + 1 && data[at] == '0') {
                throw new BencodeException("leading zero in string length", at);
            }
            // Stops before the number can grow past the limit, so it cannot overflow either.
            length = length * 10 + (b - '0');
            if (length > limits.maxStringLength()) {
                throw new BencodeException("string length exceeds limit of " + limits.maxStringLength() + " bytes", at);
            }
            position++;
        }
        position++;
        if (length > readEnd - position) {
            throw endOfInput("string", at);
        }
        byte[] bytes = Arrays.copyOfRange(data, position, position + (int) length);
        position += (int) length;
        return new BString(bytes);
    }

    private void open(boolean dictionary) throws BencodeException {
        if (depth == limits.maxDepth()) {
            throw new BencodeException("nesting depth exceeds limit of " + limits.maxDepth(), position);
        }
        if (depth == containerStart.length) {
            int grown = Math.min(depth * 2, limits.maxDepth());
            containerStart = Arrays.copyOf(containerStart, grown);
            containerBase = Arrays.copyOf(containerBase, grown);
            containerIsDictionary = Arrays.copyOf(containerIsDictionary, grown);
        }
        containerStart[depth] = position;
        containerBase[depth] = openCount;
        containerIsDictionary[depth] = dictionary;
        depth++;
        position++;
    }

    /** The {@code e} that ends the innermost container. */
    private BValue close() throws BencodeException {
        int at = position;
        if (depth == 0) {
            throw new BencodeException("unexpected end marker", at);
        }
        depth--;
        int base = containerBase[depth];
        int count = openCount - base;
        BValue value;
        if (containerIsDictionary[depth]) {
            if ((count & 1) != 0) {
                throw new BencodeException("dictionary key without value", at);
            }
            BString[] keys = new BString[count / 2];
            BValue[] values = new BValue[count / 2];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = (BString) openValues[base + 2 * i];
                values[i] = openValues[base + 2 * i + 1];
            }
            value = new BDictionary(keys, values, containerStart[depth], at + 1);
        } else {
            value = new BList(Arrays.copyOfRange(openValues, base, openCount));
        }
        Arrays.fill(openValues, base, openCount, null);
        openCount = base;
        position++;
        return value;
    }

    private void push(BValue value) {
        if (openCount == openValues.length) {
            openValues = Arrays.copyOf(openValues, openCount * 2);
        }
        openValues[openCount++] = value;
    }

    private String innermostName() {
        return containerIsDictionary[depth - 1] ? "dictionary" : "list";
    }

    /**
     * The input ran out inside a token that began at {@code tokenStart} ({@code what} is null
     * when no token began). When the byte limit, not the input, ran out, that is the defect.
     */
    private BencodeException endOfInput(String what, int tokenStart) {
        if (readEnd < regionEnd) {
            return new BencodeException("input exceeds limit of " + limits.maxBytes() + " bytes", readEnd);
        }
        return what == null
                ? new BencodeException("empty input", tokenStart)
                : new BencodeException("truncated " + what, tokenStart);
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    /** One input byte, safe to echo to a user: a visible ASCII character in quotes, else hex. */
    private static String describe(byte b) {
        return b > 0x20 && b < 0x7f ? "'" + (char) b + "'" : String.format("0x%02x", b & 0xff);
    }
}
