package org.swarmport.portal.browse;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.swarmport.portal.tracker.BadSearchException;
import org.swarmport.portal.tracker.Category;
import org.swarmport.portal.tracker.SearchHit;
import org.swarmport.portal.tracker.SearchQuery;
import org.swarmport.portal.tracker.SearchResults;
import org.swarmport.portal.tracker.TrackerClient;
import org.swarmport.portal.tracker.TrackerUnavailableException;

/**
 * The search page ({@code /search}) and the category pages ({@code /browse}): one results table
 * over the tracker's search. The page's parameters are the tracker's own ({@code q},
 * {@code category}, {@code sort}, …), read by the view action into {@link #getParameters()}
 * and passed on as given: the tracker checks them, and its 400 is shown next to the box.
 */
@Named
@RequestScoped
public class SearchView implements SortLinks {

    public static final int PAGE_SIZE = 20;
    /** The tracker pages through at most this many hits; deeper pages are not offered. */
    private static final int MAX_DEPTH = 10_000;
    /** Numbered links on each side of the current page. */
    private static final int PAGE_WINDOW = 2;
    /** What the search page takes: the tracker's parameters but the page size, which is the portal's. */
    static final List<String> SEARCH_PARAMETERS =
            List.of("q", "category", "sort", "order", "page", "minSize", "maxSize", "minSeeders");
    /** What a category page takes. */
    static final List<String> BROWSE_PARAMETERS = List.of("category", "sort", "order", "page");

    @Inject
    TrackerClient tracker;

    @Inject
    CategoryNames categoryNames;

    private final Map<String, String> parameters = new HashMap<>();
    private SearchQuery query = SearchQuery.of();
    private SearchResults results;
    private String badSearch;
    private boolean trackerUnavailable;
    /** The page asks for these more than once (whether there are any, then each). */
    private List<CategoryFacet> facets;

    /** The request's values of the page's parameters, as given (the search box shows {@code q} so). */
    public Map<String, String> getParameters() {
        return parameters;
    }

    /** The search page's view action: what was asked, by relevance unless a sort is given. */
    public void search() {
        run(new SearchQuery(asked(SEARCH_PARAMETERS)));
    }

    /** The browse page's view action: a category's torrents, newest first unless a sort is given. */
    public void browse() {
        SearchQuery asked = new SearchQuery(asked(BROWSE_PARAMETERS));
        run(asked.get("sort") == null ? asked.with("sort", "added") : asked);
    }

    /**
     * The request's values of these parameters, into {@link #getParameters()}: read here rather
     * than by an {@code <f:viewParam>} each, which Faces decodes, converts, validates, sets and
     * writes back into the view on every request without anything to convert or check (the
     * tracker checks them), about 4 % of the search page's request CPU for its eight (bench/portal, JFR).
     */
    private Map<String, String> asked(List<String> names) {
        Map<String, String> request = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        for (String name : names) {
            String value = request.get(name);
            if (value != null) {
                parameters.put(name, value);
            }
        }
        return parameters;
    }

    private void run(SearchQuery asked) {
        query = asked;
        try {
            results = tracker.search(asked.with("size", Integer.toString(PAGE_SIZE)));
        } catch (BadSearchException e) {
            badSearch = e.getMessage();
        } catch (TrackerUnavailableException e) {
            trackerUnavailable = true;
        }
    }

    public boolean isAnswered() {
        return results != null;
    }

    public String getBadSearch() {
        return badSearch;
    }

    public boolean isTrackerUnavailable() {
        return trackerUnavailable;
    }

    public List<SearchHit> getHits() {
        return results == null ? List.of() : results.hits();
    }

    public long getTotal() {
        return results == null ? 0 : results.total();
    }

    public List<Category> getCategories() {
        return categoryNames.all();
    }

    /** The category asked for, when it is one the tracker knows. */
    public Category getCategory() {
        return categoryNames.find(query.get("category")).orElse(null);
    }

    public boolean isSelected(Category category) {
        return getCategory() != null && getCategory().id() == category.id();
    }

    /** Each category with hits, as a link that filters to it (back to page 1); worked out once per request. */
    public List<CategoryFacet> getFacets() {
        if (facets == null) {
            facets = facetsOf(results);
        }
        return facets;
    }

    private List<CategoryFacet> facetsOf(SearchResults results) {
        List<CategoryFacet> found = new ArrayList<>();
        if (results == null) {
            return found;
        }
        for (Category category : categoryNames.all()) {
            long count = results.categories().getOrDefault(Integer.toString(category.id()), 0L);
            if (count > 0) {
                found.add(new CategoryFacet(category.name(), count,
                        QueryString.of(query.with("category", Integer.toString(category.id())).with("page", null)),
                        isSelected(category)));
            }
        }
        return found;
    }

    /** The same search without its category filter. */
    public String getAllCategoriesHref() {
        return QueryString.of(query.with("category", null).with("page", null));
    }

    @Override
    public String sortHref(String column) {
        boolean sorted = column.equals(query.get("sort"));
        String order = sorted ? (isAscending() ? "desc" : "asc") : null;
        return QueryString.of(query.with("sort", column).with("order", order).with("page", null));
    }

    @Override
    public String ariaSort(String column) {
        if (!column.equals(query.get("sort"))) {
            return "none";
        }
        return isAscending() ? "ascending" : "descending";
    }

    /** As the tracker decides it: names A to Z, everything else most first, unless an order is given. */
    private boolean isAscending() {
        String order = query.get("order");
        return order == null ? "name".equals(query.get("sort")) : "asc".equalsIgnoreCase(order);
    }

    public int getPage() {
        try {
            return Math.max(1, Integer.parseInt(Optional.ofNullable(query.get("page")).orElse("1")));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    public int getPageCount() {
        long pages = (getTotal() + PAGE_SIZE - 1) / PAGE_SIZE;
        return (int) Math.min(pages, MAX_DEPTH / PAGE_SIZE);
    }

    /** The first, the last, and a few around the current page. */
    public List<PageLink> getPageLinks() {
        List<PageLink> links = new ArrayList<>();
        int count = getPageCount();
        int current = getPage();
        for (int n = 1; n <= count; n++) {
            if (n == 1 || n == count || Math.abs(n - current) <= PAGE_WINDOW) {
                links.add(new PageLink(n, pageHref(n), n == current));
            }
        }
        return links;
    }

    public String getPreviousHref() {
        return getPage() > 1 && getPage() <= getPageCount() + 1 ? pageHref(getPage() - 1) : null;
    }

    public String getNextHref() {
        return getPage() < getPageCount() ? pageHref(getPage() + 1) : null;
    }

    private String pageHref(int number) {
        return QueryString.of(query.with("page", number == 1 ? null : Integer.toString(number)));
    }

    /** The query string of this search's RSS feed ({@code /rss}): the same search, from its first page. */
    public String getFeedQuery() {
        return QueryString.of(query.with("page", null));
    }
}
