package org.swarmport.peer.swarm;

/**
 * A block: the unit of a BEP 3 {@code request}, {@code piece}, {@code cancel} and BEP 6
 * {@code reject} message. Pieces are split into blocks of {@link #LENGTH} bytes, the last block of
 * a piece being shorter when the piece length is not a multiple of it.
 *
 * @param piece  index of the piece
 * @param offset byte offset of the block inside the piece, a multiple of {@link #LENGTH}
 * @param length bytes of the block, 1 to {@link #LENGTH}
 */
public record Block(int piece, int offset, int length) {

    /** 16 KiB: what every client requests and the most most clients serve (BEP 3, BEP 52). */
    public static final int LENGTH = 16 * 1024;

    public Block {
        if (piece < 0 || offset < 0 || offset % LENGTH != 0 || length < 1 || length > LENGTH) {
            throw new IllegalArgumentException("not a block: piece " + piece + " offset " + offset + " length " + length);
        }
    }

    /** Index of the block inside its piece. */
    public int index() {
        return offset / LENGTH;
    }

    /** One number for (piece, block index), the key of maps of outstanding requests. */
    long key() {
        return key(piece, index());
    }

    static long key(int piece, int index) {
        return ((long) piece << 32) | index;
    }
}
