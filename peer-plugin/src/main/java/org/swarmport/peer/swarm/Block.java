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
     *
     * <p>The low half is chosen so that {@code Long.hashCode} (the halves xor-ed) is
     * {@code (piece · 2048 + index) · }{@link #MIX}: one hash per block of any piece up to 32 MiB in
     * a torrent of up to 2^21 pieces, spread over the table. With the low half the block index,
     * the blocks of pieces whose numbers differ in the low six bits only had the same 64 hashes,
     * so the request maps called {@code Long.equals} for keys that differ, a branch a cold profile
     * had not seen taken: a trap that recompiled {@code HashMap.putVal} at each cold start (issue #6).
     * Any piece and index still make a key of their own, whatever the hash.
     */
    static long key(int piece, int index) {
        int high = piece + 1;
        int hash = (piece * 2048 + index) * MIX;
        return ((long) high << 32) | ((hash ^ high) & 0xffffffffL);
    }

    static int pieceOf(long key) {
        return (int) (key >>> 32) - 1;
    }

    static int indexOf(long key) {
        int high = (int) (key >>> 32);
        int hash = (int) key ^ high;
        return hash * UNMIX - (high - 1) * 2048;
    }

    /** An odd multiplier (2^32 over the golden ratio), so the block's hash is a bijection of {@code piece · 2048 + index}; {@link #UNMIX} undoes it. */
    private static final int MIX = 0x9E3779B9;
    /** The inverse of {@link #MIX} modulo 2^32. */
    private static final int UNMIX = 0x144CBC89;
}
