package org.swarmport.tracker.catalogue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What kind of content a torrent holds: Torznab's top-level categories, with their ids, so the
 * portal's Torznab API (and Sonarr, Prowlarr, Jackett behind it) needs no mapping table.
 * 6000 (XXX) is left out on purpose.
 */
public record Category(int id, String name) {

    public static final Category CONSOLE = new Category(1000, "Console");
    public static final Category MOVIES = new Category(2000, "Movies");
    public static final Category AUDIO = new Category(3000, "Audio");
    public static final Category PC = new Category(4000, "PC");
    public static final Category TV = new Category(5000, "TV");
    public static final Category BOOKS = new Category(7000, "Books");
    public static final Category OTHER = new Category(8000, "Other");

    /** In id order, as {@code GET /categories} lists them. */
    public static final List<Category> ALL = List.of(CONSOLE, MOVIES, AUDIO, PC, TV, BOOKS, OTHER);

    public static Optional<Category> byId(int id) {
        return ALL.stream().filter(category -> category.id == id).findFirst();
    }

    /**
     * A category from what a client sent: its id ({@code 2000}) or its name, in any case
     * ({@code movies}).
     *
     * @throws InvalidFieldException naming the accepted values
     */
    public static Category parse(String value) {
        String given = value == null ? "" : value.strip();
        for (Category category : ALL) {
            if (given.equals(Integer.toString(category.id)) || given.equalsIgnoreCase(category.name)) {
                return category;
            }
        }
        throw new InvalidFieldException("category", "must be one of " + accepted() + ", got '" + PlainText.shown(given) + "'");
    }

    private static String accepted() {
        StringBuilder accepted = new StringBuilder();
        for (Category category : ALL) {
            accepted.append(accepted.length() == 0 ? "" : ", ").append(category.id).append(' ')
                    .append(category.name.toLowerCase(Locale.ROOT));
        }
        return accepted.toString();
    }
}
