package org.swarmport.peer.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.swarmport.peer.wire.Bitfield;

/**
 * What a hostile peer can make the picker do with the raw fields of {@code piece} and
 * {@code reject} messages, {@code have}s and {@code allowed fast}: nothing. Unasked-for data is
 * unrequested (BEP 6: close the connection), nothing throws on the raw-field entry points, and
 * an honest seed beside it still completes the download.
 */
class HostilePeerTest {

    private static final int BLOCK = Block.LENGTH;

    private static PiecePicker<String> picker(long seed) {
        PieceGeometry geometry = PieceGeometry.uniform(12, 40_000, 12L * 40_000 - 7_000);
        return new PiecePicker<>(geometry, new Bitfield(12), new SplittableRandom(seed));
    }

    @Test
    void dataNeverAskedForIsUnrequestedWhateverItsFields_BEP6() {
        PiecePicker<String> picker = picker(1);
        picker.addPeer("hostile");
        picker.peerHaveAll("hostile");
        int[][] hostile = {
            {0, 0, BLOCK}, {0, 0, 0}, {0, 0, -1}, {0, 0, BLOCK + 1}, {0, 1, BLOCK}, {0, -BLOCK, BLOCK},
            {-1, 0, BLOCK}, {12, 0, BLOCK}, {Integer.MAX_VALUE, 0, BLOCK}, {0, Integer.MAX_VALUE, 1},
            {0, 2 * BLOCK, 40_000 - 2 * BLOCK + 1}, {0, 3 * BLOCK, 1}, {11, 0, Integer.MIN_VALUE},
        };
        for (int[] fields : hostile) {
            assertEquals(BlockReceipt.Outcome.UNREQUESTED,
                    picker.blockReceived("hostile", fields[0], fields[1], fields[2], 0).outcome(), java.util.Arrays.toString(fields));
            assertFalse(picker.requestRejected("hostile", fields[0], fields[1], fields[2]));
        }
        assertEquals(0, picker.partialPieces());
    }

    @Test
    void randomMessagesFromAHostilePeerNeverBreakTheDownloadFromAnHonestSeed() {
        for (long seed = 1; seed <= 20; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            PiecePicker<String> picker = picker(seed);
            picker.addPeer("hostile");
            picker.addPeer("seed");
            picker.peerHaveAll("seed");
            picker.peerUnchoked("seed");
            picker.peerUnchoked("hostile");
            Set<Block> askedOfHostile = new HashSet<>();
            long now = 0;
            for (int step = 0; step < 5000 && !picker.isComplete(); step++) {
                now += 1_000_000;
                int piece = random.nextInt(5) == 0 ? random.nextInt() : random.nextInt(13);
                int offset = random.nextInt(3) == 0 ? random.nextInt() : random.nextInt(4) * BLOCK;
                int length = random.nextInt(3) == 0 ? random.nextInt() : random.nextInt(BLOCK + 2);
                switch (random.nextInt(6)) {
                    case 0 -> {
                        BlockReceipt<String> receipt = picker.blockReceived("hostile", piece, offset, length, now);
                        boolean asked = askedOfHostile.stream().anyMatch(
                                b -> b.piece() == piece && b.offset() == offset && b.length() == length);
                        if (!asked) {
                            assertEquals(BlockReceipt.Outcome.UNREQUESTED, receipt.outcome());
                        }
                        askedOfHostile.removeIf(b -> b.piece() == piece && b.offset() == offset && b.length() == length);
                        if (receipt.pieceComplete()) {
                            // The hostile peer's data is bad; the piece fails and is fetched again.
                            picker.pieceFailed(piece);
                        }
                    }
                    case 1 -> picker.requestRejected("hostile", piece, offset, length);
                    case 2 -> {
                        if (piece >= 0 && piece < 12) {
                            picker.peerHave("hostile", piece);
                            picker.allowedFast("hostile", piece);
                        }
                    }
                    case 3 -> askedOfHostile.addAll(picker.pick("hostile", 1 + random.nextInt(8), now));
                    default -> {
                        for (Block block : picker.pick("seed", 1 + random.nextInt(8), now)) {
                            BlockReceipt<String> receipt = picker.blockReceived("seed", block, now);
                            assertTrue(receipt.outcome() != BlockReceipt.Outcome.UNREQUESTED);
                            receipt.cancels().forEach(cancel -> askedOfHostile.remove(cancel.block()));
                            if (receipt.pieceComplete()) {
                                picker.pieceVerified(block.piece());
                            }
                        }
                    }
                }
                picker.expireRequests(now).forEach(stalled -> stalled.released().forEach(askedOfHostile::remove));
            }
            List<Block> removed = picker.removePeer("hostile");
            assertEquals(askedOfHostile, new HashSet<>(removed), "seed " + seed);
            for (int round = 0; round < 1000 && !picker.isComplete(); round++) {
                for (Block block : picker.pick("seed", 64, now)) {
                    if (picker.blockReceived("seed", block, now).pieceComplete()) {
                        picker.pieceVerified(block.piece());
                    }
                }
            }
            assertTrue(picker.isComplete(), "seed " + seed + ": the honest seed could not finish the download");
        }
    }

    @Test
    void aFloodOfAllowedFastPiecesIsCapped_BEP6() {
        PiecePicker<String> picker = new PiecePicker<>(PieceGeometry.uniform(1000, BLOCK, 1000L * BLOCK), new Bitfield(1000),
                new SplittableRandom(3));
        picker.addPeer("hostile");
        picker.peerHaveAll("hostile");
        int kept = 0;
        for (int piece = 0; piece < 1000; piece++) {
            kept += picker.allowedFast("hostile", piece) ? 1 : 0;
        }
        assertEquals(PiecePicker.MAX_ALLOWED_FAST, kept);
        assertEquals(PiecePicker.MAX_ALLOWED_FAST, picker.pick("hostile", 1000, 0).size(), "only the kept pieces while choked");
    }
}
