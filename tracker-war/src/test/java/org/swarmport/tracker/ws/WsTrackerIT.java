package org.swarmport.tracker.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.swarmport.tracker.GeneratedTorrent;
import org.swarmport.tracker.RequiredTools;
import org.swarmport.tracker.TrackerDeployment;
import org.swarmport.tracker.catalogue.CountsPublisher;
import org.swarmport.tracker.catalogue.KnownTorrents;
import org.swarmport.tracker.catalogue.Torrent;
import org.swarmport.tracker.swarm.AnnounceEvent;
import org.swarmport.tracker.swarm.SwarmRegistry;
import org.swarmport.tracker.swarm.Swarms;

/**
 * The WebTorrent tracker in the server, in its default registered mode: fake browsers over
 * the JDK's WebSocket client exchange an offer and an answer, scrape, and meet the limits;
 * then real ones, the {@code webtorrent} package in two headless Chromium pages, exchange a
 * file with nothing but this tracker to find each other ({@code src/test/webtorrent/}).
 *
 * <p>The browser test needs {@code node}, Debian's {@code chromium} and
 * {@code npm ci --ignore-scripts} run in {@code src/test/webtorrent}: skipped without them,
 * failed without them when {@code CI=true}. Its log is {@code target/webtorrent/exchange.log}.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WsTrackerIT {

    /** What the fake browsers announce; fixed, so in-container and client-side steps agree. */
    private static final String INFO_HASH_HEX = "b0a7c0de5a11b0a7c0de5a11b0a7c0de5a11b0a7";
    private static final String INFO_HASH = binary(INFO_HASH_HEX);
    private static final String UNREGISTERED = binary("00000000000000000000000000000000000000fe");
    /** What the real browsers exchange; must match the arguments exchange.mjs is given. */
    static final GeneratedTorrent BROWSER_TORRENT =
            new GeneratedTorrent("swarmport-browser.bin", 256 * 1024, 16 * 1024, 0x5765_6254_6f72_7265L);

    private static final Path HARNESS = Path.of("src/test/webtorrent").toAbsolutePath();
    private static final Path WORK = Path.of("target/webtorrent").toAbsolutePath();
    private static final Duration EXCHANGE_LIMIT = Duration.ofSeconds(150);

    @Deployment
    static WebArchive deployment() {
        return TrackerDeployment.war().addClasses(WsTrackerIT.class, GeneratedTorrent.class, RequiredTools.class,
                FakeBrowser.class,
                FakeBrowser.Closed.class, RecordingSocket.class, Messages.class, Binary.class);
    }

    @PersistenceContext(unitName = "tracker")
    EntityManager em;

    @Inject
    UserTransaction tx;

    @Inject
    KnownTorrents knownTorrents;

    @Inject
    CountsPublisher countsPublisher;

    @Inject
    Swarms swarms;

    @Inject
    BrowserPeers browserPeers;

    @Test
    @Order(1)
    void registerTheTorrents() throws Exception {
        tx.begin();
        deleteTorrents();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        em.persist(new Torrent(INFO_HASH_HEX, null, "ws-it", 1, now));
        em.persist(new Torrent(BROWSER_TORRENT.infoHashV1(), null, BROWSER_TORRENT.name(), BROWSER_TORRENT.length(), now));
        tx.commit();
        // Registered mode reads the catalogue every minute; the test cannot wait that long.
        assertTrue(knownTorrents.refresh(), "the catalogue could not be read back");
        assertNotNull(knownTorrents.swarmHashOf(HexFormat.of().parseHex(INFO_HASH_HEX)));
    }

    @Test
    @Order(2)
    @RunAsClient
    void offerAndAnswerAreRelayedBetweenTwoBrowsers(@ArquillianResource URL base) throws Exception {
        try (FakeBrowser seeder = FakeBrowser.connect(tracker(base));
             FakeBrowser leecher = FakeBrowser.connect(tracker(base))) {
            seeder.send(Messages.withOffers(INFO_HASH, Binary.of(1), 0, 0));
            JsonObject seeded = seeder.next();
            assertEquals("announce", seeded.getString("action"), seeded.toString());
            assertEquals(INFO_HASH, seeded.getString("info_hash"), "binary strings survive the round trip");
            assertEquals(1, seeded.getInt("complete"));

            leecher.send(Messages.withOffers(INFO_HASH, Binary.of(2), 1000, 3));
            JsonObject joined = leecher.next();
            assertEquals(1, joined.getInt("complete"));
            assertEquals(1, joined.getInt("incomplete"));

            JsonObject offer = seeder.next();
            assertEquals(Binary.of(2), offer.getString("peer_id"));
            assertEquals("offer", offer.getJsonObject("offer").getString("type"));
            String offerId = offer.getString("offer_id");

            seeder.send(Messages.answer(INFO_HASH, Binary.of(1), Binary.of(2), offerId));
            JsonObject answer = leecher.next();
            assertEquals(Binary.of(1), answer.getString("peer_id"));
            assertEquals(offerId, answer.getString("offer_id"));
            assertEquals("answer", answer.getJsonObject("answer").getString("type"));
            assertNull(seeder.poll(Duration.ofMillis(300)), "nothing more for the seeder: one offer per peer");

            leecher.send("{\"action\":\"scrape\",\"info_hash\":[" + quoted(INFO_HASH) + "," + quoted(UNREGISTERED) + "]}");
            JsonObject scraped = leecher.next();
            assertEquals("scrape", scraped.getString("action"));
            JsonObject files = scraped.getJsonObject("files");
            assertEquals(1, files.size(), "the unregistered hash is left out: " + files);
            assertEquals(1, files.getJsonObject(INFO_HASH).getInt("complete"));
            assertEquals(1, files.getJsonObject(INFO_HASH).getInt("incomplete"));
        }
    }

    @Test
    @Order(3)
    @RunAsClient
    void badMessagesGetAFailureReasonAndOversizedOnesCloseTheSocket(@ArquillianResource URL base) throws Exception {
        try (FakeBrowser browser = FakeBrowser.connect(tracker(base))) {
            browser.send("this is not JSON");
            assertEquals("not a JSON message", browser.next().getString("failure reason"));
            browser.send(Messages.withOffers(UNREGISTERED, Binary.of(3), 0, 0));
            JsonObject refused = browser.next();
            assertTrue(refused.getString("failure reason").startsWith("unregistered torrent"), refused.toString());
            browser.send(Messages.withOffers(INFO_HASH.substring(1), Binary.of(3), 0, 0));
            assertTrue(browser.next().getString("failure reason").startsWith("invalid info_hash"));

            browser.send("{\"action\":\"scrape\",\"pad\":\"" + "x".repeat(WsLimits.MAX_MESSAGE_CHARS) + "\"}");
            FakeBrowser.Closed closed = browser.closedByServer();
            assertEquals(1009, closed.code(), "1009: message too big");
            assertEquals("message too big: at most " + WsLimits.MAX_MESSAGE_CHARS + " characters", closed.reason());
        }
    }

    @Test
    @Order(4)
    @RunAsClient
    void oneAddressGetsAtMostTwentySockets(@ArquillianResource URL base) throws Exception {
        List<FakeBrowser> open = new ArrayList<>();
        try {
            FakeBrowser.Closed refused = null;
            while (refused == null && open.size() <= WsLimits.DEFAULT.maxConnectionsPerAddress()) {
                FakeBrowser browser = FakeBrowser.connect(tracker(base));
                open.add(browser);
                // An admitted socket answers; a refused one is closed before it can.
                String scrape = "{\"action\":\"scrape\",\"info_hash\":" + quoted(INFO_HASH) + "}";
                if (!browser.trySend(scrape) || browser.nextUnlessClosed() == null) {
                    refused = browser.closedByServer();
                }
            }
            assertNotNull(refused, "no socket was refused");
            assertEquals(WsLimits.DEFAULT.maxConnectionsPerAddress(), open.size() - 1, "sockets admitted");
            assertEquals(1008, refused.code(), "1008: policy violation");
            assertTrue(refused.reason().startsWith("too many connections from your address"), refused.reason());
        } finally {
            for (FakeBrowser browser : open) {
                browser.close();
            }
        }
    }

    @Test
    @Order(5)
    @RunAsClient
    void metricsAndStatsCountTheWebSocketProtocolAndItsPeers(@ArquillianResource URL base) throws Exception {
        try (FakeBrowser browser = FakeBrowser.connect(tracker(base))) {
            browser.send(Messages.withOffers(INFO_HASH, Binary.of(4), 0, 0));
            browser.next();
            String metrics = get(base, "metrics");
            assertTrue(counter(metrics, "swarmport_tracker_announces_total{protocol=\"websocket\"}") >= 3, metrics);
            assertTrue(counter(metrics, "swarmport_tracker_scrapes_total{protocol=\"websocket\"}") >= 1, metrics);
            assertTrue(counter(metrics, "swarmport_tracker_failures_total{protocol=\"websocket\"}") >= 3, metrics);
            assertTrue(counter(metrics, "swarmport_tracker_browser_peers") >= 1, metrics);
            assertTrue(counter(metrics, "swarmport_tracker_seeders") >= 1, metrics);
            String stats = get(base, "api/v1/stats");
            assertTrue(stats.matches(".*\"seeders\":[1-9].*") && stats.matches(".*\"swarms\":[1-9].*"), stats);
        }
    }

    /** In the server: the catalogue gets one torrent's numbers, browser and registry peers added up. */
    @Test
    @Order(6)
    void theCatalogueCountsBrowserAndHttpPeersTogether(@ArquillianResource URL base) throws Exception {
        byte[] swarmHash = HexFormat.of().parseHex(INFO_HASH_HEX);
        awaitNoBrowserPeers(swarmHash);
        SwarmRegistry registry = swarms.registry();
        byte[] address = {127, 0, 0, 1};
        registry.announce(swarmHash, 77, address, 6881, true, AnnounceEvent.STARTED, SwarmRegistry.currentMinute(),
                null, null);
        try (FakeBrowser browser = FakeBrowser.connect(tracker(base))) {
            browser.send(Messages.withOffers(INFO_HASH, Binary.of(5), 1000, 0));
            JsonObject joined = browser.next();
            assertEquals(1, joined.getInt("complete"), "the HTTP seeder");
            assertEquals(1, joined.getInt("incomplete"), "the browser");
            // and the other way round: an HTTP scrape on the tracker's own port counts the browser
            StringBuilder query = new StringBuilder("http://127.0.0.1:6969/scrape?info_hash=");
            for (byte b : swarmHash) {
                query.append('%').append(String.format("%02x", b & 0xff));
            }
            String scraped = new String(HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(query.toString())).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body(), StandardCharsets.ISO_8859_1);
            assertTrue(scraped.endsWith("d8:completei1e10:downloadedi0e10:incompletei1eeee"), scraped);
            browser.send(Messages.announce(INFO_HASH, Binary.of(5)).add("left", 0).add("event", "completed")
                    .build().toString());
            assertEquals(2, browser.next().getInt("complete"));
            countsPublisher.flush();
            Torrent torrent = torrent();
            assertEquals(2, torrent.seeders());
            assertEquals(0, torrent.leechers());
            assertEquals(1, torrent.completed(), "the browser's completed event");
        }
        awaitNoBrowserPeers(swarmHash);
        countsPublisher.flush();
        assertEquals(1, torrent().seeders(), "the browser left with its socket");
        registry.announce(swarmHash, 77, address, 6881, true, AnnounceEvent.STOPPED, SwarmRegistry.currentMinute(),
                null, null);
    }

    private Torrent torrent() {
        return em.createQuery("select t from Torrent t where t.swarmHash = :hash", Torrent.class)
                .setParameter("hash", INFO_HASH_HEX).getSingleResult();
    }

    /** Sockets closed by earlier steps leave their swarms when the server has seen the close. */
    private void awaitNoBrowserPeers(byte[] swarmHash) throws InterruptedException {
        long deadline = System.nanoTime() + FakeBrowser.WAIT.toNanos();
        while (browserPeers.counts(swarmHash).seeders() + browserPeers.counts(swarmHash).leechers() > 0) {
            if (System.nanoTime() > deadline) {
                fail("browser peers still in the swarm " + FakeBrowser.WAIT.toSeconds() + " s after their sockets closed: "
                        + browserPeers.counts(swarmHash));
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    @Test
    @Order(7)
    @RunAsClient
    void webtorrentInTwoChromiumPagesExchangesAFileThroughThisTracker(@ArquillianResource URL base) throws Exception {
        requireBrowsers();
        Files.createDirectories(WORK);
        Path content = WORK.resolve("content.bin");
        Path downloaded = WORK.resolve("downloaded.bin");
        Path log = WORK.resolve("exchange.log");
        Files.write(content, BROWSER_TORRENT.content());
        Files.deleteIfExists(downloaded);

        Process exchange = new ProcessBuilder("node", HARNESS.resolve("exchange.mjs").toString(),
                tracker(base).toString(), content.toString(), BROWSER_TORRENT.name(),
                Integer.toString(BROWSER_TORRENT.pieceLength()), BROWSER_TORRENT.infoHashV1(), downloaded.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!exchange.waitFor(EXCHANGE_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            exchange.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail("the browsers did not finish within " + EXCHANGE_LIMIT.toSeconds() + " s\n" + tail(log));
        }
        assertEquals(0, exchange.exitValue(), "the browsers' exchange failed\n" + tail(log));
        byte[] bytes = Files.readAllBytes(downloaded);
        assertEquals(BROWSER_TORRENT.length(), bytes.length, "downloaded length\n" + tail(log));
        assertEquals(-1, Arrays.mismatch(BROWSER_TORRENT.content(), bytes), "downloaded bytes differ at this offset");
    }

    @Test
    @Order(8)
    void removeTheTorrents() throws Exception {
        tx.begin();
        deleteTorrents();
        tx.commit();
        knownTorrents.refresh();
    }

    private void deleteTorrents() {
        em.createQuery("delete from Torrent t where t.infoHashV1 in :hashes")
                .setParameter("hashes", List.of(INFO_HASH_HEX, BROWSER_TORRENT.infoHashV1()))
                .executeUpdate();
    }

    /** Skips the browser test without node, Chromium or the npm packages; fails it on CI. */
    private static void requireBrowsers() {
        List<String> missing = new ArrayList<>();
        if (!RequiredTools.runs("node", "--version")) {
            missing.add("node (Debian package nodejs)");
        }
        if (!RequiredTools.runs("/usr/bin/chromium", "--version")) {
            missing.add("/usr/bin/chromium (Debian package chromium)");
        }
        if (!Files.isRegularFile(HARNESS.resolve("node_modules/webtorrent/dist/webtorrent.min.js"))
                || !Files.isDirectory(HARNESS.resolve("node_modules/puppeteer-core"))) {
            missing.add("the npm packages (npm ci --ignore-scripts in " + HARNESS + ")");
        }
        RequiredTools.require("what the WebTorrent browser test needs", missing);
    }

    /** ws://127.0.0.1:port/tracker/ws: the browsers listen on 127.0.0.1, "localhost" may be ::1. */
    private static URI tracker(URL base) {
        return URI.create(base.toString().replaceFirst("^http://[^:/]+:", "ws://127.0.0.1:") + "ws");
    }

    private static String get(URL base, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path);
        return response.body();
    }

    private static long counter(String metrics, String series) {
        Matcher value = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\d+)$").matcher(metrics);
        assertTrue(value.find(), series + " missing");
        return Long.parseLong(value.group(1));
    }

    private static String binary(String hex) {
        return new String(HexFormat.of().parseHex(hex), StandardCharsets.ISO_8859_1);
    }

    private static String quoted(String binary) {
        return WsRequestParser.JSON.createValue(binary).toString();
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
