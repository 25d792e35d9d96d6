package org.swarmport.tracker.announce;

import java.nio.charset.StandardCharsets;

/**
 * Walks the {@code name=value} pairs of a raw, still percent-encoded query string,
 * once, left to right, without splitting it or building a map, and decodes only the
 * values a parser asks for.
 *
 * <p>Why raw: {@code info_hash} and {@code peer_id} are 20 arbitrary bytes,
 * percent-encoded (BEP 3); a servlet container's {@code getParameter} decodes them as
 * text and corrupts them. Decoding follows {@code application/x-www-form-urlencoded}:
 * {@code %XX} in either case is one byte, {@code +} is the byte 0x20, names are decoded
 * too ({@code info%5Fhash} is {@code info_hash}). A value may hold only printable ASCII
 * characters; anything else a client must percent-encode.
 *
 * <p>Values are validated only when asked for: a parameter the tracker does not know is
 * skipped unread, whatever it holds (as opentracker does), so a client's private
 * extension can never break its announce.
 *
 * <p>Not thread-safe; one cursor per request.
 */
final class QueryCursor {

    /** What {@link #decodedByteAt} returns instead of a byte. */
    private static final int MALFORMED_ESCAPE = -1;
    private static final int ILLEGAL_CHARACTER = -2;

    private final String query;
    private final int length;
    private int next;

    private int nameStart;
    private int nameEnd;
    private boolean nameEncoded;
    private int valueStart;
    private int valueEnd;
    private boolean valueEncoded;

    /** Index just past the escape that {@link #decodedByteAt} last read. */
    private int afterByte;

    QueryCursor(String query) {
        this.query = query == null ? "" : query;
        this.length = this.query.length();
    }

    /**
     * Moves to the next non-empty pair. A pair without {@code =} has an empty value,
     * as in form decoding; the first {@code =} separates name and value.
     */
    boolean advance() {
        while (next < length) {
            int start = next;
            int separator = -1;
            boolean encodedName = false;
            boolean encodedValue = false;
            int i = start;
            for (; i < length; i++) {
                char c = query.charAt(i);
                if (c == '&') {
                    break;
                }
                if (separator < 0) {
                    if (c == '=') {
                        separator = i;
                    } else if (c == '%' || c == '+') {
                        encodedName = true;
                    }
                } else if (c == '%' || c == '+' || c < 0x21 || c > 0x7e) {
                    encodedValue = true;
                }
            }
            next = i + 1;
            if (i == start) {
                continue;
            }
            nameStart = start;
            nameEnd = separator < 0 ? i : separator;
            nameEncoded = encodedName;
            valueStart = separator < 0 ? i : separator + 1;
            valueEnd = i;
            valueEncoded = encodedValue;
            return true;
        }
        return false;
    }

    /** Whether the current pair's decoded name is {@code name} (ASCII). */
    boolean nameIs(String name) {
        if (!nameEncoded) {
            return nameEnd - nameStart == name.length()
                    && query.regionMatches(nameStart, name, 0, name.length());
        }
        int j = 0;
        for (int i = nameStart; i < nameEnd; i = afterByte) {
            int b = decodedByteAt(i, nameEnd);
            if (b < 0 || j == name.length() || name.charAt(j) != b) {
                return false;
            }
            j++;
        }
        return j == name.length();
    }

    /** Whether the current value decodes to {@code literal} (ASCII). */
    boolean valueIs(String param, String literal) {
        if (!valueEncoded) {
            return valueEnd - valueStart == literal.length()
                    && query.regionMatches(valueStart, literal, 0, literal.length());
        }
        int j = 0;
        boolean equal = true;
        for (int i = valueStart; i < valueEnd; i = afterByte) {
            int b = checkedByteAt(param, i);
            if (j >= literal.length() || literal.charAt(j) != b) {
                equal = false;
            }
            j++;
        }
        return equal && j == literal.length();
    }

    boolean valueIsEmpty() {
        return valueStart == valueEnd;
    }

    /**
     * The value as exactly {@code size} bytes, e.g. a 20-byte info-hash (BEP 3). Decodes
     * straight into the array it returns; on a wrong length it keeps counting so the
     * message can say how many bytes came.
     */
    byte[] bytesExactly(String param, int size) {
        byte[] bytes = new byte[size];
        int count = 0;
        for (int i = valueStart; i < valueEnd; i = afterByte) {
            int b = checkedByteAt(param, i);
            if (count < size) {
                bytes[count] = (byte) b;
            }
            count++;
        }
        if (count != size) {
            throw new TrackerRequestException(
                    "invalid " + param + ": must be " + size + " bytes, got " + count);
        }
        return bytes;
    }

