package org.swarmport.portal.upload;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.swarmport.peer.metainfo.MetainfoException;
import org.swarmport.peer.metainfo.MetainfoParser;

/**
 * The rules of the upload and edit forms: the tracker's own (its {@code TorrentUpload},
 * {@code Tags} and {@code PlainText}), checked here first so every problem is shown beside its
 * field in words for the person who typed it, all at once, before anything is sent. The wars
 * share no classes, so the limits are written down twice; the tracker still checks, and what it
 * refuses is shown beside the field it names. Pure functions.
 */
final class TorrentFormRules {

    /** The tracker's limit on a .torrent; nothing real comes close (100,000 files fit). */
    static final long MAX_TORRENT_BYTES = 10L << 20;
    static final int MAX_TITLE_CHARS = 250;
    static final int MAX_TAGS = 16;
    static final int MAX_DESCRIPTION_BYTES = 64 * 1024;
    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9.+-]{0,31}");

    private TorrentFormRules() {
    }

    /** The size of the chosen file, before any of it is read. */
    static Optional<String> torrentSizeProblem(long size) {
        if (size <= 0) {
            return Optional.of("Choose the .torrent file to upload.");
        }
        if (size > MAX_TORRENT_BYTES) {
            return Optional.of("This file is " + mebibytes(size) + "; a .torrent may be at most 10 MiB.");
        }
        return Optional.empty();
    }

    /** Whether the bytes are a .torrent the tracker can read (the same parser it uses). */
    static Optional<String> metainfoProblem(byte[] torrent) {
        try {
            MetainfoParser.parse(torrent);
            return Optional.empty();
        } catch (MetainfoException e) {
            String why = e.getMessage().startsWith("metainfo: ") ? e.getMessage().substring(10) : e.getMessage();
            return Optional.of("This is not a .torrent file the tracker can read (" + why + ").");
        }
    }

    /** The title as stored: stripped, null when blank (then the .torrent's own name is shown). */
    static String title(String typed) {
        return typed == null || typed.isBlank() ? null : typed.strip();
    }

    static Optional<String> titleProblem(String typed) {
        String title = title(typed);
        if (title == null) {
            return Optional.empty();
        }
        int chars = title.codePointCount(0, title.length());
        if (chars > MAX_TITLE_CHARS) {
            return Optional.of("At most " + MAX_TITLE_CHARS + " characters; this title has " + chars + ".");
        }
        return controlCharacter(title, false).map(at -> "Keep the title on one line, without control characters.");
    }

    /** The tags as stored: lowercased, each once, sorted; blank entries dropped. Check {@link #tagsProblem} first. */
    static List<String> tags(String commaSeparated) {
        TreeSet<String> tags = new TreeSet<>();
        if (commaSeparated != null) {
            for (String raw : commaSeparated.split(",", -1)) {
                String tag = raw.strip().toLowerCase(Locale.ROOT);
                if (!tag.isEmpty()) {
                    tags.add(tag);
                }
            }
        }
        return new ArrayList<>(tags);
    }

    static Optional<String> tagsProblem(String commaSeparated) {
        List<String> tags = tags(commaSeparated);
        for (String tag : tags) {
            if (!TAG.matcher(tag).matches()) {
                return Optional.of("“" + shown(tag) + "” is not a tag: a tag is 1 to 32 of a–z, 0–9, . + -"
                        + " and begins with a letter or digit; separate tags with commas.");
            }
        }
        if (tags.size() > MAX_TAGS) {
            return Optional.of("At most " + MAX_TAGS + " tags; these are " + tags.size() + ".");
        }
        return Optional.empty();
    }

    /** The description as stored: as typed, null when blank. */
    static String description(String typed) {
        return typed == null || typed.isBlank() ? null : typed;
    }

    static Optional<String> descriptionProblem(String typed) {
        String description = description(typed);
        if (description == null) {
            return Optional.empty();
        }
        int bytes = description.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_DESCRIPTION_BYTES) {
            return Optional.of("At most 64 KiB (" + MAX_DESCRIPTION_BYTES + " bytes as UTF-8); this description has "
                    + bytes + ".");
        }
        return controlCharacter(description, true)
                .map(at -> "Remove the control character at position " + (at + 1) + "; only line breaks and tabs may be used.");
    }

    /** The first character that hides text (NUL and the other C0 controls, DEL), if any. */
    private static Optional<Integer> controlCharacter(String text, boolean lineBreaks) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = lineBreaks && (c == '\n' || c == '\r' || c == '\t');
            if ((c < 0x20 || c == 0x7f) && !allowed) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1 << 20));
    }

    /** Enough of a bad value to recognise it, never a whole pasted text. */
    private static String shown(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
