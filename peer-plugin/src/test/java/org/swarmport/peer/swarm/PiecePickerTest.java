package org.swarmport.peer.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.swarmport.peer.wire.Bitfield;

class PiecePickerTest {

    private static final int BLOCK = Block.LENGTH;
    private static final long SECOND = 1_000_000_000L;

    /** {@code pieces} pieces of {@code blocksPerPiece} full blocks. */
    private static PiecePicker<String> picker(int pieces, int blocksPerPiece, long seed) {
        PieceGeometry geometry = PieceGeometry.uniform(pieces, (long) blocksPerPiece * BLOCK, (long) pieces * blocksPerPiece * BLOCK);
        return new PiecePicker<>(geometry, new Bitfield(pieces), new SplittableRandom(seed));
    }

    private static Bitfield bits(int pieces, int... set) {
        Bitfield bitfield = new Bitfield(pieces);
        for (int piece : set) {
            bitfield.set(piece);
        }
        return bitfield;
    }

    /** Adds a peer that unchoked us and has {@code pieces}. */
    private static void withPeer(PiecePicker<String> picker, String peer, int... pieces) {
        picker.addPeer(peer);
        picker.peerBitfield(peer, bits(picker.have().pieceCount(), pieces));
        picker.peerUnchoked(peer);
    }

    /** Adds seeds that unchoked us. */
    private static PiecePicker<String> withSeed(PiecePicker<String> picker, String... peers) {
        for (String peer : peers) {
            picker.addPeer(peer);
            picker.peerHaveAll(peer);
            picker.peerUnchoked(peer);
        }
        return picker;
    }

    private static Set<Integer> pieces(List<Block> blocks) {
        Set<Integer> pieces = new HashSet<>();
        blocks.forEach(block -> pieces.add(block.piece()));
        return pieces;
    }

    @Test
    void picksTheRarestPieceFirst_BEP3() {
        PiecePicker<String> picker = picker(4, 1, 1);
        picker.addPeer("a");
        picker.addPeer("b");
        picker.addPeer("c");
        picker.peerBitfield("a", bits(4, 0, 1, 2, 3));
        picker.peerBitfield("b", bits(4, 0, 1, 3));
        picker.peerBitfield("c", bits(4, 0, 3));
        picker.peerUnchoked("a");
        assertEquals(List.of(new Block(2, 0, BLOCK)), picker.pick("a", 1, 0));
        assertEquals(List.of(new Block(1, 0, BLOCK)), picker.pick("a", 1, 0));
        assertEquals(Set.of(0, 3), pieces(picker.pick("a", 2, 0)));
    }

