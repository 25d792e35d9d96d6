package org.swarmport.portal.feed;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.swarmport.portal.browse.Formats;
import org.swarmport.portal.tracker.Category;
import org.swarmport.portal.tracker.SearchHit;

/**
 * Search hits as feed items, from the hits alone: a hit carries its magnet link, so a feed is
 * one search, not one tracker call per item. A hit has no description (the search index does
 * not store descriptions, and a page of hits should not carry up to 64 KiB each), so an item's
 * description is a line of what the hit does say: category, size, counts, tags.
 */
final class FeedItems {

    private static final Category OTHER = new Category(8000, "Other");

    private FeedItems() {
    }

    /**
     * @param site   the portal's absolute base URL, {@code http://host:8080} (with its context path)
     * @param apiKey the key the feed was asked with, carried into its download links; null for none
     */
    static List<FeedItem> of(List<SearchHit> hits, String site, String apiKey) {
        return hits.stream().map(hit -> item(hit, site, apiKey)).toList();
    }

    private static FeedItem item(SearchHit hit, String site, String apiKey) {
        Category category = hit.category() == null ? OTHER : hit.category();
        String download = site + "/download/" + hit.id() + ".torrent"
                + (apiKey == null ? "" : "?apikey=" + URLEncoder.encode(apiKey, StandardCharsets.UTF_8));
        return new FeedItem(hit.id(), hit.name(), site + "/torrent?id=" + hit.id(), download, hit.size(),
                category.id(), category.name(), hit.added(), summary(hit, category),
                hit.infoHashV1() != null ? hit.infoHashV1() : hit.infoHashV2(), hit.magnet(),
                hit.seeders(), hit.leechers());
    }

    /** {@code Movies, 1.5 GiB, 3 seeders, 4 leechers, tags: x264, 1080p}. */
    static String summary(SearchHit hit, Category category) {
        String line = category.name() + ", " + Formats.size(hit.size()) + ", " + hit.seeders() + " seeders, "
                + hit.leechers() + " leechers";
        return hit.tags() == null || hit.tags().isEmpty() ? line : line + ", tags: " + String.join(", ", hit.tags());
    }

    /** The portal's own absolute URL as this request reached it: {@code http://host:8080} plus the context path. */
    static String site(HttpServletRequest request) {
        String url = request.getRequestURL().toString();
        return url.substring(0, url.length() - request.getRequestURI().length()) + request.getContextPath();
    }
}
