package org.swarmport.peer.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.swarmport.peer.metainfo.MerkleTree;
import org.swarmport.peer.metainfo.PieceLayerProof;
import org.swarmport.peer.metainfo.PiecesRoot;
import org.swarmport.peer.wire.PeerMessage;

/** Fetching a magnet's piece layers from peers (BEP 52), with a hand-moved clock. */
class PieceLayerFetchTest {

    private static final long PIECE = 32 * 1024;

    private final Map<PiecesRoot, byte[]> layers = new LinkedHashMap<>();
    private final Map<PiecesRoot, Integer> pieces = new LinkedHashMap<>();

    PieceLayerFetchTest() {
        Random random = new Random(52);
        for (int count : new int[] {1300, 3}) {
            byte[] layer = new byte[count * 32];
            random.nextBytes(layer);
            PiecesRoot root = PiecesRoot.of(MerkleTree.rootFromPieceLayer(layer, PIECE));
            layers.put(root, layer);
            pieces.put(root, count);
        }
    }

    private PeerMessage.HashMessage answer(PeerMessage.HashMessage request) {
        byte[] layer = layers.get(PiecesRoot.of(request.piecesRoot()));
        return request.answer(PieceLayerProof.answer(layer, PIECE, request.index(), request.length(),
                request.proofLayers()).orElseThrow());
    }

    private static List<PeerMessage.HashMessage> drain(PieceLayerFetch<String> fetch, String peer, long now) {
        List<PeerMessage.HashMessage> asked = new ArrayList<>();
        for (Optional<PeerMessage.HashMessage> next = fetch.next(peer, now); next.isPresent(); next = fetch.next(peer, now)) {
            asked.add(next.get());
        }
        return asked;
    }

    @Test
    void twoPeersFetchEveryChunkOnceAndTheLayersAreWhole_BEP52() {
        PieceLayerFetch<String> fetch = new PieceLayerFetch<>(pieces, PIECE);
        List<PeerMessage.HashMessage> a = drain(fetch, "a", 0);
        List<PeerMessage.HashMessage> b = drain(fetch, "b", 0);
        assertEquals(PieceLayerFetch.PER_PEER, a.size());
        assertEquals(0, b.size(), "1300 pieces are 3 chunks, 3 pieces one: all four went to the first peer");
        assertEquals(1, a.get(0).baseLayer(), "a 32 KiB piece is two 16 KiB leaves: its layer is one above them");
        for (PeerMessage.HashMessage request : a) {
            assertEquals(PieceLayerFetch.Outcome.ACCEPTED, fetch.accept("a", answer(request)));
        }
        assertTrue(fetch.isComplete());
        for (Map.Entry<PiecesRoot, byte[]> layer : layers.entrySet()) {
            assertArrayEquals(layer.getValue(), fetch.layers().get(layer.getKey()));
        }
    }

    @Test
    void hashesThatDoNotProveAreInvalidAndTheChunkIsAskedAgain_BEP52() {
        PieceLayerFetch<String> fetch = new PieceLayerFetch<>(pieces, PIECE);
        PeerMessage.HashMessage request = fetch.next("a", 0).orElseThrow();
        byte[] forged = answer(request).hashes();
        forged[40] ^= 1;
        assertEquals(PieceLayerFetch.Outcome.INVALID, fetch.accept("a", request.answer(forged)));
        assertFalse(fetch.isComplete());
        assertTrue(drain(fetch, "b", 0).stream().anyMatch(request::sameRange), "the chunk went to another peer");
    }

    @Test
    void answersToNothingAskedAreIgnored_BEP52() {
        PieceLayerFetch<String> fetch = new PieceLayerFetch<>(pieces, PIECE);
        PeerMessage.HashMessage request = fetch.next("a", 0).orElseThrow();
        assertEquals(PieceLayerFetch.Outcome.UNSOLICITED, fetch.accept("b", answer(request)), "asked of a, answered by b");
        assertEquals(PieceLayerFetch.Outcome.ACCEPTED, fetch.accept("a", answer(request)));
        assertEquals(PieceLayerFetch.Outcome.UNSOLICITED, fetch.accept("a", answer(request)), "twice");
    }

    @Test
    void rejectedTimedOutAndAbandonedRequestsGoToOtherPeers_BEP52() {
        PieceLayerFetch<String> fetch = new PieceLayerFetch<>(pieces, PIECE);
        List<PeerMessage.HashMessage> a = drain(fetch, "a", 0);
        fetch.rejected("a", a.get(0).reject());
        assertEquals(1, drain(fetch, "b", 0).size(), "the rejected chunk");
        fetch.abandoned("a");
        assertEquals(3, drain(fetch, "c", 0).size(), "a's other three, once a is gone");
        List<PeerMessage.HashMessage> late = drain(fetch, "d", PieceLayerFetch.TIMEOUT_NANOS + 1);
        assertEquals(4, late.size(), "b and c said nothing for 15 s: d is asked");
        assertEquals(PieceLayerFetch.Outcome.UNSOLICITED, fetch.accept("b", answer(late.get(0))),
                "b's late answer no longer counts");
    }
}
