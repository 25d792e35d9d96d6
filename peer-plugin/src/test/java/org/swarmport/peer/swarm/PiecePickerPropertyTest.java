package org.swarmport.peer.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.swarmport.peer.wire.Bitfield;

/**
 * Random swarms, fixed seeds: peers come and go, announce pieces, get picks, deliver, reject,
 * stall, choke; a plain model of the same events checks the picker's invariants after every step.
 */
class PiecePickerPropertyTest {

    private static final long SECOND = 1_000_000_000L;

    private final Map<String, Bitfield> peerPieces = new LinkedHashMap<>();
    /** Requests in flight: block to the peers asked for it. */
    private final Map<Block, Set<String>> inFlight = new HashMap<>();
    /** The same, peer to the blocks it was asked for. */
    private final Map<String, Set<Block>> heldBy = new HashMap<>();
    private final Map<Block, String> receivedFrom = new HashMap<>();
    private final Set<Integer> verified = new HashSet<>();
    /** Peers choking us (fast extension), and the pieces each allows us while choked (BEP 6). */
    private final Set<String> choking = new HashSet<>();
    private final Map<String, Set<Integer>> allowedFast = new HashMap<>();
    private Bitfield wanted;
    private PieceGeometry geometry;
    private PiecePicker<String> picker;
    private SplittableRandom random;
    private long now;
    private int nextPeer;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void invariantsHoldInRandomSwarmsAndTheDownloadAlwaysCompletes(long seed) {
        random = new SplittableRandom(seed);
        int pieces = 20 + random.nextInt(60);
        long pieceLength = Block.LENGTH * (1L + random.nextInt(4));
        long total = (pieces - 1) * pieceLength + 1 + random.nextLong(pieceLength);
        geometry = PieceGeometry.uniform(pieces, pieceLength, total);
        picker = new PiecePicker<>(geometry, new Bitfield(pieces), new SplittableRandom(seed * 31));
        wanted = new Bitfield(pieces);
        wanted.setAll();

        for (int step = 0; step < 2000; step++) {
            now += random.nextLong(2 * SECOND);
            randomEvent();
            checkInvariants();
        }
        // Every block is eventually requested: one seed that serves everything finishes the download.
        wanted.setAll();
        picker.setWanted(wanted);
        for (String peer : choking) {
            picker.peerUnchoked(peer);
        }
        choking.clear();
        String seedPeer = addPeer(true);
        for (int round = 0; round < 10_000 && !picker.isComplete(); round++) {
            now += SECOND;
            for (String peer : new ArrayList<>(peerPieces.keySet())) {
                pick(peer, 1 + random.nextInt(64));
            }
            deliverAllFrom(seedPeer);
            if (random.nextInt(4) == 0) {
                expire();
            }
            checkInvariants();
        }
        assertTrue(picker.isComplete(), "download never completed");
        for (int piece = 0; piece < pieces; piece++) {
            assertTrue(picker.has(piece));
        }
    }

    private void randomEvent() {
        int roll = random.nextInt(100);
        if (peerPieces.isEmpty() || roll < 5) {
            addPeer(random.nextInt(4) == 0);
            return;
        }
        String peer = anyPeer();
        if (roll < 10) {
            removePeer(peer);
        } else if (roll < 25) {
            int piece = random.nextInt(geometry.pieceCount());
            picker.peerHave(peer, piece);
            peerPieces.get(peer).set(piece);
        } else if (roll < 50) {
            pick(peer, 1 + random.nextInt(32));
        } else if (roll < 80) {
            deliverOne(peer);
        } else if (roll < 85) {
            rejectOne(peer);
        } else if (roll < 88) {
            List<Block> released = picker.peerChoked(peer, false);
            assertEquals(inFlightAt(peer), new HashSet<>(released));
            released.forEach(block -> drop(block, peer));
            picker.peerUnchoked(peer);
            choking.remove(peer);
        } else if (roll < 90) {
            expire();
        } else if (roll < 93) {
            assertTrue(picker.peerChoked(peer, true).isEmpty(), "BEP 6: a choke keeps the requests");
            choking.add(peer);
            int piece = random.nextInt(geometry.pieceCount());
            picker.allowedFast(peer, piece);
            allowedFast.computeIfAbsent(peer, p -> new HashSet<>()).add(piece);
        } else if (roll < 95) {
            picker.peerUnchoked(peer);
            choking.remove(peer);
        } else if (roll < 97) {
            for (int piece = 0; piece < wanted.pieceCount(); piece++) {
                if (random.nextInt(5) == 0) {
                    wanted.clear(piece);
                } else {
                    wanted.set(piece);
                }
            }
            picker.setWanted(wanted);
        } else {
            pick(peer, 1 + random.nextInt(8));
        }
    }

    private String addPeer(boolean seed) {
        String peer = "p" + nextPeer++;
        picker.addPeer(peer);
        Bitfield bits = new Bitfield(geometry.pieceCount());
        if (seed) {
            picker.peerHaveAll(peer);
            bits.setAll();
        } else {
            for (int piece = 0; piece < bits.pieceCount(); piece++) {
                if (random.nextInt(3) == 0) {
                    bits.set(piece);
                }
            }
            picker.peerBitfield(peer, bits);
        }
        picker.peerUnchoked(peer);
        peerPieces.put(peer, bits);
        return peer;
    }

