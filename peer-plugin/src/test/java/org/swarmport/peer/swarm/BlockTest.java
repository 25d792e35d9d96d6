package org.swarmport.peer.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BlockTest {

    @Test
    void aKeyGivesBackItsPieceAndBlockIndex() {
        for (int piece : new int[] {0, 1, 1023, Integer.MAX_VALUE - 1}) {
            for (int index : new int[] {0, 1, 63, 65535}) {
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
}
