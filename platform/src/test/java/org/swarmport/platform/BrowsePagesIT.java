package org.swarmport.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.metainfo.MetainfoParser;

/**
 * The portal's browse, search and torrent pages with the tracker behind them: torrents go in
 * through the tracker's API, the pages come out over HTTP as a browser gets them, and their HTML
 * must show what the tracker holds, escaped.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowsePagesIT extends PortalWithTracker {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The server runs with default settings: the announce URL is the tracker's own port. */
    private static final String ANNOUNCE = "http://localhost:6969/announce";

    private static BrowseTorrents torrents;

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(portal + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String page(String path) throws Exception {
        HttpResponse<String> page = get(path);
        assertEquals(200, page.statusCode(), path + "\n" + page.body());
        assertFalse(page.body().contains("Exception") || page.body().contains("\tat "), page.body());
        // transient views: browsing alone starts no session
        assertEquals(List.of(), page.headers().allValues("Set-Cookie"), path);
        return page.body();
    }

    private String search(String parameters) throws Exception {
        return page("search?q=" + torrents.word + parameters);
    }

    private static void assertBefore(String body, String first, String second) {
        int a = body.indexOf(first);
        int b = body.indexOf(second);
        assertTrue(a >= 0 && b >= 0 && a < b, first + " should come before " + second + ":\n" + body);
    }

    /** The part of a page between one marker and the next, to look at one section alone. */
    private static String section(String body, String from, String to) {
        int start = body.indexOf(from);
        assertTrue(start >= 0, from + " missing:\n" + body);
        int end = body.indexOf(to, start);
        return body.substring(start, end < 0 ? body.length() : end);
    }

    @Test
    @Order(1)
    void publishTorrentsThroughTheTrackerApi() throws Exception {
        torrents = new BrowseTorrents();
        torrents.publish(new TrackerUploads(tracker));
    }

    @Test
    @Order(2)
    void homePageListsTheNewestAndTheMostSeeded() throws Exception {
        String home = page("");

        String newest = section(home, "id=\"newest\"", "id=\"most-seeded\"");
        assertTrue(newest.contains(torrents.capitalized() + ".Show.S01E21.720p"), newest);
        assertBefore(newest, "S01E21", "S01E20");
        assertTrue(home.contains("id=\"most-seeded\""), home);
        assertTrue(home.contains("id=\"torrent-count\""), home);
    }

    @Test
    @Order(3)
    void browseListsACategoryNewestFirstWithTheCategoriesAsLinks() throws Exception {
        String tv = page("browse?category=5000");

        assertTrue(tv.contains("<h1 id=\"browse-heading\">TV</h1>"), tv);
        assertBefore(tv, "S01E21", "S01E20");
        assertFalse(tv.contains(".Feature.2024"), tv);
        assertTrue(tv.contains("href=\"/browse?category=2000\""), tv);
        assertTrue(tv.contains(">Movies</a>"), tv);

        String movies = page("browse?category=movies");
        assertTrue(movies.contains(torrents.capitalized() + ".Feature.2024.1080p"), movies);
        assertFalse(movies.contains(".Show.S01E"), movies);
    }

    @Test
    @Order(4)
    void searchShowsTheTotalTheCountsPerCategoryAndPages() throws Exception {
        String results = search("");

        assertTrue(results.contains("23 torrents found."), results);
        assertTrue(results.contains(">TV (21)</a>"), results);
        assertTrue(results.contains(">Movies (1)</a>"), results);
        assertTrue(results.contains(">Other (1)</a>"), results);
        assertTrue(results.contains("href=\"?q=" + torrents.word + "&amp;category=2000\""), results);
        assertTrue(results.contains("id=\"page-next\" rel=\"next\" href=\"?q=" + torrents.word + "&amp;page=2\""), results);
        assertTrue(results.contains("aria-current=\"page\">1</span>"), results);
        assertTrue(results.contains("value=\"" + torrents.word + "\""), "the box keeps the query:\n" + results);
        assertTrue(results.contains("id=\"query-help\""), results);
    }

    @Test
    @Order(5)
    void aCategoryFilterLinkNarrowsTheResults() throws Exception {
        String movies = search("&category=2000");

        assertTrue(movies.contains("1 torrent found."), movies);
        assertTrue(movies.contains("href=\"/torrent?id=" + torrents.featureId + "\""), movies);
        assertTrue(movies.contains("<option value=\"2000\" selected=\"selected\">Movies</option>"), movies);
    }

    @Test
    @Order(6)
    void sortLinksKeepTheOtherParametersAndPagesFollowTheSort() throws Exception {
        String bySize = search("&category=tv&sort=size&order=asc");

        assertBefore(bySize, "S01E01.720p", "S01E02.720p");
        assertFalse(bySize.contains("S01E21.720p"), "21 episodes, 20 on a page:\n" + bySize);
        assertTrue(bySize.contains("href=\"?q=" + torrents.word + "&amp;category=tv&amp;sort=size&amp;order=desc\""),
                "the size header turns the order round:\n" + bySize);
        assertTrue(bySize.contains("href=\"?q=" + torrents.word + "&amp;category=tv&amp;sort=seeders\""), bySize);
        assertTrue(bySize.contains("aria-sort=\"ascending\""), bySize);

        String second = search("&category=tv&sort=size&order=asc&page=2");
        assertTrue(second.contains("S01E21.720p"), second);
        assertFalse(second.contains("S01E01.720p"), second);
        assertTrue(second.contains("id=\"page-previous\" rel=\"prev\" href=\"?q=" + torrents.word
                + "&amp;category=tv&amp;sort=size&amp;order=asc\""), second);
        assertFalse(second.contains("id=\"page-next\""), second);
    }

    @Test
    @Order(7)
    void sizeAndSeederFiltersReachTheTracker() throws Exception {
        // episode i is 1,000 + 100 i bytes: only 20 and 21 have 3,000 or more
        String large = search("&category=tv&minSize=3000");
        assertTrue(large.contains("2 torrents found."), large);

        String small = search("&category=tv&maxSize=1200");
        assertTrue(small.contains("2 torrents found."), small);

        String seeded = search("&minSeeders=1");
        assertTrue(seeded.contains("0 torrents found."), seeded);
    }

    @Test
    @Order(8)
    void badSearchParametersAreAMessageNextToTheBoxNotAnError() throws Exception {
        String notANumber = search("&minSize=abc");
        assertTrue(notANumber.contains("<p id=\"bad-search\" class=\"error\" role=\"alert\">minSize: must be a whole number</p>"),
                notANumber);
        assertTrue(notANumber.contains("aria-invalid=\"true\""), notANumber);

        for (String bad : List.of("&page=0", "&sort=sideways", "&order=up", "&category=nonsense", "&page=99999",
                "&minSize=5&maxSize=1")) {
            String body = search(bad);
            assertTrue(body.contains("id=\"bad-search\""), bad + "\n" + body);
        }
        for (String odd : List.of("{x}", "%25", "\"unclosed", "a|", "-", "*", "<b>")) {
            String body = page("search?q=" + URLEncoder.encode(odd, StandardCharsets.UTF_8));
            assertTrue(body.contains("torrents found.") || body.contains("torrent found.")
                    || body.contains("id=\"bad-search\""), odd + "\n" + body);
        }
    }

    @Test
    @Order(9)
    void aTorrentPageShowsItsFileTreeHashesMagnetAndDownload() throws Exception {
        String details = page("torrent?id=" + torrents.featureId);
        Metainfo feature = torrents.feature;

        assertTrue(details.contains("<h1 id=\"torrent-name\">" + feature.name() + "</h1>"), details);
        String tree = section(details, "id=\"file-tree\"", "</table>");
        assertBefore(tree, "video/", "extras/");
        assertBefore(tree, "extras/", "trailer.mkv");
        assertBefore(tree, "trailer.mkv", "part 1.mkv");
        assertBefore(tree, "part 1.mkv", "readme.txt");
        assertBefore(tree, feature.name() + "/", "video/");
        assertTrue(tree.contains("data-depth=\"3\""), "trailer.mkv sits in the torrent's folder, video/, extras/:\n" + tree);
        assertFalse(tree.contains("data-depth=\"4\""), tree);
        assertTrue(tree.contains("58.6 KiB"), "video/ holds 60,000 bytes:\n" + tree);
        assertTrue(details.contains("Files (3)"), details);
        assertTrue(details.contains("<dd id=\"torrent-size\">58.6 KiB (60005 bytes)</dd>"), details);
        assertTrue(details.matches("(?s).*<dd><time datetime=\"20\\d\\d-[^\"]+\">20\\d\\d-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC</time></dd>.*"),
                "the date it was added:\n" + details);

        String v1 = feature.infoHashV1().orElseThrow().hex().toLowerCase(Locale.ROOT);
        String v2 = feature.infoHashV2().orElseThrow().hex().toLowerCase(Locale.ROOT);
        String lower = details.toLowerCase(Locale.ROOT);
        assertTrue(lower.contains("<code id=\"info-hash-v1\">" + v1 + "</code>"), details);
        assertTrue(lower.contains("<code id=\"info-hash-v2\">" + v2 + "</code>"), details);
        assertTrue(lower.contains("id=\"magnet-link\" class=\"button\" href=\"magnet:?xt=urn:btih:" + v1), details);
        assertTrue(details.contains("href=\"/download/" + torrents.featureId + ".torrent\""), details);
        assertTrue(details.contains("id=\"torrent-category\">Movies<"), details);
        assertTrue(details.contains("hd, test"), details);
    }

    @Test
    @Order(10)
    void descriptionsAreEscapedTextWithTheirLineBreaks() throws Exception {
        String details = page("torrent?id=" + torrents.featureId);

        String description = section(details, "<p id=\"description\"", "</p>");
        assertTrue(description.contains("First line &lt;b&gt;bold&lt;/b&gt;\nSecond line &lt;/script&gt;"), description);
        assertFalse(details.contains("<b>bold</b>"), details);
        assertFalse(details.contains("alert(3)</script>"), details);
    }

    @Test
    @Order(11)
    void hostileTorrentNamesAreShownEscapedEverywhere() throws Exception {
        for (String body : List.of(search("&category=other"), page("torrent?id=" + torrents.hostileId),
                page("browse?category=8000"))) {
            assertFalse(body.contains("<script>alert"), body);
            assertFalse(body.contains("<img src=x"), body);
            assertTrue(body.contains("&lt;script&gt;alert(1)&lt;script&gt; &lt;img src=x onerror=alert(2)&gt;"), body);
        }
    }

    @Test
    @Order(12)
    void theDownloadIsTheTrackersTorrentAnnouncingToIt() throws Exception {
        HttpResponse<byte[]> download = HTTP.send(HttpRequest.newBuilder(
                URI.create(portal + "download/" + torrents.featureId + ".torrent")).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(200, download.statusCode());
        assertEquals("application/x-bittorrent", download.headers().firstValue("Content-Type").orElse(""));
        String disposition = download.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(disposition.startsWith("attachment; filename=\"" + torrents.feature.name() + ".torrent\""), disposition);
        Metainfo served = MetainfoParser.parse(download.body());
        assertArrayEquals(torrents.feature.infoBytes(), served.infoBytes());
        assertEquals(ANNOUNCE, served.trackerTiers().get(0).get(0));

        HttpResponse<byte[]> hostile = HTTP.send(HttpRequest.newBuilder(
                URI.create(portal + "download/" + torrents.hostileId + ".torrent")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        String name = hostile.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(name.startsWith("attachment; filename=\"" + torrents.word + " _script_alert(1)_script_ _img src_x"), name);
    }

    @Test
    @Order(13)
    void unknownTorrentsAreTheNotFoundPage() throws Exception {
        for (String path : List.of("torrent?id=999999999", "torrent?id=abc", "torrent", "torrent?id=-1",
                "download/999999999.torrent", "download/abc.torrent", "download/1", "no-such-page")) {
            HttpResponse<String> missing = get(path);
            assertEquals(404, missing.statusCode(), path + "\n" + missing.body());
            assertTrue(missing.body().contains("id=\"not-found\""), path + "\n" + missing.body());
        }
    }

    @Test
    @Order(14)
    void removeTheTorrents() throws Exception {
        torrents.remove(new TrackerUploads(tracker));
        assertTrue(page("search?q=" + torrents.word).contains("0 torrents found."));
    }
}
