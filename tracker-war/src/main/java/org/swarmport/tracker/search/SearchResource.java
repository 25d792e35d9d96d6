package org.swarmport.tracker.search;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.Locale;
import org.swarmport.tracker.catalogue.Category;
import org.swarmport.tracker.config.TrackerConfig;

/**
 * {@code GET /api/v1/search}. Parameters arrive as strings so that a bad one is a 400
 * naming it, not JAX-RS's anonymous 404.
 */
@Path("search")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    @Inject
    CatalogueSearch search;

    @Inject
    TrackerConfig config;

    @GET
    public SearchResults search(@QueryParam("q") String q, @QueryParam("category") String category,
                                @QueryParam("tag") String tag, @QueryParam("minSize") String minSize,
                                @QueryParam("maxSize") String maxSize, @QueryParam("minSeeders") String minSeeders,
                                @QueryParam("sort") String sort, @QueryParam("order") String order,
                                @QueryParam("page") String page, @QueryParam("size") String size) throws IOException {
        SortOrder by = SortOrder.parse(sort);
        // A category by its Torznab id or its name, as uploads take it.
        Category in = blankToNull(category) == null ? null : Category.parse(category);
        SearchRequest request = new SearchRequest(q, in, blankToNull(tag),
                number("minSize", minSize), number("maxSize", maxSize), number("minSeeders", minSeeders),
                by, ascending(order, by), (int) bounded("page", page, 1), (int) bounded("size", size, 20));
        return search.search(request).withMagnets(config.announceUrl().toString());
    }

    /** Names read A to Z; everything else, the most (or most relevant) first. */
    private static boolean ascending(String order, SortOrder by) {
        if (order == null || order.isBlank()) {
            return by == SortOrder.NAME;
        }
        return switch (order.strip().toLowerCase(Locale.ROOT)) {
            case "asc" -> true;
            case "desc" -> false;
            default -> throw new BadQueryException("order: asc or desc");
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Long number(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new BadQueryException(name + ": must be a whole number");
        }
    }

    private static long bounded(String name, String value, long otherwise) {
        Long n = number(name, value);
        if (n == null) {
            return otherwise;
        }
        if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
            throw new BadQueryException(name + ": out of range");
        }
        return n;
    }
}
