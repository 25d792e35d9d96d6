package org.swarmport.portal.feed;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.xml.stream.XMLStreamException;
import org.swarmport.portal.account.ApiKeys;
import org.swarmport.portal.browse.CategoryNames;
import org.swarmport.portal.tracker.Category;
import org.swarmport.portal.tracker.TrackerUnavailableException;

/**
 * The Torznab API at {@code /api}, for Prowlarr, Sonarr, Radarr and Jackett:
 * {@code t=caps}, {@code t=search}, {@code t=tvsearch}, {@code t=movie}.
 *
 * <p>{@code t=caps} needs no key: it tells only what the public pages show (the categories),
 * and answering it lets a tool be pointed at the site before its key is pasted; a key that is
 * given is checked all the same, so a tool's "test" button reports a wrong one. Searches need
 * a key: they are what automation runs, and a key ties that load to an account.
 */
@WebServlet("/api")
public class TorznabServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(TorznabServlet.class.getName());
    private static final String XML = "application/xml; charset=UTF-8";

    @Inject
    ApiKeys apiKeys;

    @Inject
    TorznabSearch search;

    @Inject
    CategoryNames categoryNames;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Written to memory first: a failure half-way must become an error document, not a torn one.
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String type;
        try {
            type = answer(request, response, body);
        } catch (TorznabError error) {
            body.reset();
            response.setStatus(error.httpStatus());
            if (error.httpStatus() == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
                response.setHeader("Retry-After", "30");
            }
            response.setHeader("Cache-Control", "no-store");
            writeError(body, error);
            type = XML;
        }
        response.setContentType(type);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(body.size());
        body.writeTo(response.getOutputStream());
    }

    private String answer(HttpServletRequest request, HttpServletResponse response, ByteArrayOutputStream body)
            throws TorznabError {
        TorznabRequest asked = TorznabRequest.parse(request.getParameterMap());
        String key = ApiKeyParameter.of(request);
        if (key != null && apiKeys.accountOf(key).isEmpty()) {
            throw TorznabError.badApiKey("Incorrect user credentials (unknown apikey)");
        }
        String site = FeedItems.site(request);
        try {
            if (asked.function() == TorznabRequest.Function.CAPS) {
                List<Category> categories = categoryNames.all();
                if (categories.isEmpty()) {
                    throw TorznabError.trackerUnavailable();
                }
                CapsDocument.write(body, site, categories);
                response.setHeader("Cache-Control", "max-age=3600");
                return XML;
            }
            if (key == null) {
                throw TorznabError.badApiKey("Incorrect user credentials (searches need an apikey; see your account page)");
            }
            TorznabSearch.Window window = search.search(asked);
            List<FeedItem> items = FeedItems.of(window.hits(), site, key);
            String title = asked.query().isEmpty() ? "Swarmport: newest torrents" : "Swarmport: " + asked.query();
            // The self link leaves the key out: it is the one URL a reader shows to people.
            RssDocument.torznab(body, new FeedChannel(title, site + "/", "Torznab results from Swarmport",
                    site + "/api?t=" + asked.function().parameter), items, new RssDocument.Slice(asked.offset(), window.total()));
            // The links carry the asker's key: no shared cache may keep them.
            response.setHeader("Cache-Control", "private, no-store");
            return "application/rss+xml; charset=UTF-8";
        } catch (TrackerUnavailableException e) {
            throw TorznabError.trackerUnavailable();
        } catch (XMLStreamException e) {
            LOG.log(Level.WARNING, "Torznab answer could not be written", e);
            throw TorznabError.other("the answer could not be written");
        }
    }

    private static void writeError(ByteArrayOutputStream body, TorznabError error) throws IOException {
        try {
            CapsDocument.error(body, error);
        } catch (XMLStreamException e) {
            throw new IOException("Torznab error document could not be written", e);
        }
    }
}
