package org.swarmport.peer.wire;

import java.util.Arrays;

/**
 * Which pieces of a torrent a peer has, in the layout of BEP 3's {@code bitfield} message: piece
 * 0 is the high bit of the first byte, and the spare bits after the last piece are zero.
 *
 * <p>Storage keeps one for the pieces it has verified, the engine one per peer, and the piece
 * picker reads them; so it lives here, beside the message it is named after. Not thread-safe:
 * each is owned by the network thread or copied across.
 */
public final class Bitfield {

    private final int pieceCount;
    private final long[] words;
    private int cardinality;

    /** An empty bitfield for {@code pieceCount} pieces. */
    public Bitfield(int pieceCount) {
        if (pieceCount < 0) {
            throw new IllegalArgumentException("piece count " + pieceCount + " is negative");
        }
        this.pieceCount = pieceCount;
        this.words = new long[(pieceCount + 63) >>> 6];
    }

    /** Bytes a {@code bitfield} message carries for {@code pieceCount} pieces. */
    public static int wireLength(int pieceCount) {
        return (pieceCount + 7) >>> 3;
    }

    /**
     * Reads a {@code bitfield} message's payload. BEP 3 says a peer sending the wrong length, or
     * any spare bit set, is to be dropped; the message says which.
     */
    public static Bitfield fromWire(byte[] bytes, int offset, int length, int pieceCount) throws BitfieldException {
        if (length != wireLength(pieceCount)) {
            throw new BitfieldException("bitfield of " + length + " bytes for " + pieceCount
                    + " pieces (expected " + wireLength(pieceCount) + ")");
        }
        Bitfield bitfield = new Bitfield(pieceCount);
        for (int i = 0; i < length; i++) {
            int b = bytes[offset + i] & 0xff;
            if (b == 0) {
                continue;
            }
            for (int bit = 0; bit < 8; bit++) {
                if ((b & (0x80 >>> bit)) == 0) {
                    continue;
                }
                int piece = i * 8 + bit;
                if (piece >= pieceCount) {
                    throw new BitfieldException("bitfield has spare bit " + piece + " set beyond the last piece "
                            + (pieceCount - 1));
                }
                bitfield.set(piece);
            }
        }
        return bitfield;
    }

    /** The payload of a {@code bitfield} message. */
    public byte[] toWire() {
        byte[] bytes = new byte[wireLength(pieceCount)];
        for (int piece = nextSetBit(0); piece >= 0; piece = nextSetBit(piece + 1)) {
            bytes[piece >>> 3] |= (byte) (0x80 >>> (piece & 7));
        }
        return bytes;
    }

    public int pieceCount() {
        return pieceCount;
    }

    public boolean get(int piece) {
        checkIndex(piece);
        return (words[piece >>> 6] & (1L << piece)) != 0;
    }

    /** Sets the bit; answers whether it was clear before (a {@code have} that tells something new). */
    public boolean set(int piece) {
        checkIndex(piece);
        long mask = 1L << piece;
        int word = piece >>> 6;
        if ((words[word] & mask) != 0) {
            return false;
        }
        words[word] |= mask;
        cardinality++;
        return true;
    }

    /** Clears the bit; answers whether it was set before. */
    public boolean clear(int piece) {
        checkIndex(piece);
        long mask = 1L << piece;
        int word = piece >>> 6;
        if ((words[word] & mask) == 0) {
            return false;
        }
        words[word] &= ~mask;
        cardinality--;
        return true;
    }

    /** Sets every piece (a seed, or BEP 6's {@code have all}). */
    public void setAll() {
        Arrays.fill(words, -1L);
        int spare = words.length * 64 - pieceCount;
        if (spare > 0) {
            words[words.length - 1] >>>= spare;
        }
        cardinality = pieceCount;
    }

    /** Clears every piece (BEP 6's {@code have none}). */
    public void clearAll() {
        Arrays.fill(words, 0L);
        cardinality = 0;
    }

    /** How many pieces are set. */
    public int cardinality() {
        return cardinality;
    }

    public boolean isEmpty() {
        return cardinality == 0;
    }

    public boolean isComplete() {
        return cardinality == pieceCount;
    }

    /** The first set piece at or after {@code from}, or -1. */
    public int nextSetBit(int from) {
        if (from < 0) {
            throw new IndexOutOfBoundsException("from " + from);
        }
        int word = from >>> 6;
        if (word >= words.length) {
            return -1;
        }
        long bits = words[word] & (-1L << from);
        while (true) {
            if (bits != 0) {
                return word * 64 + Long.numberOfTrailingZeros(bits);
            }
            if (++word == words.length) {
                return -1;
            }
            bits = words[word];
        }
    }

    /** The first clear piece at or after {@code from}, or -1 when there is none below the piece count. */
    public int nextClearBit(int from) {
        if (from < 0) {
            throw new IndexOutOfBoundsException("from " + from);
        }
        int word = from >>> 6;
        if (word >= words.length) {
            return -1;
        }
        long bits = ~words[word] & (-1L << from);
        while (true) {
            if (bits != 0) {
                int piece = word * 64 + Long.numberOfTrailingZeros(bits);
                return piece < pieceCount ? piece : -1;
            }
            if (++word == words.length) {
                return -1;
            }
            bits = ~words[word];
        }
    }

    /** Whether {@code other} has a piece this one lacks: whether we are interested in its owner. */
    public boolean lacksAnyOf(Bitfield other) {
        checkSameSize(other);
        for (int i = 0; i < words.length; i++) {
            if ((other.words[i] & ~words[i]) != 0) {
                return true;
            }
        }
        return false;
    }

    public Bitfield copy() {
        Bitfield copy = new Bitfield(pieceCount);
        System.arraycopy(words, 0, copy.words, 0, words.length);
        copy.cardinality = cardinality;
        return copy;
    }

    private void checkIndex(int piece) {
        if (piece < 0 || piece >= pieceCount) {
            throw new IndexOutOfBoundsException("piece " + piece + " of " + pieceCount);
        }
    }

    private void checkSameSize(Bitfield other) {
        if (other.pieceCount != pieceCount) {
            throw new IllegalArgumentException("bitfields of " + pieceCount + " and " + other.pieceCount + " pieces");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Bitfield that && that.pieceCount == pieceCount && Arrays.equals(that.words, words);
    }

    @Override
    public int hashCode() {
        return 31 * pieceCount + Arrays.hashCode(words);
    }

    @Override
    public String toString() {
        return "Bitfield[" + cardinality + "/" + pieceCount + "]";
    }
}
