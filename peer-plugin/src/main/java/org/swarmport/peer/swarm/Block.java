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

    /**
     * Piece + 1 in the high half, so that no key is small: the maps box keys, and
     * {@code Long.valueOf} takes its cache branch for -128..127, which only piece 0's keys hit.
     * C2 compiled the receive path before piece 0 came (pieces are picked at random), made that
     * branch a trap, and piece 0 recompiled {@code TorrentSession.onMessage} mid-transfer (issue #6).
     */
    static long key(int piece, int index) {
        return ((piece + 1L) << 32) | index;
    }

    static int pieceOf(long key) {
        return (int) (key >>> 32) - 1;
    }

    static int indexOf(long key) {
        return (int) key;
    }
}
