package org.swarmport.peer.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.swarmport.peer.wire.Bitfield;

/**
 * A swarm in rounds, to show why rarest first is the rule (BEP 3: "the rarest first" policy).
 * Every peer with data uploads one block per round to a random peer that wants something from
 * it; the downloader chooses the block, either with the {@link PiecePicker} or sequentially
 * (lowest index first, the naive policy). Pieces are one block each.
 */
class SwarmSimulationTest {

    private static final int PIECES = 64;
    private static final int LEECHERS = 16;
    private static final int SEED = LEECHERS;

    /** How the downloader chooses what to ask an uploader for. */
    private interface Strategy {
        int choose(int downloader, int uploader);

        void delivered(int downloader, int piece);
    }

    private final Bitfield[] has = new Bitfield[LEECHERS + 1];
    private final boolean[][] inFlight = new boolean[LEECHERS][PIECES];

    private void reset() {
        for (int peer = 0; peer < LEECHERS; peer++) {
            has[peer] = new Bitfield(PIECES);
            inFlight[peer] = new boolean[PIECES];
        }
        has[SEED] = new Bitfield(PIECES);
        has[SEED].setAll();
    }

    private Strategy rarestFirst(long seed) {
        List<PiecePicker<Integer>> pickers = new ArrayList<>();
        PieceGeometry geometry = PieceGeometry.uniform(PIECES, Block.LENGTH, (long) PIECES * Block.LENGTH);
        for (int peer = 0; peer < LEECHERS; peer++) {
            PiecePicker<Integer> picker = new PiecePicker<>(geometry, new Bitfield(PIECES), new SplittableRandom(seed + peer));
            for (int other = 0; other <= LEECHERS; other++) {
                if (other != peer) {
                    picker.addPeer(other);
                    picker.peerUnchoked(other);
                }
            }
            picker.peerHaveAll(SEED);
            pickers.add(picker);
        }
        return new Strategy() {
            @Override
            public int choose(int downloader, int uploader) {
                List<Block> picked = pickers.get(downloader).pick(uploader, 1, 0);
                if (picked.isEmpty()) {
                    return -1;
                }
                pickers.get(downloader).blockReceived(uploader, picked.get(0), 0);
                return picked.get(0).piece();
            }

            @Override
            public void delivered(int downloader, int piece) {
                pickers.get(downloader).pieceVerified(piece);
                for (int peer = 0; peer < LEECHERS; peer++) {
                    if (peer != downloader) {
                        pickers.get(peer).peerHave(downloader, piece);
                    }
                }
            }
        };
    }

    private Strategy sequential() {
        return new Strategy() {
            @Override
            public int choose(int downloader, int uploader) {
                for (int piece = 0; piece < PIECES; piece++) {
                    if (has[uploader].get(piece) && !has[downloader].get(piece) && !inFlight[downloader][piece]) {
                        return piece;
                    }
                }
                return -1;
            }

            @Override
            public void delivered(int downloader, int piece) {
            }
        };
    }

    /**
     * Runs rounds until nothing moves. The seed leaves once it has uploaded {@code seedUploads}
     * blocks. Answers the rounds it took, or -1 when some leecher never completed.
     */
    private int run(Strategy strategy, int seedUploads, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int seedSent = 0;
        for (int round = 1; round < 10_000; round++) {
            List<int[]> deliveries = new ArrayList<>();
            boolean seedPresent = seedSent < seedUploads;
            for (int uploader = 0; uploader <= LEECHERS; uploader++) {
                if (uploader == SEED && !seedPresent) {
                    continue;
                }
                List<Integer> wanting = new ArrayList<>();
                for (int downloader = 0; downloader < LEECHERS; downloader++) {
                    if (downloader != uploader && wantsFrom(downloader, uploader)) {
                        wanting.add(downloader);
                    }
                }
                if (wanting.isEmpty()) {
                    continue;
                }
                int downloader = wanting.get(random.nextInt(wanting.size()));
                int piece = strategy.choose(downloader, uploader);
                if (piece < 0) {
                    continue;
                }
                inFlight[downloader][piece] = true;
                deliveries.add(new int[] {downloader, piece});
                if (uploader == SEED) {
                    seedSent++;
                }
            }
            if (deliveries.isEmpty()) {
                return allComplete() ? round - 1 : -1;
            }
            for (int[] delivery : deliveries) {
                inFlight[delivery[0]][delivery[1]] = false;
                if (has[delivery[0]].set(delivery[1])) {
                    strategy.delivered(delivery[0], delivery[1]);
                }
            }
        }
        throw new AssertionError("the swarm did not settle");
    }

    private boolean wantsFrom(int downloader, int uploader) {
        for (int piece = has[uploader].nextSetBit(0); piece >= 0; piece = has[uploader].nextSetBit(piece + 1)) {
            if (!has[downloader].get(piece) && !inFlight[downloader][piece]) {
                return true;
            }
        }
        return false;
    }

    private boolean allComplete() {
        for (int peer = 0; peer < LEECHERS; peer++) {
            if (!has[peer].isComplete()) {
                return false;
            }
        }
        return true;
    }

    private int distinctPiecesAmongLeechers() {
        Bitfield union = new Bitfield(PIECES);
        for (int peer = 0; peer < LEECHERS; peer++) {
            for (int piece = has[peer].nextSetBit(0); piece >= 0; piece = has[peer].nextSetBit(piece + 1)) {
                union.set(piece);
            }
        }
        return union.cardinality();
    }

    @Test
    void rarestFirstGetsAWholeCopyOutOfASeedThatUploadsOneCopyAndLeaves_BEP3() {
        int rarestSaved = 0;
        int sequentialSaved = 0;
        for (long seed = 1; seed <= 5; seed++) {
            reset();
            int rarest = run(rarestFirst(seed), PIECES + PIECES / 4, seed);
            rarestSaved += rarest >= 0 ? 1 : 0;
            assertEquals(PIECES, distinctPiecesAmongLeechers(), "rarest first lost a piece with seed " + seed);

            reset();
            int naive = run(sequential(), PIECES + PIECES / 4, seed);
            sequentialSaved += naive >= 0 ? 1 : 0;
            assertTrue(distinctPiecesAmongLeechers() < PIECES, "sequential kept every piece with seed " + seed);
        }
        assertEquals(5, rarestSaved);
        assertEquals(0, sequentialSaved);
    }

    @Test
    void rarestFirstFinishesTheSwarmSoonerThanSequential_BEP3() {
        int rarestRounds = 0;
        int sequentialRounds = 0;
        for (long seed = 1; seed <= 5; seed++) {
            reset();
            rarestRounds += run(rarestFirst(seed), Integer.MAX_VALUE, seed);
            reset();
            sequentialRounds += run(sequential(), Integer.MAX_VALUE, seed);
        }
        System.out.println("swarm of " + LEECHERS + " leechers, " + PIECES + " pieces, 5 runs: rarest first "
                + rarestRounds + " rounds, sequential " + sequentialRounds);
        assertTrue(rarestRounds < sequentialRounds, rarestRounds + " rounds rarest first, " + sequentialRounds + " sequential");
    }
}
