package org.swarmport.portal.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.swarmport.portal.browse.CategoryNames;
import org.swarmport.portal.tracker.BadSearchException;
import org.swarmport.portal.tracker.Category;
import org.swarmport.portal.tracker.SearchHit;
import org.swarmport.portal.tracker.SearchQuery;
import org.swarmport.portal.tracker.SearchResults;
import org.swarmport.portal.tracker.TrackerClient;
import org.swarmport.portal.tracker.TrackerUnavailableException;

/**
 * A Torznab search as the tracker's search: newest first (so an empty {@code q} is the
 * newest, and {@code offset} pages stay stable while *arr tools walk them), Torznab's
 * {@code offset}/{@code limit} turned into the tracker's pages.
 */
@ApplicationScoped
class TorznabSearch {

    /** How deep a search over several categories may go: each is searched on its own, then merged. */
    static final int MAX_MERGED_DEPTH = 1_000;
    private static final int TRACKER_PAGE = 100;
    private static final Comparator<SearchHit> NEWEST_FIRST = Comparator
            .comparing(SearchHit::added, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(SearchHit::id, Comparator.reverseOrder());

    @Inject
    TrackerClient tracker;

    @Inject
    CategoryNames categoryNames;

    /** The hits of this slice and how many match in all. */
    record Window(List<SearchHit> hits, long total) {
    }

    Window search(TorznabRequest request) throws TorznabError, TrackerUnavailableException {
        SearchQuery base = SearchQuery.of("q", request.query(), "sort", "added", "order", "desc");
        Set<Integer> categories = trackerCategories(request.categories());
        try {
            if (request.categories().isEmpty()) {
                return slice(base, request.offset(), request.limit());
            }
            if (categories.isEmpty()) {
                // Only categories this tracker does not have: nothing can match.
                return new Window(List.of(), 0);
            }
            if (categories.size() == 1) {
                return slice(base.with("category", categories.iterator().next().toString()), request.offset(), request.limit());
            }
            return merged(base, categories, request.offset(), request.limit());
        } catch (BadSearchException e) {
            throw TorznabError.badParameter(e.getMessage());
        }
    }

    /**
     * The tracker's categories the asked ones fall in: it has Torznab's top-level categories,
     * so a subcategory (5040 TV/HD) is found in its parent (5000); ids it does not have are
     * dropped, as Jackett drops them.
     */
    private Set<Integer> trackerCategories(List<Integer> asked) throws TrackerUnavailableException {
        List<Category> known = categoryNames.all();
        if (known.isEmpty() && !asked.isEmpty()) {
            throw new TrackerUnavailableException("the tracker's categories are not known", null);
        }
        Set<Integer> found = new LinkedHashSet<>();
        for (int id : asked) {
            int parent = id - id % 1000;
            known.stream().filter(c -> c.id() == id || c.id() == parent).findFirst().ifPresent(c -> found.add(c.id()));
        }
        return found;
    }

    /** Hits {@code offset} to {@code offset + limit}: with pages of {@code limit}, in at most two of them. */
    private Window slice(SearchQuery query, int offset, int limit) throws BadSearchException, TrackerUnavailableException {
        int first = offset / limit;
        SearchResults page = page(query, first + 1, limit);
        List<SearchHit> hits = new ArrayList<>(page.hits().subList(Math.min(offset - first * limit, page.hits().size()),
                page.hits().size()));
        if (hits.size() < limit && (long) (first + 1) * limit < page.total() && offset % limit != 0) {
            List<SearchHit> next = page(query, first + 2, limit).hits();
            hits.addAll(next.subList(0, Math.min(limit - hits.size(), next.size())));
        }
        return new Window(hits, page.total());
    }

    /** Each category's newest {@code offset + limit}, merged newest first. */
    private Window merged(SearchQuery query, Set<Integer> categories, int offset, int limit)
            throws BadSearchException, TrackerUnavailableException, TorznabError {
        int depth = offset + limit;
        if (depth > MAX_MERGED_DEPTH) {
            throw TorznabError.badParameter("offset: at most " + (MAX_MERGED_DEPTH - limit)
                    + " when searching several top-level categories at once");
        }
        List<SearchHit> all = new ArrayList<>();
        long total = 0;
        for (int category : categories) {
            SearchQuery in = query.with("category", Integer.toString(category));
            for (int page = 1; ; page++) {
                SearchResults results = page(in, page, TRACKER_PAGE);
                if (page == 1) {
                    total += results.total();
                }
                all.addAll(results.hits());
                if (results.hits().size() < TRACKER_PAGE || (long) page * TRACKER_PAGE >= Math.min(depth, results.total())) {
                    break;
                }
            }
        }
        all.sort(NEWEST_FIRST);
        return new Window(List.copyOf(all.subList(Math.min(offset, all.size()), Math.min(depth, all.size()))), total);
    }

    private SearchResults page(SearchQuery query, int page, int size) throws BadSearchException, TrackerUnavailableException {
        return tracker.search(query.with("page", Integer.toString(page)).with("size", Integer.toString(size)));
    }
}
