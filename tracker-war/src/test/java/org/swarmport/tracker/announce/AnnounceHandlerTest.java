package org.swarmport.tracker.announce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.swarmport.tracker.announce.Queries.announce;
import static org.swarmport.tracker.announce.Queries.filled;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.swarmport.clientaddress.ClientAddressResolver;
import org.swarmport.clientaddress.TrustedProxies;
import org.swarmport.peer.bencode.BDecoder;
import org.swarmport.peer.bencode.BDictionary;
import org.swarmport.peer.bencode.BList;
import org.swarmport.tracker.config.TrackerMode;
import org.swarmport.tracker.swarm.OtherPeerCounts;
import org.swarmport.tracker.swarm.SwarmCounts;
import org.swarmport.tracker.swarm.SwarmRegistry;

class AnnounceHandlerTest {

    private static final byte[] REGISTERED = filled(0x11);
    private static final byte[] HYBRID_V2_TRUNCATED = filled(0x22);
    private static final byte[] UNKNOWN = filled(0x33);
    /** Never jitters, so answers are byte-exact. */
    private static final RandomGenerator NO_JITTER = () -> 0L;

    private final SwarmRegistry registry = new SwarmRegistry(SwarmRegistry.Config.DEFAULT);
    /** A catalogue with one v1 torrent and one hybrid whose v2 hash joins the v1 swarm. */
    private final SwarmHashes catalogue = hash -> {
        if (java.util.Arrays.equals(hash, REGISTERED) || java.util.Arrays.equals(hash, HYBRID_V2_TRUNCATED)) {
            return REGISTERED;
        }
        return null;
    };

    private AnnounceHandler handler(TrackerMode mode) {
        return handler(mode, OtherPeerCounts.NONE);
    }

    private AnnounceHandler handler(TrackerMode mode, OtherPeerCounts others) {
        return new AnnounceHandler(new Announcer(registry, new SwarmAdmission(catalogue, mode), others, 1800, 900,
                () -> NO_JITTER), new ClientAddressResolver(TrustedProxies.none()));
    }

    private static BDictionary decode(byte[] answer) throws Exception {
        return (BDictionary) BDecoder.decode(answer);
    }

    private static String text(byte[] answer) {
        return new String(answer, StandardCharsets.ISO_8859_1);
    }

    @Test
    void firstLeecherGetsCountsAndNoPeers_BEP3() {
        byte[] answer = handler(TrackerMode.REGISTERED)
                .announce(announce(REGISTERED, filled('a'), 6881, 1000, "event=started"), "10.0.0.1", List.of());

        assertEquals("d8:completei0e10:downloadedi0e10:incompletei1e8:intervali1800e12:min intervali900e5:peers0:e",
                text(answer));
    }

    @Test
    void secondPeerGetsTheFirstAsSixCompactBytes_BEP23() throws Exception {
        AnnounceHandler handler = handler(TrackerMode.REGISTERED);
        handler.announce(announce(REGISTERED, filled('a'), 6881, 0, "event=started"), "10.0.0.1", List.of());

        BDictionary answer = decode(handler.announce(announce(REGISTERED, filled('b'), 51413, 500, "event=started"),
                "10.0.0.2", List.of()));

        assertArrayEquals(new byte[] {10, 0, 0, 1, 0x1a, (byte) 0xe1}, answer.getString("peers").bytes());
        assertEquals(1, answer.getLong("complete"));
        assertEquals(1, answer.getLong("incomplete"));
    }

    @Test
    void ipv6PeersComeAsEighteenBytesInPeers6_BEP7() throws Exception {
        AnnounceHandler handler = handler(TrackerMode.REGISTERED);
        handler.announce(announce(REGISTERED, filled('a'), 6881, 0, ""), "2001:db8::1", List.of());

        BDictionary answer = decode(handler.announce(announce(REGISTERED, filled('b'), 6882, 5, ""), "10.0.0.2", List.of()));

        byte[] peers6 = answer.getString("peers6").bytes();
        assertEquals(18, peers6.length);
        assertEquals(0x20, peers6[0]);
        assertEquals(0x01, peers6[15]);
        assertEquals(0, answer.getString("peers").length());
    }

    @Test
    void compactZeroAnswersTheDictionaryModelWithoutPeerIds_BEP3() throws Exception {
        AnnounceHandler handler = handler(TrackerMode.REGISTERED);
        handler.announce(announce(REGISTERED, filled('a'), 6881, 0, ""), "10.0.0.1", List.of());
        handler.announce(announce(REGISTERED, filled('c'), 6883, 0, ""), "2001:db8::7", List.of());

        BDictionary answer = decode(handler.announce(announce(REGISTERED, filled('b'), 6882, 5, "compact=0"),
                "10.0.0.2", List.of()));

        BList peers = answer.getList("peers");
        assertEquals(2, peers.size());
        assertEquals("10.0.0.1", peers.getDictionary(0).getString("ip").utf8());
        assertEquals(6881, peers.getDictionary(0).getLong("port"));
        assertEquals("2001:db8:0:0:0:0:0:7", peers.getDictionary(1).getString("ip").utf8());
        assertFalse(peers.getDictionary(0).containsKey("peer id"));
        assertFalse(answer.containsKey("peers6"));
    }

