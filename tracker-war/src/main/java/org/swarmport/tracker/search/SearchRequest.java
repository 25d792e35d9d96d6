package org.swarmport.tracker.search;

import org.swarmport.tracker.catalogue.Category;

/**
 * One search as asked: the query, filters (null for none), order and page.
 *
 * @param page 1-based
 */
public record SearchRequest(String q, Category category, String tag, Long minSize, Long maxSize, Long minSeeders,
                            SortOrder sort, boolean ascending, int page, int size) {

    public static final int MAX_PAGE_SIZE = 100;
    /** Deeper pages cost more than anyone reads; a narrower query is the answer. */
    public static final int MAX_DEPTH = 10_000;

    public SearchRequest {
        if (page < 1) {
            throw new BadQueryException("page: starts at 1, got " + page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new BadQueryException("size: between 1 and " + MAX_PAGE_SIZE + ", got " + size);
        }
        if ((long) page * size > MAX_DEPTH) {
            throw new BadQueryException("page: at most the first " + MAX_DEPTH + " hits can be paged through");
        }
        for (Long bound : new Long[] {minSize, maxSize, minSeeders}) {
            if (bound != null && bound < 0) {
                throw new BadQueryException((bound == minSize ? "minSize" : bound == maxSize ? "maxSize" : "minSeeders")
                        + ": cannot be negative");
            }
        }
        if (minSize != null && maxSize != null && minSize > maxSize) {
            throw new BadQueryException("minSize: is larger than maxSize");
        }
    }

    /** A first page of 20 by relevance for {@code q}, no filters. */
    public static SearchRequest of(String q) {
        return new SearchRequest(q, null, null, null, null, null, SortOrder.RELEVANCE, false, 1, 20);
    }

    public SearchRequest sortedBy(SortOrder order, boolean asc) {
        return new SearchRequest(q, category, tag, minSize, maxSize, minSeeders, order, asc, page, size);
    }

    public SearchRequest page(int number, int pageSize) {
        return new SearchRequest(q, category, tag, minSize, maxSize, minSeeders, sort, ascending, number, pageSize);
    }

    public SearchRequest filtered(Category inCategory, String withTag, Long sizeAtLeast, Long sizeAtMost, Long seedersAtLeast) {
        return new SearchRequest(q, inCategory, withTag, sizeAtLeast, sizeAtMost, seedersAtLeast, sort, ascending, page, size);
    }
}
