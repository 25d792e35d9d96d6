package org.swarmport.portal.comment;

import java.util.Optional;

/**
 * What a comment may say: plain text up to {@value #MAX_LENGTH} characters, not blank, line
 * breaks kept (as {@code \n}, whatever the browser sent), no other control characters (they
 * show as nothing or garble the page's text).
 */
public final class CommentText {

    public static final int MAX_LENGTH = 4_000;

    private CommentText() {
    }

    /** The text as stored: {@code \r\n} and lone {@code \r} become {@code \n}, outer white space goes. */
    public static String normalized(String text) {
        return text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    /** What is wrong with the normalized text, in words for the form; empty when it can be posted. */
    public static Optional<String> problem(String normalized) {
        if (normalized.isBlank()) {
            return Optional.of("Write something first.");
        }
        if (normalized.length() > MAX_LENGTH) {
            return Optional.of("At most 4,000 characters; this one has " + String.format("%,d", normalized.length()) + ".");
        }
        if (normalized.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            return Optional.of("Remove the control characters (only line breaks and tabs are kept).");
        }
        return Optional.empty();
    }
}
