package org.swarmport.portal.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One call of the Torznab API ({@code /api?t=…}) with its parameters checked: what to do, the
 * words to search, the categories and the slice of results. Pure, so every bad value and its
 * error code is a unit test.
 *
 * @param query      the words for the tracker's search, with {@code S01E02} appended for a TV
 *                   search as Jackett builds it; empty for "the newest"
 * @param categories the Torznab category ids asked for ({@code cat=5030,5040}), empty for all
 */
record TorznabRequest(Function function, String query, List<Integer> categories, int limit, int offset) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 100;
    /** The tracker's own bound on a query's length; a longer one is refused here with its parameter named. */
    static final int MAX_QUERY = 200;
    static final int MAX_CATEGORIES = 32;

    private static final Pattern DAY = Pattern.compile("(\\d{1,2})/(\\d{1,2})");
    /** Functions of the spec this indexer does not offer: code 203, not 202. */
    private static final Set<String> NOT_OFFERED = Set.of("music", "book", "details", "getnfo", "get", "register",
            "cart-add", "cart-del", "comments", "comments-add", "user");

    /** The functions offered, by their {@code t=} name. */
    enum Function {
        CAPS("caps"), SEARCH("search"), TV_SEARCH("tvsearch"), MOVIE("movie");

        final String parameter;

        Function(String parameter) {
            this.parameter = parameter;
        }
    }

    /** The request's parameters, as {@code ServletRequest.getParameterMap()} gives them. */
    static TorznabRequest parse(Map<String, String[]> parameters) throws TorznabError {
        String t = single(parameters, "t");
        if (t == null) {
            throw TorznabError.missingParameter("t");
        }
        Function function = function(t.toLowerCase(Locale.ROOT));
        if (function == Function.CAPS) {
            return new TorznabRequest(function, "", List.of(), DEFAULT_LIMIT, 0);
        }
        String q = single(parameters, "q");
        q = q == null ? "" : q;
        if (function == Function.TV_SEARCH) {
            q = (q + " " + episode(single(parameters, "season"), single(parameters, "ep"))).strip();
        }
        if (q.length() > MAX_QUERY) {
            throw TorznabError.badParameter("q: at most " + MAX_QUERY + " characters");
        }
        int limit = number(parameters, "limit", DEFAULT_LIMIT);
        if (limit < 1) {
            throw TorznabError.badParameter("limit: at least 1");
        }
        int offset = number(parameters, "offset", 0);
        if (offset < 0) {
            throw TorznabError.badParameter("offset: at least 0");
        }
        return new TorznabRequest(function, q, categories(single(parameters, "cat")), Math.min(limit, MAX_LIMIT), offset);
    }

    private static Function function(String t) throws TorznabError {
        for (Function function : Function.values()) {
            if (function.parameter.equals(t)) {
                return function;
            }
        }
        if (NOT_OFFERED.contains(t)) {
            throw TorznabError.functionNotAvailable("t=" + t + " is not offered; see t=caps");
        }
        throw TorznabError.noSuchFunction(t.length() > 32 ? t.substring(0, 32) + "…" : t);
    }

    /**
     * What Jackett appends for a TV search: {@code S01E02} for season 1 episode 2, {@code S01}
     * for a whole season, {@code 2016.12.20} for a daily show (season 2016, ep 12/20).
     */
    static String episode(String season, String ep) throws TorznabError {
        if (season == null) {
            if (ep != null) {
                throw TorznabError.missingParameter("season, which ep needs");
            }
            return "";
        }
        int s = whole("season", season);
        if (ep == null) {
            return String.format(Locale.ROOT, "S%02d", s);
        }
        Matcher day = DAY.matcher(ep);
        if (day.matches() && s >= 1000) {
            return String.format(Locale.ROOT, "%04d.%02d.%02d", s, Integer.parseInt(day.group(1)), Integer.parseInt(day.group(2)));
        }
        return String.format(Locale.ROOT, "S%02dE%02d", s, whole("ep", ep));
    }

    private static List<Integer> categories(String cat) throws TorznabError {
        List<Integer> ids = new ArrayList<>();
        if (cat == null) {
            return ids;
        }
        for (String part : cat.split(",", -1)) {
            if (part.isBlank()) {
                continue;
            }
            int id = whole("cat", part.strip());
            if (!ids.contains(id)) {
                ids.add(id);
            }
            if (ids.size() > MAX_CATEGORIES) {
                throw TorznabError.badParameter("cat: at most " + MAX_CATEGORIES + " categories");
            }
        }
        return List.copyOf(ids);
    }

    private static int number(Map<String, String[]> parameters, String name, int otherwise) throws TorznabError {
        String value = single(parameters, name);
        return value == null ? otherwise : whole(name, value);
    }

    /** A whole number of at most 9 digits, so that no sum of two overflows. */
    private static int whole(String name, String value) throws TorznabError {
        if (!value.strip().matches("-?\\d{1,9}")) {
            throw TorznabError.badParameter(name + ": a whole number");
        }
        return Integer.parseInt(value.strip());
    }

    /** The parameter's value, or null when absent or blank; a second value is ignored, as by every web framework. */
    private static String single(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        if (values == null || values.length == 0 || values[0] == null || values[0].isBlank()) {
            return null;
        }
        return values[0].strip();
    }
}