    @Test
    void registeredModeRefusesATorrentOutsideTheCatalogue() {
        byte[] answer = handler(TrackerMode.REGISTERED)
                .announce(announce(UNKNOWN, filled('a'), 6881, 0, ""), "10.0.0.1", List.of());

        assertTrue(AnnounceHandler.isFailure(answer));
        assertEquals("d14:failure reason72:unregistered torrent: this tracker only tracks torrents in its catalogue"
                + "e", text(answer));
        assertTrue(registry.scrape(UNKNOWN).isEmpty(), "a refused announce leaves no swarm behind");
    }

    @Test
    void openModeTracksAnyInfoHash() throws Exception {
        AnnounceHandler handler = handler(TrackerMode.OPEN);
        handler.announce(announce(UNKNOWN, filled('a'), 6881, 0, ""), "10.0.0.1", List.of());

        BDictionary answer = decode(handler.announce(announce(UNKNOWN, filled('b'), 6882, 1, ""), "10.0.0.2", List.of()));

        assertEquals(6, answer.getString("peers").length());
    }

    @Test
    void hybridTorrentsV1AndV2PeersMeetInOneSwarm_BEP52() throws Exception {
        AnnounceHandler handler = handler(TrackerMode.REGISTERED);
        handler.announce(announce(REGISTERED, filled('a'), 6881, 0, ""), "10.0.0.1", List.of());

        BDictionary answer = decode(handler.announce(announce(HYBRID_V2_TRUNCATED, filled('b'), 6882, 1, ""),
                "10.0.0.2", List.of()));

        assertEquals(6, answer.getString("peers").length());
        assertEquals(1, answer.getLong("complete"));
    }

    @Test
    void stoppedPeerIsRemovedAndGetsNoPeers_BEP3() throws Exception {
        AnnounceHandler handler = handler(TrackerMode.REGISTERED);
        handler.announce(announce(REGISTERED, filled('a'), 6881, 0, ""), "10.0.0.1", List.of());
        handler.announce(announce(REGISTERED, filled('b'), 6882, 1, ""), "10.0.0.2", List.of());

        BDictionary answer = decode(handler.announce(announce(REGISTERED, filled('b'), 6882, 1, "event=stopped"),
                "10.0.0.2", List.of()));

        assertEquals(0, answer.getString("peers").length());
        assertEquals(0, registry.scrape(REGISTERED).orElseThrow().leechers());
    }

    @Test
    void intervalIsJitteredDownwardsButNeverBelowMinInterval() throws Exception {
        RandomGenerator most = new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public int nextInt(int bound) {
                return bound - 1;
            }
        };
        AnnounceHandler handler = new AnnounceHandler(new Announcer(registry,
                new SwarmAdmission(catalogue, TrackerMode.REGISTERED), OtherPeerCounts.NONE, 1800, 900, () -> most),
                new ClientAddressResolver(TrustedProxies.none()));

        BDictionary answer = decode(handler.announce(announce(REGISTERED, filled('a'), 6881, 0, ""), "10.0.0.1", List.of()));

        assertEquals(1620, answer.getLong("interval"));
        assertEquals(900, answer.getLong("min interval"));
    }

    @Test
    void badRequestsAnswerAFailureReasonNamingTheProblem() {
        AnnounceHandler handler = handler(TrackerMode.OPEN);
        Map<String, String> reasons = Map.of(
                "", "missing info_hash",
                "info_hash=%00%01&peer_id=x&port=1", "invalid info_hash: must be 20 bytes, got 2",
                announce(REGISTERED, filled('a'), 70000, 0, ""), "invalid port: 70000");

        reasons.forEach((query, reason) -> {
            byte[] answer = handler.announce(query, "10.0.0.1", List.of());
            assertEquals("d14:failure reason" + reason.length() + ":" + reason + "e", text(answer), query);
        });
    }

    @Test
    void browserPeersCountInTheAnswerButAreNeverHandedOut() throws Exception {
        // Two browser seeds and three browser leechers of the same swarm, one of them completed.
        AnnounceHandler handler = handler(TrackerMode.REGISTERED,
                swarm -> java.util.Arrays.equals(swarm, REGISTERED) ? new SwarmCounts(2, 3, 1) : new SwarmCounts(0, 0, 0));
        handler.announce(announce(REGISTERED, filled('a'), 6881, 0, "event=started"), "10.0.0.1", List.of());

        BDictionary answer = decode(handler.announce(announce(HYBRID_V2_TRUNCATED, filled('b'), 6882, 5, "event=started"),
                "10.0.0.2", List.of()));

        assertEquals(3, answer.getLong("complete"), "one registry seed and two browser seeds");
        assertEquals(4, answer.getLong("incomplete"), "the announcing leecher and three browsers");
        assertEquals(1, answer.getLong("downloaded"));
        assertEquals(6, answer.getString("peers").length(), "only the registry's seed has an address to hand out");
    }
}
