package org.swarmport.peer.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

class PieceBuffersTest {

    @Test
    void aBufferGivenBackIsTakenAgainWithoutBeingCleared() {
        PieceBuffers buffers = new PieceBuffers(1024, 4);
        ByteBuffer first = buffers.take(1024);
        assertTrue(first.isDirect(), "storage writes direct buffers without a copy");
        assertEquals(0, first.alignmentOffset(0, PieceBuffers.ALIGNMENT), "aligned, so storage can write it with O_DIRECT");
        first.put(0, (byte) 7).position(100).limit(200);
        buffers.give(first);
        ByteBuffer again = buffers.take(1024);
        assertSame(first, again);
        assertEquals(7, again.get(0), "the session overwrites what it uses; clearing would cost a memset per piece");
        assertEquals(0, again.position());
        assertEquals(1024, again.limit());
    }

    @Test
    void aShortLastPieceGetsANominalBufferSoItCanBeReused() {
        PieceBuffers buffers = new PieceBuffers(1024, 4);
        ByteBuffer last = buffers.take(100);
        assertEquals(1024, last.capacity());
        buffers.give(last);
        assertSame(last, buffers.take(1024));
    }

    @Test
    void beyondTheKeptDirectBuffersHeapBuffersAreHandedOutAndNotKept() {
        PieceBuffers buffers = new PieceBuffers(1024, 2);
        ByteBuffer a = buffers.take(1024);
        ByteBuffer b = buffers.take(1024);
        ByteBuffer c = buffers.take(1024);
        assertTrue(a.isDirect() && b.isDirect());
        assertFalse(c.isDirect(), "direct memory stays bounded when many pieces are in flight");
        assertEquals(1024, c.capacity());
        buffers.give(c);
        assertEquals(0, buffers.free());
        buffers.give(a);
        buffers.give(b);
        assertEquals(2, buffers.free());
        assertTrue(buffers.take(1024).isDirect());
    }

    @Test
    void aLongerPieceThanTheNominalGetsItsOwnHeapBuffer() {
        PieceBuffers buffers = new PieceBuffers(1024, 2);
        ByteBuffer larger = buffers.take(4096);
        assertEquals(4096, larger.capacity());
        assertFalse(larger.isDirect());
        buffers.give(larger);
        assertEquals(0, buffers.free());
    }

    @Test
    void directMemoryIsBoundedInBytesWhateverThePieceLength() {
        assertEquals(32, PieceBuffers.forPieceLength(1 << 20).kept());
        assertEquals(PieceBuffers.MIN_KEPT, PieceBuffers.forPieceLength(64 << 20).kept());
        assertTrue(PieceBuffers.forPieceLength(16 << 10).kept() * (16L << 10) <= PieceBuffers.KEPT_BYTES);
    }
}
