package org.swarmport.tracker.udp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.swarmport.tracker.udp.Hex.hex;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.swarmport.tracker.announce.Announcer;
import org.swarmport.tracker.announce.SwarmAdmission;
import org.swarmport.tracker.announce.SwarmHashes;
import org.swarmport.tracker.config.TrackerMode;
import org.swarmport.tracker.stats.TrackerCounters.Protocol;
import org.swarmport.tracker.stats.TrackerCounters;
import org.swarmport.tracker.swarm.OtherPeerCounts;
import org.swarmport.tracker.swarm.SwarmCounts;
import org.swarmport.tracker.swarm.SwarmRegistry;

class UdpTrackerTest {

    static final byte[] REGISTERED = Packets.filled(20, 0x11);
    static final byte[] HYBRID_V2_TRUNCATED = Packets.filled(20, 0x22);
    static final byte[] UNKNOWN = Packets.filled(20, 0x33);
    static final byte[] SEED = {10, 0, 0, 1};
    static final byte[] LEECHER = {10, 0, 0, 2};
    static final byte[] SEED6 = hex("20010db8 00000000 00000000 00000001");
    static final byte[] LEECHER6 = hex("20010db8 00000000 00000000 00000002");
    static final long T0 = 1_764_000_000_000L;
    static final int STARTED = Packets.STARTED;
    static final int STOPPED = Packets.STOPPED;
    /** Never jitters, so answers are byte-exact. */
    private static final RandomGenerator NO_JITTER = () -> 0L;

    /** A catalogue with one v1 torrent and one hybrid whose v2 hash joins the v1 swarm. */
    static final SwarmHashes CATALOGUE = hash ->
            Arrays.equals(hash, REGISTERED) || Arrays.equals(hash, HYBRID_V2_TRUNCATED) ? REGISTERED : null;

    private final SwarmRegistry registry = new SwarmRegistry(SwarmRegistry.Config.DEFAULT);
    private final ConnectionIdIssuer ids = new ConnectionIdIssuer(new Random(7));
    private final TrackerCounters counters = new TrackerCounters();
    private final ByteBuffer out = ByteBuffer.allocateDirect(UdpResponse.IPV6_SAFE_DATAGRAM_BYTES);
    private UdpTracker tracker = tracker(TrackerMode.REGISTERED);

    private UdpTracker tracker(TrackerMode mode) {
        SwarmAdmission admission = new SwarmAdmission(CATALOGUE, mode);
        return new UdpTracker(new Announcer(registry, admission, OtherPeerCounts.NONE, 1800, 900, () -> NO_JITTER),
                admission, registry, OtherPeerCounts.NONE, ids, counters);
    }

    /** The answer's bytes; empty for no answer. */
    private byte[] send(byte[] packet, byte[] address, int port, long now) {
        int n = tracker.answer(packet, packet.length, address, port, now, out);
        assertEquals(n, out.position(), "returned length is the buffer's position");
        byte[] answer = new byte[n];
        out.flip().get(answer);
        return answer;
    }

    private byte[] announce(byte[] infoHash, byte[] address, int port, long left, int event, int numWant) {
        long id = ids.issue(address, port, T0);
        return send(Packets.announce(id, 0x1234, infoHash, Packets.peerId(address, port), left, event, numWant, port),
                address, port, T0);
    }

    @Test
    void connectAnswersActionZeroTheTransactionIdAndAnIdForTheSender_BEP15() {
        byte[] answer = send(Packets.connect(0xCAFEBABE), SEED, 6881, T0);

        assertEquals(16, answer.length);
        assertArrayEquals(hex("00000000 CAFEBABE"), Arrays.copyOf(answer, 8));
        long id = ByteBuffer.wrap(answer).getLong(8);
        assertTrue(ids.isValid(id, SEED, 6881, T0));
    }

    @Test
    void announceAnswersIntervalLeechersSeedersAndSixBytePeersOverIpv4_BEP15() {
        announce(REGISTERED, SEED, 51413, 0, STARTED, -1);

        byte[] answer = announce(REGISTERED, LEECHER, 6881, 1000, STARTED, 10);

        assertArrayEquals(hex("00000001 00001234 00000708 00000001 00000001  0a000001 c8d5"), answer);
    }

