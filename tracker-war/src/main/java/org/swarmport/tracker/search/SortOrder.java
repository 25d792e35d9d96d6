package org.swarmport.tracker.search;

import java.util.Locale;

/** What search results can be ordered by, as the {@code sort} parameter names them. */
public enum SortOrder {
    RELEVANCE, SEEDERS, LEECHERS, ADDED, SIZE, NAME;

    public static SortOrder parse(String value) {
        if (value == null || value.isBlank()) {
            return RELEVANCE;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadQueryException("sort: one of relevance, seeders, leechers, added, size, name; got '"
                    + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "'");
        }
    }
}
