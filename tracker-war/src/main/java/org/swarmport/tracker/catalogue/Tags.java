package org.swarmport.tracker.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A torrent's tags: lowercase words such as {@code 1080p}, {@code flac} or {@code c++}, at most
 * {@value #MAX_TAGS}. Lowercase so one tag is never two (the search index keeps them as
 * keywords); the alphabet keeps them safe in URLs and Torznab attributes.
 */
public final class Tags {

    public static final int MAX_TAGS = 16;
    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9.+-]{0,31}");

    private Tags() {
    }

    /** Tags from a comma-separated list, as a multipart upload sends them; blank entries are skipped. */
    public static List<String> parse(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return of(List.of(commaSeparated.split(",", -1)));
    }

    /**
     * The tags lowercased, each once, sorted.
     *
     * @throws InvalidFieldException naming the first tag that is not allowed
     */
    public static List<String> of(List<String> given) {
        TreeSet<String> tags = new TreeSet<>();
        for (String raw : given) {
            String tag = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
            if (tag.isEmpty()) {
                continue;
            }
            if (!TAG.matcher(tag).matches()) {
                throw new InvalidFieldException("tags", "'" + PlainText.shown(tag)
                        + "' is not a tag: 1 to 32 of a-z, 0-9, '.', '+', '-', beginning with a letter or digit");
            }
            tags.add(tag);
        }
        if (tags.size() > MAX_TAGS) {
            throw new InvalidFieldException("tags", "at most " + MAX_TAGS + " tags, got " + tags.size());
        }
        return new ArrayList<>(tags);
    }
}
