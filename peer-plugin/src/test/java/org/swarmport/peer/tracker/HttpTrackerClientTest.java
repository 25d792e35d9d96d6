package org.swarmport.peer.tracker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.swarmport.peer.metainfo.InfoHash;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class HttpTrackerClientTest {

    private static final TrackerSettings SETTINGS = TrackerSettings.DEFAULT.withHttpTimeout(Duration.ofSeconds(5));
    private static final AnnounceRequest STARTED = new AnnounceRequest(HttpTrackerUrlTest.HASH,
            HttpTrackerUrlTest.PEER_ID, 6881, 10, 20, 30, AnnounceEvent.STARTED, 50, 0x1234abcd);

    private FakeHttpTracker tracker;
    private HttpClient http;

    @BeforeEach
    void start() throws Exception {
        tracker = new FakeHttpTracker();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stop() throws Exception {
        tracker.close();
    }

    @Test
    void announceSendsEveryParameterAndReadsTheAnswer_BEP3() throws Exception {
        tracker.answer(request -> FakeHttpTracker.Reply.ok(
                "d8:completei2e10:incompletei1e8:intervali900e5:peers6:\u007f\u0000\u0000\u0001\u001a\u00e1e"));
        AnnounceResponse response;
        try (TrackerClient client = TrackerClient.open(tracker.url("/announce"), http, SETTINGS)) {
            response = client.announce(STARTED);
        }
        assertEquals(Duration.ofSeconds(900), response.interval());
        assertEquals(List.of(HttpTrackerResponseTest.peer("127.0.0.1", 6881)), response.peers());
        FakeHttpTracker.Request seen = tracker.requests().get(0);
        assertEquals("/announce", seen.path());
        assertArrayEquals(HttpTrackerUrlTest.HASH.truncated(), seen.bytes("info_hash"));
        assertArrayEquals(HttpTrackerUrlTest.PEER_ID, seen.bytes("peer_id"));
        assertEquals("6881", seen.text("port"));
        assertEquals("10", seen.text("uploaded"));
        assertEquals("20", seen.text("downloaded"));
        assertEquals("30", seen.text("left"));
        assertEquals("started", seen.text("event"));
        assertEquals("1", seen.text("compact"));
        assertEquals("50", seen.text("numwant"));
        assertEquals("1234abcd", seen.text("key"));
        assertNull(seen.text("trackerid"));
    }

    @Test
    void aTrackerIdIsSentBackOnLaterAnnounces_BEP3() throws Exception {
        tracker.answer(request -> FakeHttpTracker.Reply.ok("d8:intervali60e5:peers0:10:tracker id6:T-42\u0000\u00ffe"));
        try (TrackerClient client = TrackerClient.open(tracker.url("/announce"), http, SETTINGS)) {
            client.announce(STARTED);
            client.announce(STARTED.with(AnnounceEvent.NONE, 50));
        }
        List<FakeHttpTracker.Request> seen = tracker.requests();
        assertNull(seen.get(0).text("trackerid"));
        assertEquals("T-42\u0000\u00ff", seen.get(1).text("trackerid"), "sent back byte for byte");
        assertNull(seen.get(1).text("event"), "a regular announce has no event");
    }

    @Test
    void failureReasonOnAnErrorStatusIsStillTheRefusal() throws Exception {
        tracker.answer(request -> new FakeHttpTracker.Reply(403, HttpTrackerResponseTest.latin1(
                "d14:failure reason11:bad passkeye")));
        try (TrackerClient client = TrackerClient.open(tracker.url("/announce"), http, SETTINGS)) {
            TrackerException e = assertThrows(TrackerException.class, () -> client.announce(STARTED));
            assertEquals("tracker refused: bad passkey", e.getMessage());
            assertTrue(e.refused());
        }
    }

    @Test
    void anErrorStatusWithoutAReasonFails() throws Exception {
        tracker.answer(request -> new FakeHttpTracker.Reply(502, new byte[0]));
        try (TrackerClient client = TrackerClient.open(tracker.url("/announce"), http, SETTINGS)) {
            TrackerException e = assertThrows(TrackerException.class, () -> client.announce(STARTED));
            assertFalse(e.refused());
            assertEquals(tracker.url("/announce") + " answered HTTP 502", e.getMessage());
        }
    }

    @Test
    void aTrackerThatDoesNotAnswerInTimeFails() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        tracker.answer(request -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return FakeHttpTracker.Reply.ok("d8:intervali60ee");
        });
        try (TrackerClient client = TrackerClient.open(tracker.url("/announce"), http,
                SETTINGS.withHttpTimeout(Duration.ofMillis(300)))) {
            long start = System.nanoTime();
            TrackerException e = assertThrows(TrackerException.class, () -> client.announce(STARTED));
            assertEquals(tracker.url("/announce") + " did not answer within 300 ms", e.getMessage());
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
        } finally {
            release.countDown();
        }
    }

    /** A hostile tracker must not hold an announce thread: the JDK's request timeout covers only the headers. */
    @Test
    void aTrackerThatDripsItsBodyIsCutOffAtTheTimeout() throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        tracker.answer(request -> new FakeHttpTracker.Reply(200, new byte[0], out -> {
            out.write("d8:intervali60e".getBytes(StandardCharsets.US_ASCII));
            try {
                // One byte every 100 ms, for up to 10 s: far longer than the client waits.
                for (int i = 0; i < 100 && !stop.await(100, TimeUnit.MILLISECONDS); i++) {
                    out.write(' ');
                    out.flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try (TrackerClient client = TrackerClient.open(tracker.url("/announce"), http,
                SETTINGS.withHttpTimeout(Duration.ofMillis(500)))) {
            long start = System.nanoTime();
            TrackerException e = assertThrows(TrackerException.class, () -> client.announce(STARTED));
            assertEquals(tracker.url("/announce") + " did not answer within 500 ms", e.getMessage());
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3), "headers and body share the timeout");
        } finally {
            stop.countDown();
        }
    }

    @Test
    void anAnswerLargerThanTheLimitIsCutAndFails() throws Exception {
        tracker.answer(request -> FakeHttpTracker.Reply.ok("d8:intervali60e5:peers6000:" + "a".repeat(6000) + "e"));
        TrackerSettings small = new TrackerSettings(Duration.ofSeconds(5), Duration.ofSeconds(1), 0, 4096, 2000, "t");
        try (TrackerClient client = TrackerClient.open(tracker.url("/announce"), http, small)) {
            TrackerException e = assertThrows(TrackerException.class, () -> client.announce(STARTED));
            assertEquals(tracker.url("/announce") + " sent more than 4096 bytes", e.getMessage());
        }
    }

    @Test
    void scrapeAsksTheScrapeUrlForEveryHash_BEP48() throws Exception {
        InfoHash other = InfoHash.of(InfoHash.Version.V1, new byte[20]);
        tracker.answer(request -> FakeHttpTracker.Reply.ok("d5:filesd20:" + new String(HttpTrackerUrlTest.HASH.truncated(),
                StandardCharsets.ISO_8859_1) + "d8:completei4e10:downloadedi9e10:incompletei2eeee"));
        Map<InfoHash, ScrapeStats> stats;
        try (TrackerClient client = TrackerClient.open(tracker.url("/x/announce.php?passkey=p"), http, SETTINGS)) {
            stats = client.scrape(List.of(HttpTrackerUrlTest.HASH, other));
        }
        assertEquals(Map.of(HttpTrackerUrlTest.HASH, new ScrapeStats(4, 9, 2)), stats);
        FakeHttpTracker.Request seen = tracker.requests().get(0);
        assertEquals("/x/scrape.php", seen.path());
        assertEquals("p", seen.text("passkey"));
        assertEquals(2, seen.parameters().get("info_hash").size());
    }

    @Test
    void aTrackerWithoutScrapeSaysSo_BEP48() throws Exception {
        try (TrackerClient client = TrackerClient.open(tracker.url("/tracker"), http, SETTINGS)) {
            TrackerException e = assertThrows(TrackerException.class, () -> client.scrape(List.of(HttpTrackerUrlTest.HASH)));
            assertTrue(e.getMessage().endsWith("offers no scrape: its last path component does not start with 'announce' (BEP 48)"));
        }
        assertTrue(tracker.requests().isEmpty());
    }

    @Test
    void anUnreachableTrackerFailsWithoutBeingARefusal() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (TrackerClient client = TrackerClient.open("http://127.0.0.1:" + closedPort + "/announce", http, SETTINGS)) {
            TrackerException e = assertThrows(TrackerException.class, () -> client.announce(STARTED));
            assertFalse(e.refused());
        }
    }

    @Test
    void urlsThatNameNoTrackerAreRefusedWhenOpened() {
        assertEquals("'ftp://t/announce': trackers speak http, https or udp",
                assertThrows(TrackerException.class, () -> TrackerClient.open("ftp://t/announce", http, SETTINGS)).getMessage());
        assertEquals("'http:///announce' has no host",
                assertThrows(TrackerException.class, () -> TrackerClient.open("http:///announce", http, SETTINGS)).getMessage());
        assertEquals("udp://t.example: a UDP tracker URL needs a port",
                assertThrows(TrackerException.class, () -> TrackerClient.open("udp://t.example", http, SETTINGS)).getMessage());
        assertTrue(assertThrows(TrackerException.class, () -> TrackerClient.open("http://a b/", http, SETTINGS))
                .getMessage().startsWith("'http://a b/' is not a URL"));
    }
}
