package org.swarmport.peer.tracker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.abort;

import java.net.InetAddress;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.swarmport.peer.metainfo.InfoHash;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class UdpTrackerClientTest {

    private static final Duration BASE = Duration.ofMillis(50);
    private static final TrackerSettings SETTINGS = TrackerSettings.DEFAULT.withUdpTiming(BASE, 3);
    private static final AnnounceRequest REQUEST = new AnnounceRequest(HttpTrackerUrlTest.HASH,
            HttpTrackerUrlTest.PEER_ID, 6881, 1, 2, 3, AnnounceEvent.STARTED, 50, 99);

    private FakeUdpTracker tracker;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        tracker = new FakeUdpTracker();
    }

    @AfterEach
    void stop() throws Exception {
        tracker.close();
    }

    @Test
    void connectsThenAnnouncesWithTheConnectionId_BEP15() throws Exception {
        AnnounceResponse response;
        try (TrackerClient client = open("/announce?passkey=k")) {
            response = client.announce(REQUEST);
        }
        assertEquals(Duration.ofSeconds(1200), response.interval());
        assertEquals(List.of(HttpTrackerResponseTest.peer("10.1.2.3", 6881)), response.peers());
        assertEquals(6, response.seeders().getAsInt());
        assertEquals(5, response.leechers().getAsInt());
        List<FakeUdpTracker.Received> packets = tracker.received();
        assertEquals(2, packets.size());
        assertEquals(UdpTrackerPacket.ACTION_CONNECT, packets.get(0).action());
        FakeUdpTracker.Received announce = packets.get(1);
        assertEquals(UdpTrackerPacket.ACTION_ANNOUNCE, announce.action());
        assertEquals(FakeUdpTracker.CONNECTION_ID, announce.connectionId());
        byte[] options = Arrays.copyOfRange(announce.data(), 98, announce.data().length);
        byte[] url = "/announce?passkey=k".getBytes(StandardCharsets.US_ASCII);
        assertEquals(2, options[0], "BEP 41 URL data");
        assertEquals(url.length, options[1]);
        assertArrayEquals(url, Arrays.copyOfRange(options, 2, 2 + url.length));
    }

    @Test
    void theConnectionIdIsReusedWithinAMinute_BEP15() throws Exception {
        try (TrackerClient client = open("")) {
            client.announce(REQUEST);
            client.announce(REQUEST.with(AnnounceEvent.NONE, 50));
            client.scrape(List.of(HttpTrackerUrlTest.HASH));
        }
        assertEquals(1, tracker.count(UdpTrackerPacket.ACTION_CONNECT));
        assertEquals(2, tracker.count(UdpTrackerPacket.ACTION_ANNOUNCE));
        assertEquals(1, tracker.count(UdpTrackerPacket.ACTION_SCRAPE));
    }

    @Test
    void anExpiredConnectionIdIsFetchedAgain_BEP15() throws Exception {
        AtomicLong now = new AtomicLong();
        try (TrackerClient client = new UdpTrackerClient(URI.create(tracker.url("")), SETTINGS, now::get)) {
            client.announce(REQUEST);
            now.addAndGet(UdpTrackerClient.CONNECTION_ID_LIFETIME.toNanos() - 1);
            client.announce(REQUEST);
            assertEquals(1, tracker.count(UdpTrackerPacket.ACTION_CONNECT), "still valid just before a minute");
            now.addAndGet(1);
            client.announce(REQUEST);
        }
        assertEquals(2, tracker.count(UdpTrackerPacket.ACTION_CONNECT), "a minute old: connect again");
        assertEquals(3, tracker.count(UdpTrackerPacket.ACTION_ANNOUNCE));
    }

    @Test
    void lostPacketsAreSentAgainAfterADoublingTimeout_BEP15() throws Exception {
        tracker.handle((packet, index) -> index < 2 ? List.of() : List.of(FakeUdpTracker.standard(packet)));
        try (TrackerClient client = open("")) {
            client.announce(REQUEST);
        }
        List<FakeUdpTracker.Received> packets = tracker.received();
        assertEquals(4, packets.size(), "three connects, one announce");
        long first = packets.get(1).nanos() - packets.get(0).nanos();
        long second = packets.get(2).nanos() - packets.get(1).nanos();
        // Arrival times at the tracker: a millisecond of jitter either way.
        assertTrue(first >= BASE.toNanos() * 9 / 10, "first retry after " + first / 1e6 + " ms");
        assertTrue(second >= 2 * BASE.toNanos() * 9 / 10 && second > first * 3 / 2,
                "second retry after " + second / 1e6 + " ms, twice the first (" + first / 1e6 + " ms)");
    }

    @Test
    void aTrackerThatNeverAnswersFailsAfterTheLastRetry_BEP15() throws Exception {
        tracker.handle((packet, index) -> List.of());
        try (TrackerClient client = open("")) {
            long start = System.nanoTime();
            TrackerException e = assertThrows(TrackerException.class, () -> client.announce(REQUEST));
            long elapsed = System.nanoTime() - start;
            assertEquals(tracker.url("") + " did not answer after 4 attempts", e.getMessage());
            assertFalse(e.refused());
            assertTrue(elapsed >= BASE.toNanos() * 15, "waited 50+100+200+400 ms, not " + elapsed / 1e6);
        }
        assertEquals(4, tracker.count(UdpTrackerPacket.ACTION_CONNECT));
    }

    @Test
    void anErrorActionIsTheTrackersRefusal_BEP15() throws Exception {
        tracker.handle((packet, index) -> List.of(packet.action() == UdpTrackerPacket.ACTION_ANNOUNCE
                ? FakeUdpTracker.error(packet, "torrent not registered") : FakeUdpTracker.standard(packet)));
        try (TrackerClient client = open("")) {
            TrackerException e = assertThrows(TrackerException.class, () -> client.announce(REQUEST));
            assertTrue(e.refused());
            assertEquals("tracker refused: torrent not registered", e.getMessage());
        }
    }

    @Test
    void answersToOtherTransactionsAndStrayGarbageAreIgnored_BEP15() throws Exception {
        tracker.handle((packet, index) -> {
            byte[] right = FakeUdpTracker.standard(packet);
            byte[] wrong = right.clone();
            ByteBuffer.wrap(wrong).putInt(4, packet.transactionId() + 1);
            return List.of(wrong, new byte[] {1, 2, 3}, right);
        });
        try (TrackerClient client = open("")) {
            assertEquals(1, client.announce(REQUEST).peers().size());
        }
        assertEquals(2, tracker.received().size(), "no retransmission was needed");
    }

    @Test
    void aMalformedAnswerToOurTransactionFails() throws Exception {
        tracker.handle((packet, index) -> packet.action() == UdpTrackerPacket.ACTION_CONNECT
                ? List.of(FakeUdpTracker.standard(packet))
                : List.of(ByteBuffer.allocate(23).putInt(1).putInt(packet.transactionId()).putInt(60).array()));
        try (TrackerClient client = open("")) {
            TrackerException e = assertThrows(TrackerException.class, () -> client.announce(REQUEST));
            assertEquals("UDP tracker announce answer: 3 bytes are not a whole number of 6-byte IPv4 peers", e.getMessage());
        }
    }

    @Test
    void scrapeMapsTheAnswersToTheHashesInOrder_BEP15() throws Exception {
        InfoHash other = InfoHash.of(InfoHash.Version.V1, new byte[20]);
        Map<InfoHash, ScrapeStats> stats;
        try (TrackerClient client = open("")) {
            stats = client.scrape(List.of(HttpTrackerUrlTest.HASH, other));
        }
        assertEquals(Map.of(HttpTrackerUrlTest.HASH, new ScrapeStats(1, 2, 3), other, new ScrapeStats(1, 2, 3)), stats);
    }

    @Test
    void aTrackerReachedOverIpv6AnswersEighteenBytePeers_BEP15() throws Exception {
        FakeUdpTracker v6;
        try {
            v6 = new FakeUdpTracker(InetAddress.getByName("::1"));
        } catch (SocketException noIpv6) {
            abort("no IPv6 loopback here: " + noIpv6.getMessage());
            return;
        }
        byte[] peer = new byte[18];
        peer[15] = 1;
        peer[16] = 0x1a;
        peer[17] = (byte) 0xe1;
        v6.handle((packet, index) -> List.of(packet.action() != UdpTrackerPacket.ACTION_ANNOUNCE
                ? FakeUdpTracker.standard(packet)
                : ByteBuffer.allocate(38).putInt(1).putInt(packet.transactionId()).putInt(60).putInt(0).putInt(1)
                        .put(peer).array()));
        try (v6; TrackerClient client = TrackerClient.open(v6.url("/announce"), http, SETTINGS)) {
            assertEquals(List.of(HttpTrackerResponseTest.peer("::1", 6881)), client.announce(REQUEST).peers());
        }
    }

    @Test
    void aClosedClientRefusesToAnnounce() throws Exception {
        TrackerClient client = open("");
        client.close();
        assertEquals("client of " + tracker.url("") + " is closed",
                assertThrows(TrackerException.class, () -> client.announce(REQUEST)).getMessage());
    }

    private TrackerClient open(String path) throws TrackerException {
        return TrackerClient.open(tracker.url(path), http, SETTINGS);
    }
}
