package org.swarmport.tracker.catalogue;

import java.nio.charset.StandardCharsets;

/**
 * Checks on the free text a client sends with a torrent (title, description, uploader). Stored as
 * given, never interpreted as markup: the portal escapes it when it shows it. Control
 * characters other than tab and line breaks are refused because they hide text, and NUL
 * because PostgreSQL cannot store it in text.
 */
final class PlainText {

    /** 64 KiB of UTF-8. */
    static final int MAX_DESCRIPTION_BYTES = 64 * 1024;
    static final int MAX_UPLOADER_CHARS = 200;
    /** Characters (code points): room for the longest release names, short enough for one line of a page. */
    static final int MAX_TITLE_CHARS = 250;

    private PlainText() {
    }

    /** The description, or null for none (absent or blank). */
    static String description(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_DESCRIPTION_BYTES) {
            throw new InvalidFieldException("description",
                    "at most " + MAX_DESCRIPTION_BYTES + " bytes of UTF-8, got " + bytes);
        }
        checkControls("description", text, true);
        return text;
    }

    /** The title, stripped, or null for none (absent or blank): then the metainfo's name is shown. One line. */
    static String title(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String title = text.strip();
        int chars = title.codePointCount(0, title.length());
        if (chars > MAX_TITLE_CHARS) {
            throw new InvalidFieldException("title", "at most " + MAX_TITLE_CHARS + " characters, got " + chars);
        }
        checkControls("title", title, false);
        return title;
    }

    /** The portal's opaque reference to whoever uploaded it, or null. */
    static String uploader(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String uploader = text.strip();
        if (uploader.length() > MAX_UPLOADER_CHARS) {
            throw new InvalidFieldException("uploader", "at most " + MAX_UPLOADER_CHARS + " characters");
        }
        checkControls("uploader", uploader, false);
        return uploader;
    }

    /** Enough of a bad value to recognise it in an error message, never a whole pasted text. */
    static String shown(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    private static void checkControls(String field, String text, boolean lineBreaks) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = lineBreaks && (c == '\n' || c == '\r' || c == '\t');
            if ((c < 0x20 || c == 0x7f) && !allowed) {
                throw new InvalidFieldException(field, "contains a control character at position " + i);
            }
        }
    }
}
