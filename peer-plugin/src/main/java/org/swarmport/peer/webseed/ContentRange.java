package org.swarmport.peer.webseed;

import java.util.OptionalLong;

/**
 * An RFC 9110 {@code Content-Range} of a {@code 206} answer: {@code bytes first-last/complete},
 * where the complete length may be {@code *}. Parsing is strict (digits only, at most 18 of them,
 * {@code first <= last < complete}), so a server's header can never overflow or mislead a check.
 */
public record ContentRange(long first, long last, OptionalLong completeLength) {

    private static final int MAX_DIGITS = 18;

    /** Parses the header's value. */
    public static ContentRange parse(String header) throws WebSeedException {
        String value = header.strip();
        if (!value.regionMatches(true, 0, "bytes ", 0, 6)) {
            throw new WebSeedException("Content-Range '" + shown(header) + "' is not in bytes");
        }
        int dash = value.indexOf('-', 6);
        int slash = value.indexOf('/', 6);
        if (dash < 0 || slash < dash) {
            throw new WebSeedException("Content-Range '" + shown(header) + "' is not 'bytes first-last/length'");
        }
        long first = number(value.substring(6, dash).strip(), header);
        long last = number(value.substring(dash + 1, slash).strip(), header);
        String complete = value.substring(slash + 1).strip();
        OptionalLong length = complete.equals("*") ? OptionalLong.empty() : OptionalLong.of(number(complete, header));
        if (last < first || (length.isPresent() && last >= length.getAsLong())) {
            throw new WebSeedException("Content-Range '" + shown(header) + "' is not a range within the file");
        }
        return new ContentRange(first, last, length);
    }

    private static long number(String digits, String header) throws WebSeedException {
        if (digits.isEmpty() || digits.length() > MAX_DIGITS || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new WebSeedException("Content-Range '" + shown(header) + "' has a bad number '" + shown(digits) + "'");
        }
        return Long.parseLong(digits);
    }

    /** Header text in a message: bounded, so a hostile header cannot flood a log. */
    static String shown(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
