package org.swarmport.peer.tracker;

import java.nio.charset.StandardCharsets;

/** Text from a tracker ({@code failure reason}, {@code warning message}, BEP 15 error) made safe to show. */
final class TrackerText {

    /** Longer messages are cut: a tracker's message is a sentence, not a page. */
    static final int MAX_LENGTH = 200;

    private TrackerText() {
    }

    /** UTF-8 (malformed bytes become U+FFFD), control characters replaced, at most {@link #MAX_LENGTH} characters. */
    static String of(byte[] bytes, int offset, int length) {
        return bounded(new String(bytes, offset, length, StandardCharsets.UTF_8));
    }

    static String bounded(String text) {
        String cut = text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) + "..." : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
