package org.swarmport.tracker.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.MMapDirectory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.swarmport.tracker.TrackerDeployment;
import org.swarmport.tracker.catalogue.CatalogueChange;
import org.swarmport.tracker.catalogue.CataloguedTorrent;
import org.swarmport.tracker.catalogue.Category;
import org.swarmport.tracker.catalogue.CataloguedCounts;

/**
 * The search API over HTTP, fed the way the catalogue feeds it: {@link CatalogueChange}
 * events fired inside the server. Ids far above any real catalogue's, so that the
 * reconciliation at the next start removes these torrents again.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SearchIT {

    private static final long FIRST = 9_000_000_001L;
    private static final String V1 = "5ea2c41700000000000000000000000000000001";

    @Deployment
    static WebArchive deployment() {
        return TrackerDeployment.war().addClasses(SearchIT.class);
    }

    @Inject
    Event<CatalogueChange> changes;

    @ArquillianResource
    URL base;

    private static CataloguedTorrent probe(long id, String v1, String name, Category category, long seeders) {
        return new CataloguedTorrent(id, v1, null, v1, name, "fired by SearchIT", category, List.of("searchit"),
                List.of(name + "/episode.mkv", name + "/Subs/english.srt"), 1L << 30,
                OffsetDateTime.of(2026, 12, 1, 0, 0, 0, 0, ZoneOffset.UTC), seeders, 0, 0);
    }

    @Test
    @Order(1)
    void catalogueChangesAreFiredInsideTheServer() {
        changes.fire(new CatalogueChange.Stored(probe(FIRST, V1, "Searchitprobe.S01E01.1080p.WEB-DL", Category.MOVIES, 3)));
        changes.fire(new CatalogueChange.Stored(probe(FIRST + 1, "5ea2c41700000000000000000000000000000002",
                "Searchitprobe.S01E02.720p.HDTV", Category.MOVIES, 9)));
        changes.fire(new CatalogueChange.Stored(probe(FIRST + 2, "5ea2c41700000000000000000000000000000003",
                "Searchitprobe.Soundtrack.2026.FLAC", Category.AUDIO, 5)));
        changes.fire(new CatalogueChange.Stored(probe(FIRST + 3, "5ea2c41700000000000000000000000000000004",
                "Searchitprobe.Removed", Category.MOVIES, 1)));
        changes.fire(new CatalogueChange.Removed(FIRST + 3, "5ea2c41700000000000000000000000000000004"));
        changes.fire(new CatalogueChange.Counts(List.of(new CataloguedCounts(V1, 20, 4, 2))));
    }

    @Test
    @Order(0)
    void theIndexIsMemoryMappedInsideTheServer() throws Exception {
        // CatalogueSearch opens its directory with FSDirectory.open, which memory-maps only where
        // Lucene can unmap: the war needs jdk.unsupported (its manifest's Dependencies).
        Path dir = Files.createTempDirectory("searchit-index");
        try (Directory opened = FSDirectory.open(dir)) {
            assertTrue(opened instanceof MMapDirectory, opened + ": " + MMapDirectory.UNMAP_NOT_SUPPORTED_REASON);
        } finally {
            Files.delete(dir);
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Polls while the index is still being built (503), up to a deadline. */
    private HttpResponse<String> search(String query) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        HttpResponse<String> response = get("api/v1/search?" + query);
        while (response.statusCode() == 503 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            response = get("api/v1/search?" + query);
        }
        return response;
    }

    private static String q(String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    @Order(2)
    @RunAsClient
    void searchFindsWhatTheEventsStoredWithCountsAndCategories() throws Exception {
        HttpResponse<String> response = search(q("searchitprobe") + "&sort=seeders");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
        String body = response.body();
        assertTrue(body.contains("\"total\":3"), body);
        assertTrue(body.contains("\"categories\":{\"2000\":2,\"3000\":1}"), body);
        assertTrue(body.indexOf("S01E01") < body.indexOf("S01E02"), "20 seeders before 9: " + body);
        assertTrue(body.contains("\"seeders\":20"), body);
        assertTrue(body.contains("\"completed\":2"), body);
        assertTrue(body.contains("\"category\":{\"id\":3000,\"name\":\"Audio\"}"), "as the torrent API shows it: " + body);
        assertTrue(!body.contains("Searchitprobe.Removed"), body);
        assertTrue(body.contains("\"magnet\":\"magnet:?xt=urn:btih:" + V1 + "&dn=Searchitprobe.S01E01.1080p.WEB-DL&tr=http"),
                "each hit carries the magnet the torrent's details give: " + body);
    }

    @Test
    @Order(3)
    @RunAsClient
    void queryLanguageFiltersAndHashLookupWorkOverHttp() throws Exception {
        assertTrue(search(q("searchitprobe s01e02")).body().contains("\"total\":1"));
        assertTrue(search(q("searchitprobe -flac") + "&category=movies").body().contains("\"total\":2"));
        assertTrue(search(q("searchitprobe 720p|flac")).body().contains("\"total\":2"));
        assertTrue(search(q("english.srt searchitprobe")).body().contains("\"total\":3"));
        String byHash = search(q(V1.toUpperCase())).body();
        assertTrue(byHash.contains("\"total\":1") && byHash.contains("Searchitprobe.S01E01"), byHash);
    }

    @Test
    @Order(4)
    @RunAsClient
    void suggestCompletesNames() throws Exception {
        HttpResponse<String> response = get("api/v1/suggest?" + q("searchitpro"));

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().startsWith("{\"suggestions\":[\"Searchitprobe.S01E01.1080p.WEB-DL\","), response.body());
    }

    @Test
    @Order(5)
    @RunAsClient
    void badParametersAre400sNamingThem() throws Exception {
        assertEquals("{\"error\":\"minSeeders: must be a whole number\",\"status\":400}",
                search(q("x") + "&minSeeders=many").body());
        assertEquals(400, search(q("x") + "&sort=colour").statusCode());
        assertEquals("{\"error\":\"size: between 1 and 100, got 1000\",\"status\":400}",
                search(q("x") + "&size=1000").body());
        assertEquals("{\"error\":\"q: a query cannot only exclude words\",\"status\":400}",
                search(q("-everything")).body());
        assertEquals(400, get("api/v1/suggest").statusCode());
        HttpResponse<String> unknownCategory = search(q("x") + "&category=6000");
        assertEquals(400, unknownCategory.statusCode());
        assertTrue(unknownCategory.body().startsWith("{\"error\":\"category: must be one of 1000 console, 2000 movies"),
                unknownCategory.body());
    }

    @Test
    @Order(6)
    @RunAsClient
    void metricsCountApiRequestsPerResourceAndNotUnknownPaths() throws Exception {
        long before = apiRequests("search");
        search(q("searchitprobe"));
        search(q("searchitprobe"));
        get("api/v1/no-such-resource");

        assertEquals(before + 2, apiRequests("search"));
        assertTrue(!get("metrics").body().contains("no-such-resource"), "an unknown path makes no new key");
    }

    private long apiRequests(String resource) throws Exception {
        String metrics = get("metrics").body();
        Matcher count = Pattern.compile("swarmport_tracker_api_requests_total\\{resource=\"" + Pattern.quote(resource)
                + "\"} (\\d+)").matcher(metrics);
        assertTrue(count.find(), metrics);
        return Long.parseLong(count.group(1));
    }
}
