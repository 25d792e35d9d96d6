package org.swarmport.tracker.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.swarmport.tracker.announce.SwarmHashes;
import org.swarmport.tracker.config.TrackerMode;
import org.swarmport.tracker.stats.TrackerCounters;
import org.swarmport.tracker.stats.TrackerCounters.Protocol;
import org.swarmport.tracker.swarm.AnnounceEvent;
import org.swarmport.tracker.swarm.PeerBuffer;
import org.swarmport.tracker.swarm.SwarmRegistry;

/**
 * The WebTorrent tracker's behaviour with bittorrent-tracker's message shapes
 * (server.js {@code _onWebSocketRequest}), and with hostile peers.
 */
class WsTrackerTest {

    private static final String TORRENT = Binary.of(1);
    private static final String OTHER_TORRENT = Binary.of(2);

    private final Map<String, byte[]> catalogue = new HashMap<>();
    private final SwarmHashes hashes = hash -> catalogue.get(HexFormat.of().formatHex(hash));
    private final SignallingSwarms browsers = new SignallingSwarms();
    private final SwarmRegistry registry = new SwarmRegistry(SwarmRegistry.Config.DEFAULT);
    private final TrackerCounters counters = new TrackerCounters();
    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final SplittableRandom random = new SplittableRandom(7);

    private WsTracker tracker(TrackerMode mode) {
        return new WsTracker(browsers, registry, hashes, mode, counters, WsLimits.DEFAULT, clock::get, () -> random);
    }

    private final WsTracker open = tracker(TrackerMode.OPEN);

    private WsConnection peer() {
        return new WsConnection(new RecordingSocket());
    }

    /** A peer that announced (without offers) and whose announce answer was read. */
    private WsConnection joined(String torrent, int peerId, long left) {
        WsConnection connection = peer();
        open.onMessage(connection, Messages.withOffers(torrent, Binary.of(peerId), left, 0));
        socket(connection).take();
        return connection;
    }

    private static RecordingSocket socket(WsConnection connection) {
        return (RecordingSocket) connection.socket();
    }

    @Test
    void announceIsAnsweredWithIntervalCountsAndItsInfoHash() {
        WsConnection a = peer();
        open.onMessage(a, Messages.withOffers(TORRENT, Binary.of(10), 100, 0));
        JsonObject answer = socket(a).take().get(0);
        assertEquals("announce", answer.getString("action"));
        assertEquals(TORRENT, answer.getString("info_hash"));
        assertEquals(WsTracker.INTERVAL_SECONDS, answer.getInt("interval"));
        assertEquals(0, answer.getInt("complete"));
        assertEquals(1, answer.getInt("incomplete"));
        assertEquals(1, counters.announces(Protocol.WEBSOCKET));
    }

    @Test
    void offersGoToOtherPeersOfTheSwarmNeverToTheSender() {
        WsConnection seeder = joined(TORRENT, 10, 0);
        WsConnection elsewhere = joined(OTHER_TORRENT, 12, 100);
        WsConnection leecher = peer();
        open.onMessage(leecher, Messages.withOffers(TORRENT, Binary.of(11), 100, 5));

        List<JsonObject> atSeeder = socket(seeder).take();
        assertEquals(1, atSeeder.size(), "one offer: " + atSeeder);
        JsonObject offer = atSeeder.get(0);
        assertEquals(Binary.of(11), offer.getString("peer_id"));
        assertEquals(TORRENT, offer.getString("info_hash"));
        assertEquals("offer", offer.getJsonObject("offer").getString("type"));
        assertTrue(offer.getJsonObject("offer").getString("sdp").startsWith("v=0 offer"));
        assertEquals(1, socket(leecher).take().size(), "only its announce answer");
        assertEquals(List.of(), socket(elsewhere).take(), "another swarm hears nothing");
    }

