package org.swarmport.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.metainfo.MetainfoParser;
import org.swarmport.portal.account.FacesForm;
import org.swarmport.portal.account.PortalVisitor;
import org.swarmport.portal.feed.FeedXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The feeds with the tracker behind them: RSS at {@code /rss} and Torznab at {@code /api},
 * read with a real XML parser and with Python's feedparser, the API key from the account page,
 * and the downloads the feeds link to, fetched without a cookie.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FeedsIT extends PortalWithTracker {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ANNOUNCE = "http://localhost:6969/announce";
    private static final String TORZNAB = FeedXml.TORZNAB;
    private static final Pattern KEY = Pattern.compile("<code id=\"api-key-value\" class=\"api-key\">([0-9a-f]{32})</code>");
    private static final String PYTHON = "/usr/bin/python3";

    private static BrowseTorrents torrents;
    private static PortalVisitor visitor;
    private static String key;
    private static String oldKey;

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(portal + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Document xml(String body) throws Exception {
        return FeedXml.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    /** A feed that must be there: 200, its type, parsed. */
    private Document feed(String path, String type) throws Exception {
        HttpResponse<String> response = get(path);
        assertEquals(200, response.statusCode(), path + "\n" + response.body());
        assertEquals(type, type(response), path);
        assertEquals(List.of(), response.headers().allValues("Set-Cookie"), "feeds start no session: " + path);
        return xml(response.body());
    }

    /** The Content-Type as Undertow writes it, {@code application/xml;charset=UTF-8}, without spaces. */
    private static String type(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("").replace(" ", "");
    }

    private Document torznab(String parameters) throws Exception {
        return feed("api?" + parameters + "&apikey=" + key, "application/rss+xml;charset=UTF-8");
    }

    private static List<Element> items(Document feed) {
        return FeedXml.elements(feed, "item");
    }

    private static String text(Element parent, String name) {
        return FeedXml.text(parent, name);
    }

    private static List<String> titles(Document feed) {
        return items(feed).stream().map(item -> text(item, "title")).toList();
    }

    private static String episode(int n) {
        return String.format(Locale.ROOT, "%s.Show.S01E%02d.720p", torrents.capitalized(), n);
    }

    /** The Torznab error of an answer: its HTTP status, its XML type, and the code. */
    private void assertTorznabError(String parameters, int status, int code) throws Exception {
        HttpResponse<String> response = get("api?" + parameters);
        assertEquals(status, response.statusCode(), parameters + "\n" + response.body());
        assertEquals("application/xml;charset=UTF-8", type(response), parameters);
        Element error = xml(response.body()).getDocumentElement();
        assertEquals("error", error.getTagName(), response.body());
        assertEquals(Integer.toString(code), error.getAttribute("code"), parameters + "\n" + response.body());
        assertFalse(error.getAttribute("description").isBlank(), response.body());
    }

    private String accountKey(HttpResponse<String> page) {
        Matcher shown = KEY.matcher(page.body());
        assertTrue(shown.find(), "the key is shown:\n" + page.body());
        return shown.group(1);
    }

    private HttpResponse<byte[]> download(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    @Order(1)
    void publishTorrentsAndGetAnApiKeyFromTheAccountPage() throws Exception {
        torrents = new BrowseTorrents();
        torrents.publish(new TrackerUploads(tracker));

        visitor = new PortalVisitor(portal);
        String name = "feeds-" + ThreadLocalRandom.current().nextInt(1_000_000);
        assertEquals(200, visitor.register(name, "a good long password").statusCode());
        // Signing in lands on /account: its first view, which makes the key and shows it.
        HttpResponse<String> first = visitor.signIn(name, "a good long password");
        assertEquals(200, first.statusCode());
        assertTrue(first.uri().getPath().endsWith("/account"), first.uri().toString());
        key = accountKey(first);
        assertTrue(first.body().contains("Copy it now"), first.body());
        assertEquals("no-store", first.headers().firstValue("Cache-Control").orElse(""), "a page with a secret is not kept");

        HttpResponse<String> again = visitor.get("account");
        assertFalse(KEY.matcher(again.body()).find(), "the key is shown once:\n" + again.body());
        assertTrue(again.body().contains("id=\"api-key-made\""), again.body());
    }

    @Test
    @Order(2)
    void rssOfASearchHasTheSearchPagesHitsInItsOrder() throws Exception {
        String parameters = "q=" + torrents.word + "&category=tv&sort=size&order=asc";
        HttpResponse<String> response = get("rss?" + parameters);
        assertEquals("public, max-age=60", response.headers().firstValue("Cache-Control").orElse(""));
        Document rss = feed("rss?" + parameters, "application/rss+xml;charset=UTF-8");

        String page = get("search?" + parameters).body();
        Matcher links = Pattern.compile("class=\"torrent-link\" href=\"/torrent\\?id=(\\d+)\"").matcher(page);
        List<String> onPage = new ArrayList<>();
        while (links.find()) {
            onPage.add(portal + "torrent?id=" + links.group(1));
        }
        List<String> inFeed = items(rss).stream().map(item -> text(item, "link")).toList();
        assertEquals(20, inFeed.size(), "one page, as the search page");
        assertEquals(onPage, inFeed);
        assertEquals(episode(1), titles(rss).get(0));

        Element channel = (Element) rss.getElementsByTagName("channel").item(0);
        assertEquals("Swarmport: " + torrents.word, text(channel, "title"));
        assertEquals(portal + "search?" + parameters, text(channel, "link"));
        Element item = items(rss).get(0);
        assertEquals("TV", text(item, "category"));
        assertEquals(text(item, "link"), text(item, "guid"));
        assertTrue(text(item, "pubDate").matches("[A-Z][a-z]{2}, \\d{1,2} [A-Z][a-z]{2} 20\\d\\d \\d\\d:\\d\\d:\\d\\d GMT"),
                text(item, "pubDate"));

        String page2 = get("search?" + parameters).body();
        assertTrue(page2.contains("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"RSS feed of these torrents\" href=\"/rss?q="
                + torrents.word + "&amp;category=tv&amp;sort=size&amp;order=asc\""), page2);
        assertTrue(page2.contains("id=\"rss-link\""), page2);
        assertTrue(get("browse?category=5000").body().contains("href=\"/rss?category=5000&amp;sort=added\""));
    }

    @Test
    @Order(3)
    void anEmptyRssQueryIsTheNewestAndItsEnclosureDownloadsWithoutACookie() throws Exception {
        Document rss = feed("rss", "application/rss+xml;charset=UTF-8");
        assertEquals(List.of(episode(21), episode(20)), titles(rss).subList(0, 2));

        Element enclosure = (Element) items(rss).get(0).getElementsByTagName("enclosure").item(0);
        assertEquals("application/x-bittorrent", enclosure.getAttribute("type"));
        assertEquals(Long.toString(1_000 + 21 * 100), enclosure.getAttribute("length"));
        assertTrue(enclosure.getAttribute("url").matches(Pattern.quote(portal + "download/") + "\\d+\\.torrent"),
                enclosure.getAttribute("url"));
        HttpResponse<byte[]> torrent = download(enclosure.getAttribute("url"));
        assertEquals(200, torrent.statusCode());
        Metainfo served = MetainfoParser.parse(torrent.body());
        assertEquals(episode(21), served.name());
        assertEquals(ANNOUNCE, served.trackerTiers().get(0).get(0));
    }

    @Test
    @Order(4)
    void rssEscapesHostileNamesAndDescriptions() throws Exception {
        HttpResponse<String> other = get("rss?q=" + torrents.word + "&category=other");
        assertFalse(other.body().contains("<script>"), other.body());
        assertEquals(torrents.word + " " + BrowseTorrents.HOSTILE_NAME_PART, titles(xml(other.body())).get(0));

        // A hit has no description (the index does not store it): the item says what the hit does.
        Document movies = feed("rss?q=" + torrents.word + "&category=2000", "application/rss+xml;charset=UTF-8");
        assertEquals("Movies, 58.6 KiB, 0 seeders, 0 leechers, tags: hd, test",
                text(items(movies).get(0), "description"));
    }

    @Test
    @Order(5)
    void aBadRssQueryIsA400WithAPlainMessage() throws Exception {
        for (String bad : List.of("minSize=abc", "sort=sideways", "page=0", "category=nonsense")) {
            HttpResponse<String> response = get("rss?" + bad);
            assertEquals(400, response.statusCode(), bad);
            assertEquals("text/plain;charset=UTF-8", type(response), bad);
            assertFalse(response.body().contains("Exception"), response.body());
        }
        assertTrue(get("rss?minSize=abc").body().contains("minSize"));
        assertEquals(401, get("rss?apikey=0123456789abcdef0123456789abcdef").statusCode());
    }

    @Test
    @Order(6)
    void rssAskedWithAKeyLinksDownloadsWithTheKey() throws Exception {
        HttpResponse<String> response = get("rss?q=" + torrents.word + "&category=2000&apikey=" + key);
        assertEquals("private, max-age=60", response.headers().firstValue("Cache-Control").orElse(""));
        Element enclosure = (Element) items(xml(response.body())).get(0).getElementsByTagName("enclosure").item(0);
        assertEquals(portal + "download/" + torrents.featureId + ".torrent?apikey=" + key, enclosure.getAttribute("url"));

        HttpResponse<byte[]> torrent = download(enclosure.getAttribute("url"));
        assertEquals(200, torrent.statusCode());
        assertArrayEquals(torrents.feature.infoBytes(), MetainfoParser.parse(torrent.body()).infoBytes());
    }

    @Test
    @Order(7)
    void capsAreOpenAndListTheTrackersCategories() throws Exception {
        Document caps = feed("api?t=caps", "application/xml;charset=UTF-8");
        Element limits = (Element) caps.getElementsByTagName("limits").item(0);
        assertEquals("100", limits.getAttribute("max"));
        assertEquals("50", limits.getAttribute("default"));
        assertEquals("q,season,ep", ((Element) caps.getElementsByTagName("tv-search").item(0)).getAttribute("supportedParams"));
        Map<String, String> categories = new HashMap<>();
        for (Element category : FeedXml.elements(caps, "category")) {
            categories.put(category.getAttribute("id"), category.getAttribute("name"));
        }
        assertEquals("Movies", categories.get("2000"));
        assertEquals("TV", categories.get("5000"));
        assertEquals("Other", categories.get("8000"));

        feed("api?t=caps&apikey=" + key, "application/xml;charset=UTF-8");
    }

    @Test
    @Order(8)
    void aTorznabSearchGivesEveryAttributeWithTheTorrentsValues() throws Exception {
        Document found = torznab("t=search&q=" + torrents.word);
        assertEquals(23, items(found).size());
        Element response = (Element) found.getElementsByTagNameNS(TORZNAB, "response").item(0);
        assertEquals("23", response.getAttribute("total"));
        assertEquals("0", response.getAttribute("offset"));

        Element feature = items(found).stream().filter(i -> text(i, "title").equals(torrents.feature.name())).findFirst()
                .orElseThrow();
        Map<String, String> attributes = new HashMap<>(FeedXml.torznabAttributes(feature));
        String v1 = torrents.feature.infoHashV1().orElseThrow().hex().toLowerCase(Locale.ROOT);
        assertEquals(v1, attributes.remove("infohash").toLowerCase(Locale.ROOT));
        String magnet = attributes.remove("magneturl");
        assertTrue(magnet.toLowerCase(Locale.ROOT).startsWith("magnet:?xt=urn:btih:" + v1), magnet);
        assertEquals(detailsMagnet(torrents.featureId), magnet, "the search hit's magnet is the details' one");
        assertEquals(Map.of("size", Long.toString(torrents.feature.totalLength()), "category", "2000", "seeders", "0",
                "leechers", "0", "peers", "0", "downloadvolumefactor", "1", "uploadvolumefactor", "1"), attributes);
        assertEquals(Long.toString(torrents.feature.totalLength()), text(feature, "size"));
        assertEquals(portal + "torrent?id=" + torrents.featureId + "#comments", text(feature, "comments"));
        assertEquals(portal + "torrent?id=" + torrents.featureId, text(feature, "guid"));
        assertNotNull(text(feature, "pubDate"));

        Element enclosure = (Element) feature.getElementsByTagName("enclosure").item(0);
        assertEquals(portal + "download/" + torrents.featureId + ".torrent?apikey=" + key, enclosure.getAttribute("url"));
        HttpResponse<byte[]> torrent = download(enclosure.getAttribute("url"));
        assertEquals(200, torrent.statusCode());
        assertEquals(v1, MetainfoParser.parse(torrent.body()).infoHashV1().orElseThrow().hex().toLowerCase(Locale.ROOT));
    }

    @Test
    @Order(9)
    void anEmptyTorznabQueryIsTheNewestAndMovieSearchesToo() throws Exception {
        assertEquals(List.of(episode(21), episode(20)), titles(torznab("t=search")).subList(0, 2));
        assertEquals(List.of(torrents.feature.name()), titles(torznab("t=movie&q=" + torrents.word + "&cat=2000")));
    }

    @Test
    @Order(10)
    void tvSearchAppendsSeasonAndEpisode() throws Exception {
        assertEquals(List.of(episode(2)), titles(torznab("t=tvsearch&q=" + torrents.word + "&season=1&ep=2")));
        assertEquals(21, items(torznab("t=tvsearch&q=" + torrents.word + "&season=1")).size());
    }

    @Test
    @Order(11)
    void categoriesFilterSubcategoriesFallInTheirParentAndSeveralAreMerged() throws Exception {
        assertEquals(List.of(torrents.feature.name()), titles(torznab("t=search&q=" + torrents.word + "&cat=2000")));
        assertEquals(21, items(torznab("t=search&q=" + torrents.word + "&cat=5040")).size(), "TV/HD is in TV");
        assertEquals(0, items(torznab("t=search&q=" + torrents.word + "&cat=100044")).size(), "not a category here");

        Document both = torznab("t=search&q=" + torrents.word + "&cat=2000,5030");
        assertEquals(22, items(both).size());
        assertEquals("22", ((Element) both.getElementsByTagNameNS(TORZNAB, "response").item(0)).getAttribute("total"));
        List<String> titles = titles(both);
        assertEquals(episode(21), titles.get(0), "newest first across categories");
        assertTrue(titles.contains(torrents.feature.name()), titles.toString());
        assertEquals(titles.subList(3, 8), titles(torznab("t=search&q=" + torrents.word + "&cat=2000,5030&offset=3&limit=5")));
    }

    @Test
    @Order(12)
    void limitAndOffsetPageThroughTheResults() throws Exception {
        List<String> all = titles(torznab("t=search&q=" + torrents.word + "&cat=5000&limit=100"));
        assertEquals(21, all.size());
        LinkedHashSet<String> paged = new LinkedHashSet<>();
        for (int offset = 0; offset < 25; offset += 5) {
            List<String> page = titles(torznab("t=search&q=" + torrents.word + "&cat=5000&limit=5&offset=" + offset));
            assertEquals(Math.min(5, Math.max(0, 21 - offset)), page.size(), "offset " + offset);
            paged.addAll(page);
        }
        assertEquals(all, List.copyOf(paged));
        assertEquals(all.subList(3, 10), titles(torznab("t=search&q=" + torrents.word + "&cat=5000&limit=7&offset=3")),
                "a slice across two of the tracker's pages");
        assertEquals(List.of(), titles(torznab("t=search&q=" + torrents.word + "&cat=5000&offset=500")));
        Document capped = torznab("t=search&limit=1000");
        long total = Long.parseLong(((Element) capped.getElementsByTagNameNS(TORZNAB, "response").item(0)).getAttribute("total"));
        assertEquals(Math.min(100, total), items(capped).size(), "limit is capped at 100");
    }

    @Test
    @Order(13)
    void everyErrorHasItsCodeAndStatus() throws Exception {
        assertTorznabError("t=search&q=x", 401, 100);
        assertTorznabError("t=search&q=x&apikey=nonsense", 401, 100);
        assertTorznabError("t=caps&apikey=0123456789abcdef0123456789abcdef", 401, 100);
        assertTorznabError("q=x&apikey=" + key, 400, 200);
        assertTorznabError("t=tvsearch&q=x&ep=2&apikey=" + key, 400, 200);
        assertTorznabError("t=search&limit=-1&apikey=" + key, 400, 201);
        assertTorznabError("t=search&offset=x&apikey=" + key, 400, 201);
        assertTorznabError("t=search&offset=10000&limit=100&apikey=" + key, 400, 201);
        assertTorznabError("t=search&cat=2000,5000&offset=990&apikey=" + key, 400, 201);
        // refused by the tracker (at most 12 words): its message, as code 201
        assertTorznabError("t=search&q=" + URLEncoder.encode("a b c d e f g h i j k l m", StandardCharsets.UTF_8)
                + "&apikey=" + key, 400, 201);
        assertTorznabError("t=frobnicate&apikey=" + key, 400, 202);
        assertTorznabError("t=%3Cscript%3E&apikey=" + key, 400, 202);
        assertTorznabError("t=music&apikey=" + key, 400, 203);
    }

    @Test
    @Order(14)
    void feedparserReadsTheRssAndTheTorznabAnswer() throws Exception {
        if (!Files.isExecutable(Path.of(PYTHON)) || new ProcessBuilder(PYTHON, "-c", "import feedparser").start().waitFor() != 0) {
            assertFalse("true".equals(System.getenv("CI")), "python3-feedparser is required in CI");
            org.junit.jupiter.api.Assumptions.abort("python3-feedparser is not installed");
        }
        List<String> rss = feedparser("rss?q=" + torrents.word + "&category=2000&apikey=" + key);
        assertEquals(List.of(torrents.feature.name() + "\t" + portal + "download/" + torrents.featureId + ".torrent?apikey=" + key
                + "\t" + torrents.feature.totalLength() + "\tapplication/x-bittorrent\t" + (portal + "torrent?id=" + torrents.featureId)
                + "\t="), rss.subList(1, rss.size()), "plain RSS: no torznab_attr");
        assertEquals("ok 1", rss.get(0));

        List<String> torznab = feedparser("api?t=tvsearch&q=" + torrents.word + "&season=1&ep=2&apikey=" + key);
        assertEquals("ok 1", torznab.get(0));
        assertTrue(torznab.get(1).startsWith(episode(2) + "\t" + portal + "download/"), torznab.get(1));
        assertTrue(torznab.get(1).endsWith("\tuploadvolumefactor=1"), "feedparser's torznab_attr key: " + torznab.get(1));
    }

    /**
     * What feedparser read from the feed at this path: {@code ok <entries>} (not "bozo", i.e.
     * well-formed), then per entry its title, enclosure href, length and type, link, and the
     * {@code torznab_attr} it keeps (feedparser keeps one per entry, the last).
     */
    private List<String> feedparser(String path) throws Exception {
        String script = String.join("\n",
                "import sys, feedparser",
                "d = feedparser.parse(sys.argv[1])",
                "print(('bozo ' + str(d.get('bozo_exception'))) if d.bozo else 'ok %d' % len(d.entries))",
                "for e in d.entries:",
                "    enc = e.enclosures[0]",
                "    attr = e.get('torznab_attr', {})",
                "    print('\\t'.join([e.title, enc.href, enc.length, enc.type, e.link,"
                        + " attr.get('name', '') + '=' + attr.get('value', '')]))");
        Process process = new ProcessBuilder(PYTHON, "-c", script, portal + path).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        return output.lines().toList();
    }

    @Test
    @Order(15)
    void aNewKeyMakesTheOldOneFailWithCode100() throws Exception {
        oldKey = key;
        FacesForm form = visitor.form("account", "api-key");
        HttpResponse<String> regenerated = visitor.submit(form, "regenerate");
        assertEquals(200, regenerated.statusCode());
        key = accountKey(regenerated);
        assertNotEquals(oldKey, key);
        assertTrue(regenerated.body().contains("the old one no longer works"), regenerated.body());

        assertTorznabError("t=search&apikey=" + oldKey, 401, 100);
        torznab("t=search");
        assertEquals(401, download(portal + "download/" + torrents.featureId + ".torrent?apikey=" + oldKey).statusCode());
        assertEquals(200, download(portal + "download/" + torrents.featureId + ".torrent?apikey=" + key).statusCode());
    }

    @Test
    @Order(16)
    void aForgedRegeneratePostChangesNothing() throws Exception {
        FacesForm form = visitor.form("account", "api-key").without(FacesForm.VIEW_STATE);
        assertEquals(403, visitor.submit(form, "regenerate").statusCode());
        torznab("t=search");

        PortalVisitor stranger = new PortalVisitor(portal);
        HttpResponse<String> signedOut = stranger.get("account");
        assertTrue(signedOut.uri().getPath().endsWith("/login"), "nobody signed in is sent to sign in: " + signedOut.uri());
        assertFalse(KEY.matcher(signedOut.body()).find());
    }

    @Test
    @Order(17)
    void noApiKeyInTheServerLog() throws Exception {
        String log = Files.readString(Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log"));
        assertFalse(log.contains(key), "an API key in the server log");
        assertFalse(log.contains(oldKey), "an API key in the server log");
        assertFalse(Files.exists(Path.of(System.getProperty("jboss.home"), "standalone", "log", "access_log.log")),
                "an access log would hold every apikey of every feed URL");
        torrents.remove(new TrackerUploads(tracker));
    }

    @Test
    @Order(16)
    void aFeedIsOneTrackerCallWhateverItsNumberOfItems() throws Exception {
        Map<String, Long> before = apiRequests();
        assertEquals(20, items(feed("rss", "application/rss+xml;charset=UTF-8")).size());
        Map<String, Long> afterRss = apiRequests();
        assertEquals(23, items(torznab("t=search&q=" + torrents.word)).size());
        Map<String, Long> afterTorznab = apiRequests();

        assertEquals(1, total(afterRss) - total(before), "RSS: one search, no call per item: " + afterRss);
        assertEquals(before.getOrDefault("search", 0L) + 1, afterRss.get("search"));
        assertEquals(1, total(afterTorznab) - total(afterRss), "Torznab: one search, no call per item: " + afterTorznab);
        assertEquals(afterRss.getOrDefault("search", 0L) + 1, afterTorznab.get("search"));
        assertEquals(before.getOrDefault("torrents/{id}", 0L), afterTorznab.getOrDefault("torrents/{id}", 0L));
    }

    /** The tracker's count of JSON API requests per resource, from its Prometheus metrics. */
    private Map<String, Long> apiRequests() throws Exception {
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(tracker + "metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Long> counts = new HashMap<>();
        Matcher line = Pattern.compile("(?m)^swarmport_tracker_api_requests_total\\{resource=\"([a-z{}/-]+)\"} (\\d+)$")
                .matcher(metrics);
        while (line.find()) {
            counts.put(line.group(1), Long.parseLong(line.group(2)));
        }
        return counts;
    }

    /** Every call but the portal's gone-torrent sweep, which may run at any time (every 2 s in these tests). */
    private static long total(Map<String, Long> counts) {
        return counts.entrySet().stream().filter(count -> !count.getKey().equals("torrents/existing"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private String detailsMagnet(long id) throws Exception {
        String details = HTTP.send(HttpRequest.newBuilder(URI.create(tracker + "api/v1/torrents/" + id)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher magnet = Pattern.compile("\"magnet\":\"([^\"]+)\"").matcher(details);
        assertTrue(magnet.find(), details);
        return magnet.group(1);
    }
}