    @Test
    void ipv6SenderGetsEighteenBytePeers_BEP15() {
        announce(REGISTERED, SEED, 51413, 0, STARTED, -1);
        announce(REGISTERED, SEED6, 51413, 0, STARTED, -1);

        byte[] answer = announce(REGISTERED, LEECHER6, 6881, 1000, STARTED, -1);

        assertArrayEquals(hex("00000001 00001234 00000708 00000001 00000002  20010db8000000000000000000000001 c8d5"),
                answer, "only the IPv6 seed: BEP 15 answers in the socket's family");
    }

    @Test
    void ipv4MappedSenderOnADualStackSocketIsAnIpv4Peer_BEP15() {
        byte[] mapped = hex("00000000 00000000 0000ffff 0a000001");
        long id = ByteBuffer.wrap(send(Packets.connect(5), mapped, 51413, T0)).getLong(8);
        send(Packets.announce(id, 1, REGISTERED, Packets.peerId(mapped, 51413), 0, STARTED, -1, 51413), mapped, 51413, T0);

        byte[] answer = announce(REGISTERED, LEECHER, 6881, 1000, STARTED, -1);

        assertArrayEquals(hex("0a000001 c8d5"), Arrays.copyOfRange(answer, 20, answer.length));
    }

    @Test
    void hybridTorrentsV2HashJoinsTheV1Swarm_BEP52() {
        announce(REGISTERED, SEED, 51413, 0, STARTED, -1);

        byte[] answer = announce(HYBRID_V2_TRUNCATED, LEECHER, 6881, 1000, STARTED, -1);

        assertArrayEquals(hex("0a000001 c8d5"), Arrays.copyOfRange(answer, 20, answer.length));
    }

    @Test
    void stoppedPeerLeavesAndGetsNoPeers_BEP3() {
        announce(REGISTERED, SEED, 51413, 0, STARTED, -1);
        announce(REGISTERED, LEECHER, 6881, 1000, STARTED, -1);

        byte[] answer = announce(REGISTERED, LEECHER, 6881, 1000, STOPPED, -1);

        assertArrayEquals(hex("00000001 00001234 00000708 00000000 00000001"), answer);
    }

    @Test
    void registeredModeRefusesAnUnknownTorrentWithAnErrorAction_BEP15() {
        byte[] answer = announce(UNKNOWN, LEECHER, 6881, 1000, STARTED, -1);

        assertArrayEquals(Packets.concat(hex("00000003 00001234"),
                "unregistered torrent: this tracker only tracks torrents in its catalogue".getBytes(
                        java.nio.charset.StandardCharsets.US_ASCII)), answer);
    }

    @Test
    void openModeTracksAnyTorrent() {
        tracker = tracker(TrackerMode.OPEN);
        announce(UNKNOWN, SEED, 51413, 0, STARTED, -1);

        byte[] answer = announce(UNKNOWN, LEECHER, 6881, 1000, STARTED, -1);

        assertArrayEquals(hex("0a000001 c8d5"), Arrays.copyOfRange(answer, 20, answer.length));
    }

    @Test
    void portZeroIsRefusedAsOverHttp() {
        byte[] answer = announce(REGISTERED, LEECHER, 0, 1000, STARTED, -1);

        assertArrayEquals(Packets.concat(hex("00000003 00001234"), "invalid port: 0".getBytes(
                java.nio.charset.StandardCharsets.US_ASCII)), answer);
    }

    @Test
    void ipv4AnswerStopsAt200PeersAnd1220Bytes_BEP15() {
        tracker = tracker(TrackerMode.OPEN);
        for (int p = 1; p <= 250; p++) {
            announce(UNKNOWN, new byte[] {10, 1, 0, (byte) p}, 1000 + p, 0, STARTED, 0);
        }

        byte[] answer = announce(UNKNOWN, LEECHER, 6881, 1000, STARTED, 100_000);

        assertEquals(UdpResponse.IPV6_SAFE_DATAGRAM_BYTES, answer.length, "20 + 200 x 6");
    }