    @Test
    void eachPeerGetsOneOfferAndNoMoreThanTheLimit() {
        List<WsConnection> others = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            others.add(joined(TORRENT, 100 + i, 100));
        }
        open.onMessage(peer(), Messages.withOffers(TORRENT, Binary.of(10), 100, 500));
        int offered = 0;
        for (WsConnection other : others) {
            int got = socket(other).take().size();
            assertTrue(got <= 1, "one offer per peer at most");
            offered += got;
        }
        assertEquals(WsLimits.DEFAULT.maxOffers(), offered);
    }

    @Test
    void aSeedersOffersGoToLeechersOnly() {
        WsConnection otherSeeder = joined(TORRENT, 10, 0);
        open.onMessage(peer(), Messages.withOffers(TORRENT, Binary.of(11), 0, 5));
        assertEquals(List.of(), socket(otherSeeder).take());
    }

    @Test
    void answerReachesTheOfferingPeerOnly() {
        WsConnection answering = joined(TORRENT, 11, 0);
        WsConnection bystander = joined(TORRENT, 12, 0);
        WsConnection offering = joined(TORRENT, 10, 100);
        open.onMessage(offering, Messages.withOffers(TORRENT, Binary.of(10), 100, 1));
        socket(offering).take();
        socket(bystander).take();
        socket(answering).take();

        open.onMessage(answering, Messages.answer(TORRENT, Binary.of(11), Binary.of(10), Binary.of(1000)));
        List<JsonObject> atOffering = socket(offering).take();
        assertEquals(1, atOffering.size());
        assertEquals(Binary.of(11), atOffering.get(0).getString("peer_id"));
        assertEquals(Binary.of(1000), atOffering.get(0).getString("offer_id"));
        assertEquals("answer", atOffering.get(0).getJsonObject("answer").getString("type"));
        assertEquals(List.of(), socket(answering).take(), "nothing back to the answerer, as bittorrent-tracker");
        assertEquals(List.of(), socket(bystander).take());
    }

    @Test
    void answerToAPeerInAnotherSwarmIsRefused() {
        WsConnection there = joined(OTHER_TORRENT, 10, 100);
        WsConnection here = joined(TORRENT, 11, 0);

        open.onMessage(here, Messages.answer(TORRENT, Binary.of(11), Binary.of(10), Binary.of(1000)));
        assertEquals(List.of(), socket(there).take());
        JsonObject failure = socket(here).take().get(0);
        assertEquals("no peer with that to_peer_id in this swarm", failure.getString("failure reason"));
        assertEquals(TORRENT, failure.getString("info_hash"));
        assertEquals(1, counters.failures(Protocol.WEBSOCKET));
    }

    @Test
    void answerFromASocketThatNeverAnnouncedIsRefused() {
        WsConnection offering = joined(TORRENT, 10, 100);
        WsConnection stranger = peer();
        open.onMessage(stranger, Messages.answer(TORRENT, Binary.of(11), Binary.of(10), Binary.of(1000)));
        assertEquals(List.of(), socket(offering).take());
        assertTrue(socket(stranger).take().get(0).getString("failure reason").startsWith("announce before answering"));
    }

    @Test
    void anotherSocketCannotTakeOverAPeerId() {
        WsConnection owner = peer();
        open.onMessage(owner, Messages.withOffers(TORRENT, Binary.of(10), 100, 0));
        WsConnection thief = peer();
        open.onMessage(thief, Messages.withOffers(TORRENT, Binary.of(10), 100, 0));
        assertTrue(socket(thief).take().get(0).getString("failure reason").startsWith("peer_id is already in this swarm"));
        assertEquals(1, browsers.counts(Binary.bytes(1)).leechers());
    }

    @Test
    void stoppedAndClosingTheSocketRemoveThePeer() {
        WsConnection a = peer();
        WsConnection b = peer();
        open.onMessage(a, Messages.withOffers(TORRENT, Binary.of(10), 100, 0));
        open.onMessage(a, Messages.withOffers(OTHER_TORRENT, Binary.of(10), 100, 0));
        open.onMessage(b, Messages.withOffers(TORRENT, Binary.of(11), 0, 0));
        open.onMessage(b, Messages.announce(TORRENT, Binary.of(11)).add("event", "stopped").build().toString());
        assertEquals(0, browsers.counts(Binary.bytes(1)).seeders());
        assertEquals(1, browsers.counts(Binary.bytes(1)).leechers());

        open.onClose(a);
        assertEquals(0, browsers.counts(Binary.bytes(1)).leechers());
        assertEquals(0, browsers.counts(Binary.bytes(2)).leechers());
    }

    @Test
    void completedIsCountedOncePerPeer() {
        WsConnection a = peer();
        open.onMessage(a, Messages.withOffers(TORRENT, Binary.of(10), 100, 0));
        String completed = Messages.announce(TORRENT, Binary.of(10)).add("left", 0).add("event", "completed")
                .build().toString();
        open.onMessage(a, completed);
        open.onMessage(a, completed);
        assertEquals(1, browsers.counts(Binary.bytes(1)).completed());
        assertEquals(1, browsers.counts(Binary.bytes(1)).seeders());
    }

    @Test
    void countsAddTheRegistrysHttpAndUdpPeers() {
        registry.announce(Binary.bytes(1), 42, new byte[] {127, 0, 0, 1}, 6881, true, AnnounceEvent.STARTED,
                SwarmRegistry.currentMinute(), (PeerBuffer) null, null);
        WsConnection a = peer();
        open.onMessage(a, Messages.withOffers(TORRENT, Binary.of(10), 100, 0));
        JsonObject answer = socket(a).take().get(0);
        assertEquals(1, answer.getInt("complete"));
        assertEquals(1, answer.getInt("incomplete"));

        open.onMessage(a, "{\"action\":\"scrape\",\"info_hash\":" + WsRequestParser.JSON.createValue(TORRENT) + "}");
        JsonObject files = socket(a).take().get(0).getJsonObject("files");
        assertEquals(1, files.getJsonObject(TORRENT).getInt("complete"));
        assertEquals(1, files.getJsonObject(TORRENT).getInt("incomplete"));
        assertEquals(1, counters.scrapes(Protocol.WEBSOCKET));
    }

    @Test
    void registeredModeRefusesTorrentsOutsideTheCatalogue() {
        WsTracker registered = tracker(TrackerMode.REGISTERED);
        WsConnection a = peer();
        registered.onMessage(a, Messages.withOffers(TORRENT, Binary.of(10), 100, 0));
        JsonObject failure = socket(a).take().get(0);
        assertEquals("announce", failure.getString("action"));
        assertTrue(failure.getString("failure reason").startsWith("unregistered torrent"));
        assertEquals(0, browsers.counts(Binary.bytes(1)).leechers());

        registered.onMessage(a, "{\"action\":\"scrape\",\"info_hash\":" + WsRequestParser.JSON.createValue(TORRENT) + "}");
        assertEquals(0, socket(a).take().get(0).getJsonObject("files").size(), "left out, as BEP 48 allows");
    }

    @Test
    void hybridTorrentsV2PeersMeetV1PeersUnderTheirOwnInfoHash_BEP52() {
        byte[] v1 = Binary.bytes(1);
        catalogue.put(HexFormat.of().formatHex(v1), v1);
        catalogue.put(HexFormat.of().formatHex(Binary.bytes(3)), v1);
        WsTracker registered = tracker(TrackerMode.REGISTERED);
        WsConnection v1Peer = peer();
        WsConnection v2Peer = peer();
        registered.onMessage(v1Peer, Messages.withOffers(Binary.of(1), Binary.of(10), 0, 0));
        socket(v1Peer).take();
        registered.onMessage(v2Peer, Messages.withOffers(Binary.of(3), Binary.of(11), 100, 1));
        JsonObject offer = socket(v1Peer).take().get(0);
        assertEquals(Binary.of(1), offer.getString("info_hash"), "the client drops messages for other hashes");
        JsonObject answered = socket(v2Peer).take().get(0);
        assertEquals(Binary.of(3), answered.getString("info_hash"));
        assertEquals(1, answered.getInt("complete"));
    }

    @Test
    void oneSocketJoinsAtMostTheLimitOfSwarms() {
        WsConnection greedy = peer();
        for (int i = 0; i < WsLimits.DEFAULT.maxSwarmsPerConnection(); i++) {
            open.onMessage(greedy, Messages.withOffers(Binary.of(2000 + i), Binary.of(10), 100, 0));
        }
        assertFalse(socket(greedy).take().stream().anyMatch(m -> m.containsKey("failure reason")));
        open.onMessage(greedy, Messages.withOffers(Binary.of(5000), Binary.of(10), 100, 0));
        assertTrue(socket(greedy).take().get(0).getString("failure reason").startsWith("too many torrents"));
    }

    @Test
    void unreadableMessagesGetOnlyAFailureReason() {
        WsConnection a = peer();
        open.onMessage(a, "{\"action\":\"announce\",\"info_hash\":[]}");
        JsonObject failure = socket(a).take().get(0);
        assertEquals(1, failure.size(), failure.toString());
        assertTrue(failure.getString("failure reason").startsWith("invalid info_hash"));
    }

    @Test
    void silentPeersWithOpenSocketsExpire() {
        WsConnection a = peer();
        open.onMessage(a, Messages.withOffers(TORRENT, Binary.of(10), 100, 0));
        clock.addAndGet(WsLimits.DEFAULT.idleTimeout().plus(Duration.ofSeconds(1)).toMillis());
        WsConnection b = peer();
        open.onMessage(b, Messages.withOffers(TORRENT, Binary.of(11), 100, 0));
        assertEquals(1, open.expire());
        assertEquals(1, browsers.counts(Binary.bytes(1)).leechers());
    }
}