    private void removePeer(String peer) {
        Set<Block> held = inFlightAt(peer);
        assertEquals(held, new HashSet<>(picker.removePeer(peer)), "a peer leaving releases exactly its blocks");
        held.forEach(block -> drop(block, peer));
        peerPieces.remove(peer);
        choking.remove(peer);
        allowedFast.remove(peer);
    }

    private void pick(String peer, int max) {
        List<Block> picked = picker.pick(peer, max, now);
        assertTrue(picked.size() <= max);
        boolean endGame = picker.isEndGame();
        for (Block block : picked) {
            assertTrue(geometry.isBlock(block));
            assertTrue(peerPieces.get(peer).get(block.piece()), "picked a piece the peer lacks");
            assertTrue(wanted.get(block.piece()), "picked an unwanted piece");
            assertTrue(!choking.contains(peer) || allowedFast.getOrDefault(peer, Set.of()).contains(block.piece()),
                    "picked a piece that is not allowed fast from a peer choking us");
            assertFalse(verified.contains(block.piece()), "picked a verified piece");
            assertFalse(receivedFrom.containsKey(block), "picked a received block");
            Set<String> askers = inFlight.computeIfAbsent(block, b -> new HashSet<>());
            assertFalse(askers.contains(peer), "asked the same peer twice for " + block);
            assertTrue(askers.isEmpty() || endGame, "block requested twice outside end game: " + block);
            askers.add(peer);
            heldBy.computeIfAbsent(peer, p -> new HashSet<>()).add(block);
        }
    }

    private void deliverOne(String peer) {
        List<Block> held = new ArrayList<>(inFlightAt(peer));
        if (held.isEmpty()) {
            return;
        }
        deliver(peer, held.get(random.nextInt(held.size())));
    }

    private void deliverAllFrom(String peer) {
        for (Block block : new ArrayList<>(inFlightAt(peer))) {
            deliver(peer, block);
        }
    }

    private void deliver(String peer, Block block) {
        BlockReceipt<String> receipt = picker.blockReceived(peer, block, now);
        assertEquals(BlockReceipt.Outcome.ACCEPTED, receipt.outcome());
        drop(block, peer);
        for (PeerBlock<String> cancel : receipt.cancels()) {
            assertEquals(block, cancel.block());
            drop(block, cancel.peer());
        }
        assertFalse(inFlight.containsKey(block), "a received block is still requested somewhere");
        receivedFrom.put(block, peer);
        if (receipt.pieceComplete()) {
            int piece = block.piece();
            for (int i = 0; i < geometry.blockCount(piece); i++) {
                assertTrue(receivedFrom.containsKey(geometry.block(piece, i)), "complete with a block missing");
            }
            if (random.nextInt(10) == 0) {
                PieceFailure<String> failure = picker.pieceFailed(piece);
                for (int i = 0; i < geometry.blockCount(piece); i++) {
                    assertEquals(receivedFrom.remove(geometry.block(piece, i)), failure.senders().get(i));
                }
            } else {
                picker.pieceVerified(piece);
                verified.add(piece);
            }
        }
    }

    private void rejectOne(String peer) {
        List<Block> held = new ArrayList<>(inFlightAt(peer));
        if (held.isEmpty()) {
            return;
        }
        Block block = held.get(random.nextInt(held.size()));
        assertTrue(picker.requestRejected(peer, block));
        drop(block, peer);
    }

    private void expire() {
        for (StalledPeer<String> stalled : picker.expireRequests(now)) {
            for (Block block : stalled.released()) {
                assertTrue(inFlightAt(stalled.peer()).contains(block));
                drop(block, stalled.peer());
            }
        }
    }

    private void checkInvariants() {
        for (int piece = 0; piece < geometry.pieceCount(); piece++) {
            int count = 0;
            for (Bitfield bits : peerPieces.values()) {
                count += bits.get(piece) ? 1 : 0;
            }
            assertEquals(count, picker.availability(piece), "availability of piece " + piece);
            assertTrue(picker.availability(piece) >= 0);
        }
        for (String peer : peerPieces.keySet()) {
            assertEquals(inFlightAt(peer).size(), picker.outstanding(peer), "outstanding requests of " + peer);
        }
    }

    private Set<Block> inFlightAt(String peer) {
        return new HashSet<>(heldBy.getOrDefault(peer, Set.of()));
    }

    private void drop(Block block, String peer) {
        Set<String> askers = inFlight.get(block);
        if (askers != null) {
            askers.remove(peer);
            if (askers.isEmpty()) {
                inFlight.remove(block);
            }
        }
        Set<Block> held = heldBy.get(peer);
        if (held != null) {
            held.remove(block);
        }
    }

    private String anyPeer() {
        List<String> names = new ArrayList<>(peerPieces.keySet());
        return names.get(random.nextInt(names.size()));
    }
}
