package org.swarmport.peer.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RarityOrderTest {

    @Test
    void aRaisedPieceMovesToTheNextBucket() {
        RarityOrder order = new RarityOrder(4);
        for (int piece = 0; piece < 4; piece++) {
            order.include(piece, 0);
        }
        order.raise(2);
        assertEquals(3, order.bucketEnd(0));
        assertEquals(2, order.pieceAt(3));
        order.raise(2);
        order.raise(0);
        assertEquals(2, order.bucketEnd(0));
        assertEquals(2, order.pieceAt(3), "the most common piece sorts last");
        order.lower(2);
        order.lower(2);
        assertEquals(3, order.bucketEnd(0));
    }

    @Test
    void excludedPiecesLeaveTheOrderAndComeBackInTheirBucket() {
        RarityOrder order = new RarityOrder(3);
        order.include(0, 0);
        order.include(1, 2);
        order.include(2, 1);
        assertEquals(3, order.size());
        order.exclude(2);
        assertEquals(2, order.size());
        assertEquals(0, order.pieceAt(0));
        assertEquals(1, order.pieceAt(1));
        order.include(2, 1);
        assertEquals(2, order.pieceAt(1));
        assertThrows(IllegalStateException.class, () -> order.include(2, 0));
        order.exclude(0);
        assertThrows(IllegalStateException.class, () -> order.exclude(0));
        order.raise(0);
        assertEquals(2, order.size(), "raising an excluded piece does nothing");
    }

    /** Random changes against a plain model: every bucket holds exactly the pieces of its count. */
    @Test
    void bucketsAlwaysHoldExactlyThePiecesOfTheirCountUnderRandomChanges() {
        Random random = new Random(42);
        int pieces = 300;
        RarityOrder order = new RarityOrder(pieces);
        int[] count = new int[pieces];
        boolean[] included = new boolean[pieces];
        for (int step = 0; step < 50_000; step++) {
            int piece = random.nextInt(pieces);
            switch (random.nextInt(4)) {
                case 0 -> {
                    count[piece]++;
                    order.raise(piece);
                }
                case 1 -> {
                    if (count[piece] > 0) {
                        count[piece]--;
                        order.lower(piece);
                    }
                }
                case 2 -> {
                    if (!included[piece]) {
                        included[piece] = true;
                        order.include(piece, count[piece]);
                    }
                }
                default -> {
                    if (included[piece] && random.nextInt(3) == 0) {
                        included[piece] = false;
                        order.exclude(piece);
                    }
                }
            }
            if (step % 997 == 0) {
                check(order, count, included);
            }
        }
        check(order, count, included);
    }

    private static void check(RarityOrder order, int[] count, boolean[] included) {
        Set<Integer> seen = new HashSet<>();
        for (int k = 0; k < order.bucketCount(); k++) {
            for (int i = order.bucketStart(k); i < order.bucketEnd(k); i++) {
                int piece = order.pieceAt(i);
                assertTrue(included[piece], "piece " + piece + " is in the order but excluded");
                assertEquals(count[piece], k, "piece " + piece + " in the wrong bucket");
                assertTrue(seen.add(piece));
            }
        }
        int expected = 0;
        for (int piece = 0; piece < count.length; piece++) {
            expected += included[piece] ? 1 : 0;
            assertEquals(included[piece], order.contains(piece));
        }
        assertEquals(expected, seen.size());
        assertEquals(expected, order.size());
    }
}
