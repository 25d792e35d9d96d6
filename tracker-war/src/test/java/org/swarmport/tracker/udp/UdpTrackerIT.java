package org.swarmport.tracker.udp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
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
import org.swarmport.tracker.TrackerDeployment;
import org.swarmport.tracker.catalogue.KnownTorrents;
import org.swarmport.tracker.catalogue.Torrent;

/**
 * The UDP tracker in the deployed war (BEP 15), in the default registered mode, on its
 * default port: real datagrams from this JVM to {@code udp://127.0.0.1:6969}.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UdpTrackerIT {

    private static final byte[] INFO_HASH = HexFormat.of().parseHex("0dd5ca1ab1e0dd5ca1ab1e0dd5ca1ab1e0dd5ca1");
    private static final byte[] UNREGISTERED = HexFormat.of().parseHex("00000000000000000000000000000000000000fe");
    private static final InetSocketAddress TRACKER = new InetSocketAddress(InetAddress.getLoopbackAddress(),
            Integer.getInteger("swarmport.udp.port", 6969));
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Deployment
    static WebArchive deployment() {
        return TrackerDeployment.war().addClasses(UdpTrackerIT.class, Packets.class);
    }

    @PersistenceContext(unitName = "tracker")
    EntityManager em;

    @Inject
    UserTransaction tx;

    @Inject
    KnownTorrents knownTorrents;

    private void removeTorrent() throws Exception {
        tx.begin();
        em.createQuery("delete from Torrent t where t.swarmHash = :hash")
                .setParameter("hash", HexFormat.of().formatHex(INFO_HASH)).executeUpdate();
        tx.commit();
    }

    /** A client socket on loopback; every exchange waits at most 5 s for its answer. */
    private static DatagramSocket client() throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setSoTimeout(5_000);
        return socket;
    }

    /** Sends one request and returns the first answer, which must carry its transaction id. */
    private static byte[] exchange(DatagramSocket client, byte[] request) throws IOException {
        client.send(new DatagramPacket(request, request.length, TRACKER));
        byte[] buffer = new byte[2048];
        DatagramPacket answer = new DatagramPacket(buffer, buffer.length);
        client.receive(answer);
        byte[] bytes = Arrays.copyOf(buffer, answer.getLength());
        assertTrue(bytes.length >= 8, "answer of " + bytes.length + " bytes");
        assertEquals(ByteBuffer.wrap(request).getInt(12), ByteBuffer.wrap(bytes).getInt(4),
                "an answer to another request arrived: " + HexFormat.of().formatHex(bytes));
        return bytes;
    }

    private static long connect(DatagramSocket client) throws IOException {
        byte[] answer = exchange(client, Packets.connect(0xC0FFEE));
        assertEquals(16, answer.length);
        assertEquals(0, ByteBuffer.wrap(answer).getInt(0), "action connect");
        return ByteBuffer.wrap(answer).getLong(8);
    }

    private static byte[] announce(DatagramSocket client, byte[] infoHash, long left, int event) throws IOException {
        long id = connect(client);
        byte[] peerId = Packets.peerId(client.getLocalAddress().getAddress(), client.getLocalPort());
        return exchange(client, Packets.announce(id, 0xA11, infoHash, peerId, left, event, -1,
                client.getLocalPort()));
    }

    private static String get(URL base, String path) throws Exception {
        return new String(HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body(), StandardCharsets.UTF_8);
    }

    @Test
    @Order(1)
    void registerTheTorrent() throws Exception {
        removeTorrent();
        tx.begin();
        em.persist(new Torrent(HexFormat.of().formatHex(INFO_HASH), null, "UdpTrackerIT", 1 << 20,
                OffsetDateTime.now(ZoneOffset.UTC)));
        tx.commit();
        assertTrue(knownTorrents.refresh());
    }

    @Test
    @Order(2)
    @RunAsClient
    void peersFindEachOtherThroughTheUdpTracker_BEP15() throws Exception {
        try (DatagramSocket seed = client(); DatagramSocket leecher = client()) {
            byte[] seedAnswer = announce(seed, INFO_HASH, 0, Packets.STARTED);
            assertEquals(20, seedAnswer.length, "no one else in the swarm yet");
            assertEquals(1, ByteBuffer.wrap(seedAnswer).getInt(0), "action announce");

            byte[] answer = announce(leecher, INFO_HASH, 1000, Packets.STARTED);

            ByteBuffer fields = ByteBuffer.wrap(answer);
            int interval = fields.getInt(8);
            assertTrue(interval >= 900 && interval <= 1800, "jittered interval " + interval);
            assertEquals(1, fields.getInt(12), "leechers");
            assertEquals(1, fields.getInt(16), "seeders");
            byte[] seedPeer = ByteBuffer.allocate(6).put(InetAddress.getLoopbackAddress().getAddress())
                    .putShort((short) seed.getLocalPort()).array();
            assertArrayEquals(seedPeer, Arrays.copyOfRange(answer, 20, answer.length));
        }
    }

    @Test
    @Order(3)
    @RunAsClient
    void scrapeAnswersEveryHashInOrder_BEP15() throws Exception {
        try (DatagramSocket client = client()) {
            byte[] answer = exchange(client, Packets.scrape(connect(client), 0x5C, UNREGISTERED, INFO_HASH));

            assertArrayEquals(HexFormat.of().parseHex("00000002 0000005c 000000000000000000000000 000000010000000000000001"
                    .replace(" ", "")), answer, "unregistered: zeros; registered: 1 seeder, 0 completed, 1 leecher");
        }
    }

    @Test
    @Order(4)
    @RunAsClient
    void refusalsAreErrorActionsOnlyForTheClientThatConnected_BEP15() throws Exception {
        try (DatagramSocket client = client()) {
            byte[] unregistered = announce(client, UNREGISTERED, 0, Packets.STARTED);
            assertEquals(3, ByteBuffer.wrap(unregistered).getInt(0), "action error");
            assertEquals("unregistered torrent: this tracker only tracks torrents in its catalogue",
                    new String(unregistered, 8, unregistered.length - 8, StandardCharsets.US_ASCII));

            byte[][] hashes = new byte[75][];
            Arrays.fill(hashes, INFO_HASH);
            byte[] tooMany = exchange(client, Packets.scrape(connect(client), 0x75, hashes));
            assertEquals("more than 74 info hashes", new String(tooMany, 8, tooMany.length - 8, StandardCharsets.US_ASCII));
        }
    }

    @Test
    @Order(5)
    @RunAsClient
    void garbageAndForgedIdsGetSilenceAndTheTrackerCarriesOn_BEP15() throws Exception {
        SplittableRandom random = new SplittableRandom(15);
        try (DatagramSocket client = client()) {
            long forgedId = connect(client) ^ 1;
            for (int i = 0; i < 200; i++) {
                byte[] garbage = new byte[random.nextInt(300)];
                random.nextBytes(garbage);
                client.send(new DatagramPacket(garbage, garbage.length, TRACKER));
            }
            byte[] forged = Packets.announce(forgedId, 0xF0, INFO_HASH, Packets.filled(20, 'f'), 0,
                    Packets.STARTED, -1, 7000);
            byte[] badEvent = Packets.announce(forgedId, 0xF1, INFO_HASH, Packets.filled(20, 'f'), 0,
                    9, -1, 7000);
            client.send(new DatagramPacket(forged, forged.length, TRACKER));
            client.send(new DatagramPacket(badEvent, badEvent.length, TRACKER));

            // Any answer to the packets above would arrive here, ahead of or between these
            // answers, and fail exchange's transaction id check.
            for (int i = 0; i < 5; i++) {
                exchange(client, Packets.scrape(connect(client), 0x100 + i, INFO_HASH));
            }
        }
    }

    @Test
    @Order(6)
    @RunAsClient
    void metricsAndStatsCountUdp(@ArquillianResource URL base) throws Exception {
        String metrics = get(base, "metrics");
        for (String counter : new String[] {"announces", "scrapes", "failures"}) {
            assertTrue(metrics.matches("(?s).*swarmport_tracker_" + counter + "_total\\{protocol=\"udp\"} [1-9].*"),
                    counter + ":\n" + metrics);
        }
        assertTrue(metrics.contains("swarmport_tracker_announces_total{protocol=\"http\"} 0"), metrics);

        // Only UDP announced in this deployment, so a rate above zero is UDP's. The rate is
        // sampled every 5 s; poll until two samples exist.
        Pattern rate = Pattern.compile("\"announcesPerSecond\":([0-9.]+)");
        long deadline = System.nanoTime() + 30_000_000_000L;
        String stats = "";
        while (System.nanoTime() < deadline) {
            try (DatagramSocket client = client()) {
                announce(client, INFO_HASH, 1, Packets.STARTED);
            }
            stats = get(base, "api/v1/stats");
            Matcher m = rate.matcher(stats);
            if (m.find() && Double.parseDouble(m.group(1)) > 0) {
                return;
            }
            Thread.onSpinWait();
        }
        fail("announcesPerSecond stayed 0 with UDP announces only: " + stats);
    }

    @Test
    @Order(7)
    void removeTheTorrent() throws Exception {
        removeTorrent();
        knownTorrents.refresh();
    }
}
