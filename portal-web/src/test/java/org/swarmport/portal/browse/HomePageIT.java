package org.swarmport.portal.browse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The portal deployed without the tracker: its pages must still work and say the tracker
 * cannot be reached. (With the tracker, see the platform module's PortalShowsTrackerCountIT.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HomePageIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/portal.war"));
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void homePageIsServedAtTheRootAndSaysTheTrackerIsUnreachable() throws Exception {
        HttpResponse<String> page = get("");

        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("<html lang=\"en\""), page.body());
        assertTrue(page.body().contains("id=\"tracker-unavailable\""), page.body());
        assertFalse(page.body().contains("id=\"torrent-count\""), page.body());
    }

    /** The layout writes the stylesheet's URL itself (not h:outputStylesheet): it must be the one Faces serves. */
    @Test
    void theStylesheetEveryPageLinksToIsServed() throws Exception {
        String page = get("").body();
        Matcher link = Pattern.compile("<link rel=\"stylesheet\" href=\"([^\"]+)\"").matcher(page);
        assertTrue(link.find(), page);

        HttpResponse<String> css = http.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve(link.group(1))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(URI.create(base.toString()).getPath() + "jakarta.faces.resource/css/swarmport.css.xhtml", link.group(1));
        assertEquals(200, css.statusCode());
        assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"), css.headers().toString());
        assertTrue(css.body().contains("prefers-color-scheme"), css.body());
    }

    @Test
    void healthSaysThePortalAndItsDatabaseAreUp() throws Exception {
        HttpResponse<String> health = get("health");

        assertEquals(200, health.statusCode(), health.body());
        assertEquals("application/json;charset=UTF-8", health.headers().firstValue("Content-Type").orElse("")
                .replace(" ", ""));
        assertTrue(health.body().contains("\"status\":\"UP\""), health.body());
        assertTrue(health.body().contains("\"database\":\"UP\""), health.body());
        assertTrue(health.body().contains("\"schema\":\"portal\""), health.body());
    }

    @Test
    void searchBrowseAndTorrentPagesSayTheTrackerIsUnreachable() throws Exception {
        for (String path : List.of("search?q=show", "browse?category=2000", "torrent?id=1")) {
            HttpResponse<String> page = get(path);

            assertEquals(200, page.statusCode(), path + "\n" + page.body());
            assertTrue(page.body().contains("id=\"tracker-unavailable\""), path + "\n" + page.body());
            assertFalse(page.body().contains("Exception"), path + "\n" + page.body());
        }
    }

    @Test
    void aDownloadWhileTheTrackerIsUnreachableIsA503ToRetry() throws Exception {
        HttpResponse<String> download = get("download/1.torrent");

        assertEquals(503, download.statusCode(), download.body());
        assertEquals("30", download.headers().firstValue("Retry-After").orElse(""));
    }

    @Test
    void templatesAreNotServed() throws Exception {
        assertEquals(404, get("WEB-INF/templates/layout.xhtml").statusCode());
    }

    // The feeds (feed package): Torznab's code 900 with a 503 and Retry-After, RSS a plain 503;
    // key errors still told apart from the outage. With the tracker: platform's FeedsIT.

    @Test
    void torznabCapsIsError900WithA503() throws Exception {
        HttpResponse<String> caps = get("api?t=caps");

        assertEquals(503, caps.statusCode(), caps.body());
        assertEquals("30", caps.headers().firstValue("Retry-After").orElse(""));
        assertEquals("application/xml;charset=UTF-8", caps.headers().firstValue("Content-Type").orElse("").replace(" ", ""));
        assertTrue(caps.body().contains("<error code=\"900\""), caps.body());
    }

    @Test
    void aSearchWithoutAKeyIsCode100EvenWhileTheTrackerIsAway() throws Exception {
        HttpResponse<String> search = get("api?t=search&q=x");

        assertEquals(401, search.statusCode(), search.body());
        assertTrue(search.body().contains("<error code=\"100\""), search.body());
        assertTrue(get("api?t=search&apikey=ffffffffffffffffffffffffffffffff").body().contains("<error code=\"100\""));
    }

    @Test
    void rssIsAPlain503() throws Exception {
        HttpResponse<String> rss = get("rss?q=x");

        assertEquals(503, rss.statusCode(), rss.body());
        assertEquals("30", rss.headers().firstValue("Retry-After").orElse(""));
        assertTrue(rss.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), rss.body());
        assertTrue(rss.body().contains("The tracker cannot be reached right now."), rss.body());
    }
}
