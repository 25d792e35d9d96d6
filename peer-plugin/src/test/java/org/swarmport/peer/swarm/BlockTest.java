package org.swarmport.peer.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BlockTest {

    @Test
    void aKeyGivesBackItsPieceAndBlockIndex() {
        for (int piece : new int[] {0, 1, 63, 64, 1023, 1 << 21, Integer.MAX_VALUE - 1}) {
            for (int index : new int[] {0, 1, 63, 2047, 2048, 65535, Integer.MAX_VALUE}) {
                long key = Block.key(piece, index);
                assertEquals(piece, Block.pieceOf(key));
                assertEquals(index, Block.indexOf(key));
            }
        }
        assertEquals(Block.key(3, 2), new Block(3, 2 * Block.LENGTH, Block.LENGTH).key());
    }

    /** Boxed by the picker's maps: a key in Long.valueOf's cache range would take a branch no other key takes. */
    @Test
    void noKeyFallsInLongValueOfsCacheRange() {
        assertTrue(Block.key(0, 0) > 127);
        assertTrue(Block.key(0, 127) > 127);
    }

    /**
     * The request maps box keys: blocks with one hash made {@code HashMap} call {@code Long.equals}
     * on keys that differ, a trap in a cold transfer (issue #6). Every block of a 1 GiB torrent of
     * 1 MiB pieces, and of pieces up to 32 MiB, has a hash of its own.
     */
    @Test
    void blocksOfPiecesUpTo32MiBHaveHashesOfTheirOwn() {
        Set<Integer> hashes = new HashSet<>();
        for (int piece = 0; piece < 1024; piece++) {
            for (int index = 0; index < 64; index++) {
                assertTrue(hashes.add(Long.hashCode(Block.key(piece, index))), "piece " + piece + " block " + index);
            }
        }
        hashes.clear();
        for (int piece = 0; piece < 64; piece++) {
            for (int index = 0; index < 2048; index++) {
                assertTrue(hashes.add(Long.hashCode(Block.key(piece, index))), "piece " + piece + " block " + index);
            }
        }
    }
}
