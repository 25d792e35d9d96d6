package org.swarmport.peer.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.Random;

import org.junit.jupiter.api.Test;

class BitfieldTest {

    @Test
    void pieceZeroIsTheHighBitOfTheFirstByte_BEP3() {
        Bitfield bitfield = new Bitfield(10);
        bitfield.set(0);
        bitfield.set(9);
        assertArrayEquals(new byte[] {(byte) 0x80, 0x40}, bitfield.toWire());
    }

    @Test
    void wireRoundTripsForEveryPieceCountAroundWordEdges() throws Exception {
        Random random = new Random(7);
        for (int count : new int[] {0, 1, 7, 8, 9, 63, 64, 65, 127, 128, 129, 1000}) {
            Bitfield bitfield = new Bitfield(count);
            for (int i = 0; i < count; i++) {
                if (random.nextBoolean()) {
                    bitfield.set(i);
                }
            }
            byte[] wire = bitfield.toWire();
            assertEquals(Bitfield.wireLength(count), wire.length);
            assertEquals(bitfield, Bitfield.fromWire(wire, 0, wire.length, count));
        }
    }

    @Test
    void wrongLengthIsRefused_BEP3() {
        BitfieldException tooLong = assertThrows(BitfieldException.class,
                () -> Bitfield.fromWire(new byte[3], 0, 3, 10));
        assertEquals("bitfield of 3 bytes for 10 pieces (expected 2)", tooLong.getMessage());
        assertThrows(BitfieldException.class, () -> Bitfield.fromWire(new byte[1], 0, 1, 10));
    }

    @Test
    void spareBitSetIsRefused_BEP3() {
        BitfieldException spare = assertThrows(BitfieldException.class,
                () -> Bitfield.fromWire(new byte[] {0, 0x20}, 0, 2, 10));
        assertEquals("bitfield has spare bit 10 set beyond the last piece 9", spare.getMessage());
    }

    @Test
    void setAllLeavesSpareBitsClearAndCountsEveryPiece() throws Exception {
        Bitfield bitfield = new Bitfield(70);
        bitfield.setAll();
        assertTrue(bitfield.isComplete());
        assertEquals(70, bitfield.cardinality());
        assertEquals(-1, bitfield.nextClearBit(0));
        byte[] wire = bitfield.toWire();
        assertEquals((byte) 0xfc, wire[8]); // pieces 64..69 set, 70 and 71 spare
        assertEquals(bitfield, Bitfield.fromWire(wire, 0, wire.length, 70));
        bitfield.clearAll();
        assertTrue(bitfield.isEmpty());
    }

    @Test
    void setAndClearAnswerWhetherTheyChangedAnything() {
        Bitfield bitfield = new Bitfield(5);
        assertTrue(bitfield.set(3));
        assertFalse(bitfield.set(3));
        assertEquals(1, bitfield.cardinality());
        assertTrue(bitfield.clear(3));
        assertFalse(bitfield.clear(3));
        assertEquals(0, bitfield.cardinality());
    }

    @Test
    void indexOutsideThePiecesIsRefused() {
        Bitfield bitfield = new Bitfield(5);
        assertThrows(IndexOutOfBoundsException.class, () -> bitfield.get(5));
        assertThrows(IndexOutOfBoundsException.class, () -> bitfield.set(-1));
    }

    @Test
    void scansAgreeWithBitSet() {
        Random random = new Random(11);
        int count = 300;
        Bitfield bitfield = new Bitfield(count);
        BitSet expected = new BitSet(count);
        for (int i = 0; i < count; i++) {
            if (random.nextInt(5) == 0) {
                bitfield.set(i);
                expected.set(i);
            }
        }
        for (int from = 0; from < count; from++) {
            assertEquals(expected.nextSetBit(from), bitfield.nextSetBit(from), "next set from " + from);
            int clear = expected.nextClearBit(from);
            assertEquals(clear < count ? clear : -1, bitfield.nextClearBit(from), "next clear from " + from);
        }
        assertEquals(-1, bitfield.nextSetBit(count + 100));
    }

    @Test
    void interestIsHavingSomethingWeLack_BEP3() {
        Bitfield ours = new Bitfield(100);
        Bitfield theirs = new Bitfield(100);
        theirs.set(99);
        assertTrue(ours.lacksAnyOf(theirs));
        ours.set(99);
        assertFalse(ours.lacksAnyOf(theirs));
        assertThrows(IllegalArgumentException.class, () -> ours.lacksAnyOf(new Bitfield(99)));
    }

    @Test
    void copyIsIndependent() {
        Bitfield bitfield = new Bitfield(8);
        bitfield.set(1);
        Bitfield copy = bitfield.copy();
        copy.set(2);
        assertFalse(bitfield.get(2));
        assertEquals(1, bitfield.cardinality());
        assertEquals(2, copy.cardinality());
    }
}
