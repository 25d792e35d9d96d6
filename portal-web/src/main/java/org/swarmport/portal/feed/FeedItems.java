package org.swarmport.portal.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.swarmport.portal.tracker.Category;
import org.swarmport.portal.tracker.SearchHit;
import org.swarmport.portal.tracker.TorrentDetails;
import org.swarmport.portal.tracker.TrackerClient;
import org.swarmport.portal.tracker.TrackerUnavailableException;

/**
 * Search hits as feed items. A hit lacks the description and the magnet link (whose
 * {@code tr} only the tracker knows), so each item asks the tracker for its torrent: one
 * call per item, at most 100 per feed, on the portal's short time-outs.
 */
@ApplicationScoped
class FeedItems {

    private static final Category OTHER = new Category(8000, "Other");

    @Inject
    TrackerClient tracker;

    /**
     * @param site   the portal's absolute base URL, {@code http://host:8080} (with its context path)
     * @param apiKey the key the feed was asked with, carried into its download links; null for none
     */
    List<FeedItem> of(List<SearchHit> hits, String site, String apiKey) throws TrackerUnavailableException {
        List<FeedItem> items = new ArrayList<>(hits.size());
        for (SearchHit hit : hits) {
            Optional<TorrentDetails> details = tracker.torrent(hit.id());
            // Gone between the search and now (deleted): not in the feed.
            details.ifPresent(torrent -> items.add(item(hit, torrent, site, apiKey)));
        }
        return items;
    }

    private static FeedItem item(SearchHit hit, TorrentDetails torrent, String site, String apiKey) {
        Category category = hit.category() == null ? OTHER : hit.category();
        String download = site + "/download/" + hit.id() + ".torrent"
                + (apiKey == null ? "" : "?apikey=" + URLEncoder.encode(apiKey, StandardCharsets.UTF_8));
        return new FeedItem(hit.id(), hit.name(), site + "/torrent?id=" + hit.id(), download, hit.size(),
                category.id(), category.name(), hit.added(), torrent.description() == null ? "" : torrent.description(),
                hit.infoHashV1() != null ? hit.infoHashV1() : hit.infoHashV2(), torrent.magnet(),
                hit.seeders(), hit.leechers());
    }

    /** The portal's own absolute URL as this request reached it: {@code http://host:8080} plus the context path. */
    static String site(HttpServletRequest request) {
        String url = request.getRequestURL().toString();
        return url.substring(0, url.length() - request.getRequestURI().length()) + request.getContextPath();
    }
}