    @Test
    void ipv6AnswerStopsAt66PeersWithinTheSafeDatagram_BEP15() {
        tracker = tracker(TrackerMode.OPEN);
        for (int p = 1; p <= 100; p++) {
            byte[] address = SEED6.clone();
            address[15] = (byte) p;
            announce(UNKNOWN, address, 1000 + p, 0, STARTED, 0);
        }

        byte[] answer = announce(UNKNOWN, LEECHER6, 6881, 1000, STARTED, 200);

        assertEquals(20 + 66 * 18, answer.length);
        assertTrue(answer.length <= UdpResponse.IPV6_SAFE_DATAGRAM_BYTES);
    }

    @Test
    void scrapeOf74HashesAnswersEachInRequestOrder_BEP15() {
        announce(REGISTERED, SEED, 51413, 0, STARTED, -1);
        announce(REGISTERED, LEECHER, 6881, 1000, STARTED, -1);
        byte[][] hashes = new byte[74][];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = i == 40 ? REGISTERED : Packets.filled(20, 0x80 + i);
        }
        long id = ids.issue(LEECHER, 6881, T0);

        byte[] answer = send(Packets.scrape(id, 0x77, hashes), LEECHER, 6881, T0);

        assertEquals(8 + 12 * 74, answer.length);
        assertArrayEquals(hex("00000002 00000077"), Arrays.copyOf(answer, 8));
        for (int i = 0; i < 74; i++) {
            byte[] entry = Arrays.copyOfRange(answer, 8 + 12 * i, 20 + 12 * i);
            // seeders, completed, leechers; unregistered hashes answer zeros in registered mode.
            assertArrayEquals(i == 40 ? hex("00000001 00000000 00000001") : new byte[12], entry, "hash " + i);
        }
    }

    @Test
    void scrapeOfMoreThan74HashesIsAnError_BEP15() {
        long id = ids.issue(LEECHER, 6881, T0);
        byte[][] hashes = new byte[75][];
        Arrays.fill(hashes, REGISTERED);

        byte[] answer = send(Packets.scrape(id, 0x77, hashes), LEECHER, 6881, T0);

        assertArrayEquals(Packets.concat(hex("00000003 00000077"), "more than 74 info hashes".getBytes(
                java.nio.charset.StandardCharsets.US_ASCII)), answer);
    }

    @Test
    void forgedConnectionIdGetsSilenceAndChangesNothing_BEP15() {
        byte[] answer = send(Packets.announce(0x0102030405060708L, 1, REGISTERED, Packets.peerId(SEED, 51413), 0, STARTED, -1, 51413),
                SEED, 51413, T0);

        assertEquals(0, answer.length);
        assertTrue(registry.scrape(REGISTERED).isEmpty(), "the forged announce reached the registry");
    }

    @Test
    void idIssuedToAnotherAddressOrPortGetsSilence_BEP15() {
        long id = ids.issue(SEED, 51413, T0);

        byte[] fromLeecher = Packets.announce(id, 1, REGISTERED, Packets.peerId(LEECHER, 51413), 0, STARTED, -1, 51413);
        byte[] fromOtherPort = Packets.announce(id, 1, REGISTERED, Packets.peerId(SEED, 51414), 0, STARTED, -1, 51414);

        assertEquals(0, send(fromLeecher, LEECHER, 51413, T0).length);
        assertEquals(0, send(fromOtherPort, SEED, 51414, T0).length);
        assertEquals(0, send(Packets.scrape(id, 1, REGISTERED), LEECHER, 51413, T0).length);
    }

    @Test
    void idIsAcceptedForAMinuteAndRefusedAfterTwo_BEP15() {
        long id = ids.issue(SEED, 51413, T0);
        byte[] scrape = Packets.scrape(id, 1, REGISTERED);

        assertEquals(20, send(scrape, SEED, 51413, T0 + 60_000).length);
        assertEquals(0, send(scrape, SEED, 51413, T0 + 2 * ConnectionIdIssuer.WINDOW_MILLIS + 1).length);
    }

    @Test
    void malformedRequestIsAnsweredWithAnErrorOnlyAfterAValidId_BEP15() {
        byte[] badEvent = Packets.announce(0x0102030405060708L, 9, REGISTERED, Packets.peerId(SEED, 51413), 0, 7, -1, 51413);

        assertEquals(0, send(badEvent, SEED, 51413, T0).length, "a wrong id: no error, whatever the packet");

        ByteBuffer.wrap(badEvent).putLong(0, ids.issue(SEED, 51413, T0));
        assertArrayEquals(Packets.concat(hex("00000003 00000009"), "unknown event".getBytes(
                java.nio.charset.StandardCharsets.US_ASCII)), send(badEvent, SEED, 51413, T0));
    }

    @Test
    void unknownActionWithAWrongIdGetsSilence_BEP15() {
        byte[] packet = ByteBuffer.allocate(16).putLong(42).putInt(9).putInt(1).array();

        assertEquals(0, send(packet, SEED, 51413, T0).length);
    }

    @Test
    void shortPacketsErrorPacketsAndConnectsWithoutProtocolIdGetSilence_BEP15() {
        long id = ids.issue(SEED, 51413, T0);
        byte[] error = ByteBuffer.allocate(20).putLong(id).putInt(3).putInt(1).putInt(0x41414141).array();
        byte[] connect = ByteBuffer.allocate(16).putLong(id).putInt(0).putInt(1).array();

        assertEquals(0, send(new byte[15], SEED, 51413, T0).length);
        assertEquals(0, send(new byte[0], SEED, 51413, T0).length);
        assertEquals(0, send(error, SEED, 51413, T0).length, "answering an error could loop two trackers");
        assertEquals(0, send(connect, SEED, 51413, T0).length);
    }

    @Test
    void countersCountUdpAnnouncesScrapesAndFailures() {
        announce(REGISTERED, SEED, 51413, 0, STARTED, -1);
        announce(UNKNOWN, SEED, 51413, 0, STARTED, -1);
        send(Packets.scrape(ids.issue(SEED, 51413, T0), 1, REGISTERED), SEED, 51413, T0);
        send(Packets.announce(42, 1, REGISTERED, Packets.peerId(SEED, 51413), 0, STARTED, -1, 51413), SEED, 51413, T0);

        assertEquals(1, counters.announces(Protocol.UDP));
        assertEquals(1, counters.scrapes(Protocol.UDP));
        assertEquals(1, counters.failures(Protocol.UDP), "silence is not a failure answered");
        assertEquals(0, counters.announces(Protocol.HTTP));
    }

    @Test
    void browserPeersCountInAnnounceAndScrapeAnswers_BEP15() {
        SwarmAdmission admission = new SwarmAdmission(CATALOGUE, TrackerMode.REGISTERED);
        OtherPeerCounts browsers = swarm -> Arrays.equals(swarm, REGISTERED) ? new SwarmCounts(2, 3, 4) : new SwarmCounts(0, 0, 0);
        tracker = new UdpTracker(new Announcer(registry, admission, browsers, 1800, 900, () -> NO_JITTER), admission,
                registry, browsers, ids, counters);
        announce(REGISTERED, SEED, 51413, 0, STARTED, -1);

        byte[] answer = announce(REGISTERED, LEECHER, 6881, 1000, STARTED, 10);
        byte[] scrape = send(Packets.scrape(ids.issue(LEECHER, 6881, T0), 0x78, new byte[][] {REGISTERED}),
                LEECHER, 6881, T0);

        assertArrayEquals(hex("00000001 00001234 00000708 00000004 00000003  0a000001 c8d5"), answer,
                "interval, 1 + 3 leechers, 1 + 2 seeders, and only the registry's seed as a peer");
        assertArrayEquals(hex("00000002 00000078  00000003 00000004 00000004"), scrape,
                "seeders 1 + 2, completed 0 + 4, leechers 1 + 3");
    }
}