    /** The value as at most {@code max} bytes; {@code null} when empty. */
    byte[] bytesAtMost(String param, int max) {
        int count = decodedLength(param);
        if (count == 0) {
            return null;
        }
        if (count > max) {
            throw new TrackerRequestException(
                    "invalid " + param + ": longer than " + max + " bytes");
        }
        byte[] bytes = new byte[count];
        int k = 0;
        for (int i = valueStart; i < valueEnd; i = afterByte) {
            bytes[k++] = (byte) decodedByteAt(i, valueEnd);
        }
        return bytes;
    }

    /**
     * The value as printable ASCII text of at most {@code max} characters, e.g. an
     * address or host name the client claims; {@code null} when empty.
     */
    String asciiAtMost(String param, int max) {
        byte[] bytes = bytesAtMost(param, max);
        if (bytes == null) {
            return null;
        }
        for (byte b : bytes) {
            if (b < 0x21 || b > 0x7e) {
                throw new TrackerRequestException("invalid " + param + ": not printable ASCII");
            }
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    /** The value as a decimal number 0..Long.MAX_VALUE: no sign, no spaces, no letters. */
    long nonNegativeDecimal(String param) {
        long value = decimal(param);
        if (value < 0) {
            throw new TrackerRequestException("invalid " + param + ": negative");
        }
        return value;
    }

    /**
     * The value as a decimal number with an optional leading {@code -}; a value outside
     * the range of a long is refused, never wrapped or clamped.
     */
    long decimal(String param) {
        if (valueStart == valueEnd) {
            throw new TrackerRequestException("invalid " + param + ": empty");
        }
        boolean negative = false;
        boolean digits = false;
        boolean tooLarge = false;
        long value = 0;
        for (int i = valueStart; i < valueEnd; i = afterByte) {
            int b = checkedByteAt(param, i);
            if (b == '-' && i == valueStart) {
                negative = true;
                continue;
            }
            int digit = b - '0';
            if (digit < 0 || digit > 9) {
                throw new TrackerRequestException("invalid " + param + ": not a number");
            }
            digits = true;
            // Accumulate negatively: the range of a long is one larger below zero.
            if (value < (Long.MIN_VALUE + digit) / 10) {
                tooLarge = true;
            } else {
                value = value * 10 - digit;
            }
        }
        if (!digits) {
            throw new TrackerRequestException("invalid " + param + ": not a number");
        }
        if (tooLarge || (!negative && value == Long.MIN_VALUE)) {
            throw new TrackerRequestException("invalid " + param + ": too large");
        }
        return negative ? value : -value;
    }

    private int decodedLength(String param) {
        int count = 0;
        for (int i = valueStart; i < valueEnd; i = afterByte) {
            checkedByteAt(param, i);
            count++;
        }
        return count;
    }

    private int checkedByteAt(String param, int i) {
        int b = decodedByteAt(i, valueEnd);
        if (b == MALFORMED_ESCAPE) {
            throw new TrackerRequestException("invalid " + param + ": malformed percent escape");
        }
        if (b == ILLEGAL_CHARACTER) {
            throw new TrackerRequestException("invalid " + param + ": must be percent-encoded");
        }
        return b;
    }

    /**
     * Decodes the byte that starts at {@code i}, sets {@link #afterByte} past it, and
     * returns it (0..255) or a negative error code.
     */
    private int decodedByteAt(int i, int end) {
        char c = query.charAt(i);
        if (c == '%') {
            if (i + 2 >= end) {
                afterByte = end;
                return MALFORMED_ESCAPE;
            }
            int high = hexDigit(query.charAt(i + 1));
            int low = hexDigit(query.charAt(i + 2));
            afterByte = i + 3;
            return high < 0 || low < 0 ? MALFORMED_ESCAPE : high << 4 | low;
        }
        afterByte = i + 1;
        if (c == '+') {
            return 0x20;
        }
        return c < 0x21 || c > 0x7e ? ILLEGAL_CHARACTER : c;
    }

    /** 0..15 for an ASCII hex digit in either case, else -1 (never other Unicode digits). */
    static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