    @Test
    void equallyRarePiecesAreChosenAtRandom() {
        Set<Integer> firstPicks = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            PiecePicker<String> picker = withSeed(picker(100, 1, seed), "seed");
            firstPicks.add(picker.pick("seed", 1, 0).get(0).piece());
        }
        assertTrue(firstPicks.size() >= 10, "20 pickers started only " + firstPicks);
    }

    @Test
    void aStartedPieceIsFinishedBeforeANewOneIsStarted() {
        PiecePicker<String> picker = picker(10, 4, 3);
        withSeed(picker, "a", "b");
        List<Block> first = picker.pick("a", 1, 0);
        int started = first.get(0).piece();
        List<Block> next = picker.pick("b", 3, 0);
        assertEquals(Set.of(started), pieces(next));
        assertEquals(1, picker.partialPieces());
    }

    @Test
    void requestsAreSixteenKibBlocksAndTheLastBlockOfThePieceIsShort_BEP3() {
        PieceGeometry geometry = PieceGeometry.uniform(2, 40_000, 60_000);
        PiecePicker<String> picker = new PiecePicker<>(geometry, new Bitfield(2), new SplittableRandom(5));
        withSeed(picker, "a");
        List<Block> blocks = picker.pick("a", 100, 0);
        assertEquals(5, blocks.size());
        Set<Block> expected = Set.of(new Block(0, 0, BLOCK), new Block(0, BLOCK, BLOCK), new Block(0, 2 * BLOCK, 40_000 - 2 * BLOCK),
                new Block(1, 0, BLOCK), new Block(1, BLOCK, 20_000 - BLOCK));
        assertEquals(expected, new HashSet<>(blocks));
    }

    @Test
    void picksOnlyWhatThePeerHas() {
        PiecePicker<String> picker = picker(8, 2, 4);
        withPeer(picker, "a", 5);
        assertEquals(Set.of(5), pieces(picker.pick("a", 10, 0)));
        assertTrue(picker.pick("a", 10, 0).isEmpty());
    }

    @Test
    void unwantedPiecesAreNeverPickedNorInteresting() {
        PiecePicker<String> picker = picker(6, 1, 5);
        picker.setWanted(bits(6, 1, 4));
        picker.addPeer("a");
        assertFalse(picker.peerBitfield("a", bits(6, 0, 2, 3)), "has only pieces we do not want");
        assertFalse(picker.peerHave("a", 5));
        assertTrue(picker.peerHave("a", 4));
        picker.peerUnchoked("a");
        picker.peerHaveAll("a");
        assertEquals(Set.of(1, 4), pieces(picker.pick("a", 10, 0)));
        picker.setWanted(bits(6, 1, 4, 0));
        assertEquals(Set.of(0), pieces(picker.pick("a", 10, 0)));
    }

    @Test
    void aChokingPeerIsAskedOnlyForItsAllowedFastPieces_BEP6() {
        PiecePicker<String> picker = picker(10, 2, 6);
        picker.addPeer("a");
        picker.peerHaveAll("a");
        assertTrue(picker.pick("a", 10, 0).isEmpty(), "choked and nothing allowed fast");
        picker.allowedFast("a", 7);
        assertEquals(List.of(new Block(7, 0, BLOCK), new Block(7, BLOCK, BLOCK)), picker.pick("a", 10, 0));
        assertTrue(picker.pick("a", 10, 0).isEmpty());
    }

    @Test
    void allowedFastPiecesThePeerLacksOrWeHaveAreNotRequested_BEP6() {
        PiecePicker<String> picker = picker(10, 1, 6);
        picker.addPeer("a");
        picker.peerBitfield("a", bits(10, 1, 2));
        picker.pieceVerified(2);
        picker.allowedFast("a", 2);
        picker.allowedFast("a", 3);
        assertTrue(picker.pick("a", 10, 0).isEmpty());
    }

    @Test
    void endGameAsksASecondPeerForBlocksInFlightAndCancelsTheLoser() {
        PiecePicker<String> picker = picker(1, 2, 7);
        withSeed(picker, "a", "b");
        assertFalse(picker.isEndGame());
        List<Block> fromA = picker.pick("a", 10, 0);
        assertEquals(2, fromA.size());
        assertTrue(picker.isEndGame());
        List<Block> fromB = picker.pick("b", 10, 0);
        assertEquals(new HashSet<>(fromA), new HashSet<>(fromB));

        Block first = fromA.get(0);
        BlockReceipt<String> receipt = picker.blockReceived("a", first, 1);
        assertEquals(BlockReceipt.Outcome.ACCEPTED, receipt.outcome());
        assertEquals(List.of(new PeerBlock<>("b", first)), receipt.cancels());
        assertFalse(receipt.pieceComplete());
        assertEquals(BlockReceipt.Outcome.DUPLICATE, picker.blockReceived("b", first, 2).outcome(),
                "the cancelled copy may still arrive; it is not unrequested");
        BlockReceipt<String> last = picker.blockReceived("b", fromA.get(1), 3);
        assertTrue(last.pieceComplete());
        assertEquals(List.of(new PeerBlock<>("a", fromA.get(1))), last.cancels());
    }

    @Test
    void endGameLimitsHowManyPeersAreAskedForOneBlock() {
        PiecePicker<String> picker = picker(1, 1, 8);
        for (String peer : List.of("a", "b", "c", "d", "e")) {
            withSeed(picker, peer);
        }
        int asked = 0;
        for (String peer : List.of("a", "b", "c", "d", "e")) {
            asked += picker.pick(peer, 10, 0).size();
        }
        assertEquals(PickerSettings.DEFAULTS.endGameRequesters(), asked);
    }

    @Test
    void aStalledPeerGetsNoEndGameDuplicates() {
        PiecePicker<String> picker = picker(1, 2, 21);
        withSeed(picker, "slow");
        withSeed(picker, "fast");
        picker.pick("slow", 1, 0);
        picker.expireRequests(60 * SECOND);
        assertTrue(picker.isStalled("slow"));
        assertEquals(2, picker.pick("fast", 10, 61 * SECOND).size());
        assertTrue(picker.isEndGame());
        assertTrue(picker.pick("slow", 10, 61 * SECOND).isEmpty(), "a duplicate to a stalled peer would only take a slot");
        withSeed(picker, "other");
        assertEquals(2, picker.pick("other", 10, 61 * SECOND).size(), "a peer that is not stalled gets its duplicates");
    }

    @Test
    void noEndGameWhileAFreeBlockIsServable() {
        PiecePicker<String> picker = picker(3, 1, 9);
        withPeer(picker, "a", 0, 1);
        picker.pick("a", 1, 0);
        assertFalse(picker.isEndGame());
        picker.pick("a", 1, 0);
        assertTrue(picker.isEndGame(), "piece 2 is on no connected peer, every servable block is requested");
    }

    @Test
    void aFailedPieceIsRequestableAgainAndNamesWhoSentWhichBlock() {
        PiecePicker<String> picker = picker(1, 3, 10);
        withSeed(picker, "a", "b");
        List<Block> fromA = picker.pick("a", 2, 0);
        List<Block> fromB = picker.pick("b", 1, 0);
        fromA.forEach(block -> picker.blockReceived("a", block, 1));
        assertTrue(picker.blockReceived("b", fromB.get(0), 1).pieceComplete());
        PieceFailure<String> failure = picker.pieceFailed(0);
        assertEquals(Set.of("a", "b"), failure.contributors());
        assertFalse(failure.soleContributor());
        assertEquals("b", failure.senders().get(fromB.get(0).index()));
        assertEquals(0, picker.partialPieces());
        assertEquals(3, picker.pick("a", 10, 2).size());
        assertThrows(IllegalStateException.class, () -> picker.pieceFailed(0), "not complete");
    }

    @Test
    void aVerifiedPieceIsNeverPickedAgainAndTheDownloadCompletes() {
        PiecePicker<String> picker = picker(2, 1, 11);
        withSeed(picker, "a");
        for (Block block : picker.pick("a", 10, 0)) {
            assertTrue(picker.blockReceived("a", block, 1).pieceComplete());
            picker.pieceVerified(block.piece());
        }
        assertTrue(picker.isComplete());
        assertFalse(picker.isInteresting("a"));
        assertTrue(picker.pick("a", 10, 2).isEmpty());
        assertFalse(picker.isEndGame());
    }

    @Test
    void aBlockWeNeverRequestedFromThePeerIsUnrequested_BEP6() {
        PiecePicker<String> picker = picker(4, 2, 12);
        withSeed(picker, "a", "b");
        Block block = picker.pick("a", 1, 0).get(0);
        assertEquals(BlockReceipt.Outcome.UNREQUESTED, picker.blockReceived("b", block, 1).outcome());
        assertEquals(BlockReceipt.Outcome.UNREQUESTED, picker.blockReceived("a", new Block(0, 0, 100), 1).outcome(),
                "a length the torrent does not have");
        assertEquals(BlockReceipt.Outcome.UNREQUESTED, picker.blockReceived("a", new Block(9, 0, BLOCK), 1).outcome(),
                "a piece the torrent does not have");
        assertEquals(BlockReceipt.Outcome.ACCEPTED, picker.blockReceived("a", block, 1).outcome());
        assertEquals(BlockReceipt.Outcome.UNREQUESTED, picker.blockReceived("a", block, 1).outcome(), "served twice");
    }

    @Test
    void aChokeWithoutTheFastExtensionDropsEveryRequest_BEP3() {
        PiecePicker<String> picker = picker(4, 2, 13);
        withSeed(picker, "a");
        List<Block> asked = picker.pick("a", 3, 0);
        assertEquals(asked, picker.peerChoked("a", false));
        assertEquals(0, picker.outstanding("a"));
        withSeed(picker, "b");
        assertEquals(new HashSet<>(asked), new HashSet<>(picker.pick("b", 3, 1)), "released blocks go to the next peer");
    }

    @Test
    void aChokeWithTheFastExtensionKeepsRequestsUntilRejected_BEP6() {
        PiecePicker<String> picker = picker(4, 2, 14);
        withSeed(picker, "a");
        List<Block> asked = picker.pick("a", 2, 0);
        assertTrue(picker.peerChoked("a", true).isEmpty());
        assertEquals(2, picker.outstanding("a"));
        assertTrue(picker.requestRejected("a", asked.get(0)));
        assertEquals(1, picker.outstanding("a"));
        assertFalse(picker.requestRejected("a", new Block(3, 0, BLOCK)), "a reject for a block never requested");
        withSeed(picker, "b");
        assertTrue(picker.pick("b", 10, 1).contains(asked.get(0)));
    }

    @Test
    void aPeerLeavingReleasesItsBlocksAndItsAvailability() {
        PiecePicker<String> picker = picker(4, 2, 15);
        withPeer(picker, "a", 0, 1);
        withSeed(picker, "b");
        assertEquals(2, picker.availability(0));
        List<Block> asked = picker.pick("a", 4, 0);
        assertEquals(new HashSet<>(asked), new HashSet<>(picker.removePeer("a")));
        assertEquals(1, picker.availability(0));
        assertEquals(0, picker.partialPieces(), "started pieces nobody works on go back to the rarity order");
        assertEquals(8, picker.pick("b", 10, 1).size());
        assertThrows(IllegalArgumentException.class, () -> picker.pick("a", 1, 1));
    }

    @Test
    void availabilityCountsBitfieldsHavesHaveAllAndHaveNone_BEP6() {
        PiecePicker<String> picker = picker(3, 1, 16);
        picker.addPeer("a");
        picker.addPeer("b");
        picker.peerBitfield("a", bits(3, 0));
        picker.peerHave("b", 0);
        picker.peerHave("b", 0);
        assertEquals(2, picker.availability(0));
        picker.peerHave("a", 1);
        picker.peerHave("a", 2);
        assertEquals(1, picker.availability(2), "a became a seed by haves and is still counted once");
        picker.peerHaveNone("a");
        assertEquals(1, picker.availability(0));
        assertEquals(0, picker.availability(2));
        picker.peerHaveAll("b");
        assertEquals(1, picker.availability(2));
        picker.peerBitfield("b", bits(3, 1));
        assertEquals(0, picker.availability(0), "a second bitfield replaces the first");
        assertEquals(1, picker.availability(1));
    }

    @Test
    void aRequestHeldPastTheTimeoutIsReleasedAndItsHolderStalled() {
        PiecePicker<String> picker = picker(4, 2, 17);
        withSeed(picker, "slow");
        List<Block> asked = picker.pick("slow", 4, 0);
        assertTrue(picker.expireRequests(59 * SECOND).isEmpty());
        List<StalledPeer<String>> stalled = picker.expireRequests(60 * SECOND);
        assertEquals(1, stalled.size());
        assertEquals("slow", stalled.get(0).peer());
        assertEquals(asked, stalled.get(0).released());
        assertTrue(picker.isStalled("slow"));
        assertEquals(1, picker.pick("slow", 10, 61 * SECOND).size(), "a stalled peer gets one request at a time");
        assertTrue(picker.pick("slow", 10, 61 * SECOND).isEmpty());

        withSeed(picker, "fast");
        assertTrue(picker.pick("fast", 10, 61 * SECOND).contains(asked.get(1)));
        assertEquals(BlockReceipt.Outcome.ACCEPTED, picker.blockReceived("slow", asked.get(0), 62 * SECOND).outcome(),
                "late data for a released request is still welcome");
        assertFalse(picker.isStalled("slow"));
    }

    @Test
    void timeoutsReleaseOnlyTheOverdueRequests() {
        PiecePicker<String> picker = picker(4, 2, 18);
        withSeed(picker, "a");
        List<Block> old = picker.pick("a", 2, 0);
        List<Block> young = picker.pick("a", 2, 30 * SECOND);
        List<StalledPeer<String>> stalled = picker.expireRequests(70 * SECOND);
        assertEquals(old, stalled.get(0).released());
        assertEquals(young.size(), picker.outstanding("a"));
    }

    @Test
    void aResumedPieceIsNeverRequested() {
        PieceGeometry geometry = PieceGeometry.uniform(3, BLOCK, 3L * BLOCK);
        PiecePicker<String> picker = new PiecePicker<>(geometry, bits(3, 0, 2), new SplittableRandom(19));
        withSeed(picker, "a");
        assertEquals(List.of(new Block(1, 0, BLOCK)), picker.pick("a", 10, 0));
        assertTrue(picker.has(0));
        assertNotEquals(picker.have(), new Bitfield(3));
    }

    @Test
    void hostileAvailabilityMessagesAreRefusedWithAClearMessage() {
        PiecePicker<String> picker = picker(3, 1, 20);
        picker.addPeer("a");
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class, () -> picker.peerBitfield("a", new Bitfield(4)));
        assertEquals("bitfield of 4 pieces for 3", size.getMessage());
        IndexOutOfBoundsException range = assertThrows(IndexOutOfBoundsException.class, () -> picker.peerHave("a", 3));
        assertEquals("piece 3 of 3", range.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> picker.allowedFast("a", -1));
        assertThrows(IllegalArgumentException.class, () -> picker.addPeer("a"));
        assertThrows(IllegalArgumentException.class, () -> picker.peerHave("stranger", 0));
        assertEquals(0, picker.availability(0), "nothing counted from the refused messages");
    }

    @Test
    void startsNoNewPieceWhileTheMaximumIsInFlight() {
        PiecePicker<String> picker = withSeed(picker(10, 4, 1), "seed");
        picker.setMaxPartialPieces(2);
        List<Block> first = picker.pick("seed", 40, 0);
        assertEquals(2, pieces(first).size(), "blocks of two pieces only, though the peer has ten we want");
        assertEquals(8, first.size());
        assertTrue(picker.pick("seed", 40, 0).isEmpty(), "nothing more while both are in flight");
        int done = first.get(0).piece();
        for (Block block : first) {
            if (block.piece() == done) {
                picker.blockReceived("seed", block, 0);
            }
        }
        picker.pieceVerified(done);
        List<Block> next = picker.pick("seed", 40, 0);
        assertEquals(1, pieces(next).size(), "one piece left the flight, so one more starts");
        assertFalse(pieces(next).contains(done));
    }

    @Test
    void allowedFastPiecesRespectTheMaximumInFlight_BEP6() {
        PiecePicker<String> picker = picker(10, 1, 1);
        picker.addPeer("fast");
        picker.peerHaveAll("fast");
        picker.setMaxPartialPieces(1);
        picker.allowedFast("fast", 3);
        picker.allowedFast("fast", 7);
        assertEquals(List.of(new Block(3, 0, BLOCK)), picker.pick("fast", 10, 0));
        assertTrue(picker.pick("fast", 10, 0).isEmpty());
    }
}
