package org.swarmport.peer.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PieceBuffersTest {

    @Test
    void aGivenBackArrayIsReusedAndComesBackZeroed_BEP47PadBytesHashAsZeros() {
        PieceBuffers buffers = new PieceBuffers(8, 2);
        byte[] first = buffers.take(8);
        Arrays.fill(first, (byte) 7);
        buffers.give(first);

        byte[] again = buffers.take(8);

        assertSame(first, again);
        assertEquals(8, again.length);
        for (byte b : again) {
            assertEquals(0, b);
        }
    }

    @Test
    void otherLengthsAreNeitherReusedNorKept() {
        PieceBuffers buffers = new PieceBuffers(8, 2);
        byte[] last = buffers.take(5); // a shorter last piece
        buffers.give(last);

        assertEquals(5, buffers.take(5).length);
        assertNotSame(last, buffers.take(5));
        assertEquals(8, buffers.take(8).length);
    }

    @Test
    void keepsNoMoreThanItsBound() {
        PieceBuffers buffers = new PieceBuffers(4, 1);
        byte[] a = buffers.take(4);
        byte[] b = buffers.take(4);
        buffers.give(a);
        buffers.give(b);

        assertSame(a, buffers.take(4));
        assertNotSame(b, buffers.take(4), "the second array was left to the collector");
    }
}
