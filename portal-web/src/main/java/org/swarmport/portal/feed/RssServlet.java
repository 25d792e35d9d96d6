package org.swarmport.portal.feed;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.xml.stream.XMLStreamException;
import org.swarmport.portal.account.ApiKeys;
import org.swarmport.portal.browse.QueryString;
import org.swarmport.portal.browse.SearchView;
import org.swarmport.portal.tracker.BadSearchException;
import org.swarmport.portal.tracker.SearchQuery;
import org.swarmport.portal.tracker.SearchResults;
import org.swarmport.portal.tracker.TrackerClient;
import org.swarmport.portal.tracker.TrackerUnavailableException;

/**
 * {@code GET /rss}: RSS 2.0 of a search, with exactly the search page's parameters
 * ({@code q}, {@code category}, {@code minSize}, {@code maxSize}, {@code minSeeders},
 * {@code sort}, {@code order}, {@code page}) and its page of hits; without {@code q} or a sort,
 * the newest. Public like the search page; with {@code apikey} its download links carry it.
 */
@WebServlet("/rss")
public class RssServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(RssServlet.class.getName());

    @Inject
    TrackerClient tracker;

    @Inject
    ApiKeys apiKeys;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String key = ApiKeyParameter.of(request);
        if (key != null && apiKeys.accountOf(key).isEmpty()) {
            plain(response, HttpServletResponse.SC_UNAUTHORIZED, "Unknown apikey: copy your key from your account page.");
            return;
        }
        SearchQuery query = query(request);
        String site = FeedItems.site(request);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            SearchResults results = tracker.search(query.with("size", Integer.toString(SearchView.PAGE_SIZE)));
            List<FeedItem> items = FeedItems.of(results.hits(), site, key);
            String asked = query.get("q");
            RssDocument.rss(body, new FeedChannel(asked == null ? "Swarmport: newest torrents" : "Swarmport: " + asked,
                    site + "/search" + QueryString.of(query), "Torrents found by this search on Swarmport",
                    site + "/rss" + QueryString.of(query)), items);
        } catch (BadSearchException e) {
            plain(response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        } catch (TrackerUnavailableException e) {
            response.setHeader("Retry-After", "30");
            plain(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "The tracker cannot be reached right now.");
            return;
        } catch (XMLStreamException e) {
            LOG.log(Level.WARNING, "RSS feed could not be written", e);
            plain(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "The feed could not be written.");
            return;
        }
        response.setContentType("application/rss+xml; charset=UTF-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        // Feed readers poll; a minute between them costs nothing new. With a key the links are
        // the asker's own, so only the asker's cache may keep them.
        response.setHeader("Cache-Control", key == null ? "public, max-age=60" : "private, max-age=60");
        response.setContentLength(body.size());
        body.writeTo(response.getOutputStream());
    }

    /** The search page's parameters as given; without words or a sort, newest first. */
    private static SearchQuery query(HttpServletRequest request) {
        Map<String, String> given = new HashMap<>();
        for (String name : SearchQuery.NAMES) {
            if (!"size".equals(name)) {
                given.put(name, request.getParameter(name));
            }
        }
        SearchQuery query = new SearchQuery(given);
        return query.get("q") == null && query.get("sort") == null ? query.with("sort", "added") : query;
    }

    private static void plain(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain; charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getWriter().println(message);
    }
}
