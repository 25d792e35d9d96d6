package org.swarmport.portal.tracker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A search as the portal's pages take it, with the tracker's parameter names, as text: the
 * tracker checks every value and answers a bad one with a 400 naming it, so the portal does
 * not repeat (and drift from) its rules.
 */
public record SearchQuery(Map<String, String> parameters) {

    /** The parameters {@code GET /api/v1/search} takes, in the order the portal's links write them. */
    public static final List<String> NAMES =
            List.of("q", "category", "minSize", "maxSize", "minSeeders", "sort", "order", "page", "size");

    public SearchQuery {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : NAMES) {
            String value = parameters.get(name);
            if (value != null && !value.isBlank()) {
                kept.put(name, value.strip());
            }
        }
        parameters = Map.copyOf(kept);
    }

    public static SearchQuery of(String... namesAndValues) {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            given.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new SearchQuery(given);
    }

    /** The value of one parameter, or null when it is not given. */
    public String get(String name) {
        return parameters.get(name);
    }

    /** The same search with one parameter changed; a null or blank value removes it. */
    public SearchQuery with(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(parameters);
        changed.put(name, value);
        return new SearchQuery(changed);
    }
}
