package org.swarmport.tracker.announce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
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
import org.swarmport.peer.bencode.BDecoder;
import org.swarmport.peer.bencode.BDictionary;
import org.swarmport.peer.bencode.BString;
import org.swarmport.tracker.TrackerDeployment;
import org.swarmport.tracker.catalogue.CountsPublisher;
import org.swarmport.tracker.catalogue.KnownTorrents;
import org.swarmport.tracker.catalogue.Torrent;

/**
 * The HTTP tracker in the server, in its default registered mode: a torrent is put in the
 * catalogue from inside the server, then clients' announces and scrapes go over HTTP.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HttpTrackerIT {

    /** Fixed, so in-container and client-side steps agree without passing values. */
    private static final byte[] INFO_HASH = HexFormat.of().parseHex("5a11b0a7d1e5c0de5a11b0a7d1e5c0de5a11b0a7");
    private static final byte[] UNREGISTERED = HexFormat.of().parseHex("00000000000000000000000000000000000000ff");

    @Deployment
    static WebArchive deployment() {
        return TrackerDeployment.war().addClasses(HttpTrackerIT.class, Queries.class);
    }

    @PersistenceContext(unitName = "tracker")
    EntityManager em;

    @Inject
    UserTransaction tx;

    @Inject
    KnownTorrents knownTorrents;

    @Inject
    CountsPublisher countsPublisher;

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** SWARMPORT_TRACKER_HTTP_PORT's default: the server under test runs with default settings. */
    private static final int OWN_PORT = 6969;

    private static HttpResponse<byte[]> get(URL base, String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static BDictionary announce(URL base, char peer, int port, long left, String extra) throws Exception {
        HttpResponse<byte[]> response = get(base,
                "announce?" + Queries.announce(INFO_HASH, Queries.filled(peer), port, left, extra));
        assertEquals(200, response.statusCode());
        assertEquals("text/plain", response.headers().firstValue("Content-Type").orElse(""));
        return (BDictionary) BDecoder.decode(response.body());
    }

    private void removeTorrent() throws Exception {
        tx.begin();
        em.createQuery("delete from Torrent t where t.swarmHash = :hash")
                .setParameter("hash", HexFormat.of().formatHex(INFO_HASH)).executeUpdate();
        tx.commit();
    }

    @Test
    @Order(1)
    void registerTheTorrent() throws Exception {
        removeTorrent();
        tx.begin();
        em.persist(new Torrent(HexFormat.of().formatHex(INFO_HASH), null, "HttpTrackerIT", 1 << 20,
                OffsetDateTime.now(ZoneOffset.UTC)));
        tx.commit();
        assertTrue(knownTorrents.refresh());
    }

    @Test
    @Order(2)
    @RunAsClient
    void peersFindEachOtherThroughTheTracker_BEP3(@ArquillianResource URL base) throws Exception {
        BDictionary seed = announce(base, 's', 51413, 0, "event=started&compact=1");
        assertEquals(0, seed.getString("peers").length());

        BDictionary leecher = announce(base, 'l', 6881, 1000, "event=started&compact=1&numwant=10");

        assertArrayEquals(new byte[] {127, 0, 0, 1, (byte) 0xc8, (byte) 0xd5}, leecher.getString("peers").bytes());
        assertEquals(1, leecher.getLong("complete"));
        assertEquals(1, leecher.getLong("incomplete"));
        assertTrue(leecher.getLong("interval") >= leecher.getLong("min interval"));
    }

    @Test
    @Order(3)
    @RunAsClient
    void completedIsCountedOnceAndScrapeSaysSo_BEP48(@ArquillianResource URL base) throws Exception {
        announce(base, 'l', 6881, 0, "event=completed");
        announce(base, 'l', 6881, 0, "event=completed");

        HttpResponse<byte[]> scrape = get(base, "scrape?info_hash=" + Queries.percent(INFO_HASH)
                + "&info_hash=" + Queries.percent(UNREGISTERED));
        BDictionary files = ((BDictionary) BDecoder.decode(scrape.body())).getDictionary("files");

        assertEquals(1, files.size(), "the unregistered torrent is left out");
        BDictionary counts = (BDictionary) files.get(BString.of(INFO_HASH));
        assertEquals(2, counts.getLong("complete"));
        assertEquals(0, counts.getLong("incomplete"));
        assertEquals(1, counts.getLong("downloaded"));
    }

    @Test
    @Order(4)
    void countsReachTheCatalogueInABatch() throws Exception {
        countsPublisher.flush();

        Torrent torrent = em.createQuery("select t from Torrent t where t.swarmHash = :hash", Torrent.class)
                .setParameter("hash", HexFormat.of().formatHex(INFO_HASH)).getSingleResult();
        assertEquals(2, torrent.seeders());
        assertEquals(0, torrent.leechers());
        assertEquals(1, torrent.completed());
    }

    @Test
    @Order(5)
    @RunAsClient
    void badAndUnregisteredAnnouncesGetAFailureReasonNotAnErrorPage(@ArquillianResource URL base) throws Exception {
        String[][] cases = {
            {"announce", "missing info_hash"},
            {"announce?info_hash=%41&peer_id=x&port=1", "invalid info_hash: must be 20 bytes, got 1"},
            {"announce?" + Queries.announce(UNREGISTERED, Queries.filled('x'), 6881, 0, ""),
                "unregistered torrent: this tracker only tracks torrents in its catalogue"},
            {"announce?" + "a=".repeat(3000), "invalid query: longer than 4096 characters"},
            {"scrape", "full scrape is disabled on this tracker: ask for info_hash values"},
        };
        for (String[] c : cases) {
            HttpResponse<byte[]> response = get(base, c[0]);
            assertEquals(200, response.statusCode(), c[0]);
            String body = new String(response.body(), StandardCharsets.ISO_8859_1);
            assertTrue(body.startsWith("d14:failure reason"), c[0] + " -> " + body);
            String reason = ((BDictionary) BDecoder.decode(response.body())).getString("failure reason").utf8();
            assertEquals(c[1], reason, c[0]);
        }
    }

    @Test
    @Order(5)
    @RunAsClient
    void malformedEscapesAreRefusedByTheServerBeforeTheTrackerWithoutAnErrorPage(@ArquillianResource URL base)
            throws Exception {
        // java.net.http will not send these; a hostile client will, so write the request by hand.
        // Undertow's HTTP parser refuses a broken %-escape with a bare 400 before any servlet
        // runs; what matters is that no HTML error page or stack trace goes back.
        for (String query : new String[] {"info_hash=%zz", "info_hash=%4", "info_hash=%"}) {
            try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(("GET " + base.getPath() + "announce?" + query + " HTTP/1.1\r\n"
                        + "Host: " + base.getHost() + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                assertTrue(answer.startsWith("HTTP/1.1 400"), query + " -> " + answer);
                assertTrue(answer.endsWith("\r\n\r\n"), "no body: " + query + " -> " + answer);
            }
        }
    }

    @Test
    @Order(5)
    @RunAsClient
    void servletAnswersWhatTheIoThreadPathLeavesToIt(@ArquillianResource URL base) throws Exception {
        // The I/O-thread path takes GET; anything else reaches HttpTrackerServlet, which must
        // answer the same way instead of a 405 error page.
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "announce?"
                        + Queries.announce(INFO_HASH, Queries.filled('p'), 6999, 1, "")))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(200, response.statusCode());
        assertEquals("text/plain", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        BDictionary answer = (BDictionary) BDecoder.decode(response.body());
        assertEquals(2, answer.getLong("complete"));
        announce(base, 'p', 6999, 1, "event=stopped");
    }

    @Test
    @Order(5)
    @RunAsClient
    void theTrackersOwnPortAnswersAsTheServletDoes() throws Exception {
        URL port = URI.create("http://127.0.0.1:" + OWN_PORT + "/").toURL();

        BDictionary leecher = announce(port, 'q', 7001, 10, "event=started&numwant=5");
        assertEquals(2, leecher.getLong("complete"));
        assertEquals(1, leecher.getLong("incomplete"), "only q: l completed, so its count moved to complete");
        assertEquals(12, leecher.getString("peers").length(), "the two seeds, 6 bytes each");

        BDictionary scrape = (BDictionary) BDecoder.decode(get(port, "scrape?info_hash=" + Queries.percent(INFO_HASH)).body());
        assertEquals(1, ((BDictionary) scrape.getDictionary("files").get(BString.of(INFO_HASH))).getLong("incomplete"));

        HttpResponse<byte[]> notFound = get(port, "tracker/announce");
        assertEquals(404, notFound.statusCode());
        assertTrue(new String(notFound.body(), StandardCharsets.ISO_8859_1).startsWith("d14:failure reason"));

        // Unlike Undertow, the own port hands a broken escape to the tracker, which names it.
        try (Socket socket = new Socket("127.0.0.1", OWN_PORT)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /announce?info_hash=%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(answer.startsWith("HTTP/1.1 200 OK\r\n"), answer);
            assertTrue(answer.contains("\r\n\r\nd14:failure reason"), answer);
        }
        announce(port, 'q', 7001, 10, "event=stopped");
    }

    @Test
    @Order(6)
    @RunAsClient
    void statsAndMetricsCountWhatHappened(@ArquillianResource URL base) throws Exception {
        String stats = new String(get(base, "api/v1/stats").body(), StandardCharsets.UTF_8);
        assertTrue(stats.matches(".*\"swarms\":[1-9].*") && stats.contains("\"seeders\":"), stats);

        HttpResponse<byte[]> metrics = get(base, "metrics");
        String text = new String(metrics.body(), StandardCharsets.UTF_8);
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        assertTrue(text.matches("(?s).*swarmport_tracker_announces_total\\{protocol=\"http\"} [1-9].*"), text);
        assertTrue(text.matches("(?s).*swarmport_tracker_failures_total\\{protocol=\"http\"} [1-9].*"), text);
        assertTrue(text.contains("# TYPE swarmport_tracker_swarms gauge"), text);
    }

    @Test
    @Order(7)
    void removeTheTorrent() throws Exception {
        removeTorrent();
        knownTorrents.refresh();
    }
}
