package org.swarmport.peer.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PieceBuffersTest {

    @Test
    void anArrayGivenBackIsTakenAgainWithoutBeingCleared() {
        PieceBuffers buffers = new PieceBuffers(1024, 4);
        byte[] first = buffers.take(1024);
        first[0] = 7;
        buffers.give(first);
        byte[] again = buffers.take(1024);
        assertSame(first, again);
        assertEquals(7, again[0], "the session overwrites what it uses; clearing would cost a memset per piece");
    }

    @Test
    void aShortLastPieceGetsANominalArraySoItCanBeReused() {
        PieceBuffers buffers = new PieceBuffers(1024, 4);
        byte[] last = buffers.take(100);
        assertEquals(1024, last.length);
        buffers.give(last);
        assertSame(last, buffers.take(1024));
    }

    @Test
    void atMostKeptArraysAreHeld() {
        PieceBuffers buffers = new PieceBuffers(1024, 2);
        for (int i = 0; i < 5; i++) {
            buffers.give(new byte[1024]);
        }
        assertEquals(2, buffers.free());
        buffers.take(1024);
        buffers.take(1024);
        assertEquals(0, buffers.free());
        assertEquals(1024, buffers.take(1024).length, "an empty free list allocates");
    }

    @Test
    void arraysOfAnotherLengthAreNeitherKeptNorHandedOut() {
        PieceBuffers buffers = new PieceBuffers(1024, 2);
        byte[] other = new byte[512];
        buffers.give(other);
        assertEquals(0, buffers.free());
        byte[] larger = buffers.take(4096);
        assertEquals(4096, larger.length);
        buffers.give(larger);
        assertEquals(0, buffers.free());
        assertNotSame(other, buffers.take(512));
    }

    @Test
    void whatIsKeptIsBoundedInBytesWhateverThePieceLength() {
        assertEquals(32, PieceBuffers.forPieceLength(1 << 20).kept());
        assertEquals(2, PieceBuffers.forPieceLength(64 << 20).kept());
        assertTrue(PieceBuffers.forPieceLength(16 << 10).kept() * (16 << 10) <= PieceBuffers.KEPT_BYTES);
    }
}
