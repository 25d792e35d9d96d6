package org.swarmport.peer.metainfo;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;

/**
 * BEP 52's hash transfer over one file's piece layer, both ways, as pure functions. A file's
 * tree above its pieces is {@code width} hashes wide, the piece count padded up to a power of two
 * with the root of an all-zero piece. A request names {@code count} hashes of that layer from
 * {@code index} and {@code proofLayers}; the answer is those hashes, then the uncles that link
 * their subtree to the file's root, lowest first: one uncle for each of the
 * {@code proofLayers + 1 - log2(count)} layers above the subtree, the count libtorrent sends and
 * checks. A whole layer in one answer needs no uncles.
 *
 * <p>{@link #request} is what to ask for; {@link #verify} checks an answer against the root from
 * the metadata before a hash of it is believed; {@link #answer} builds one for a peer from a layer
 * we hold.
 */
public final class PieceLayerProof {

    /** Hashes per request of a large layer: libtorrent's chunk, and so what its peers expect. */
    public static final int CHUNK = 512;
    /** The most hashes one answer may carry (libtorrent's bound: a 128 MiB piece's leaves). */
    public static final int MAX_COUNT = 8192;

    private PieceLayerProof() {
    }

    /** What to ask for: {@code count} hashes from {@code index}, with {@code proofLayers}. */
    public record Range(int index, int count, int proofLayers) {
    }

    /** The layer's width: {@code pieces} rounded up to a power of two. */
    public static int width(int pieces) {
        return pieces <= 1 ? 1 : Integer.highestOneBit(pieces - 1) << 1;
    }

    /** The piece layer's number counted from the 16 KiB leaves (BEP 52 {@code base layer}). */
    public static int baseLayer(long pieceLength) {
        return Long.numberOfTrailingZeros(pieceLength / MerkleTree.BLOCK_SIZE);
    }

    /**
     * The requests that fetch the whole layer of a file of {@code pieces} pieces: chunks of
     * {@value #CHUNK} from the start, the last one narrowed to the power of two that covers what
     * is left (at least 2, so that its uncles start at the same layer for every sender), each
     * proven up to the root.
     */
    public static Range[] requests(int pieces) {
        if (pieces < 2) {
            throw new IllegalArgumentException("a file of " + pieces + " piece has no piece layer");
        }
        int width = width(pieces);
        int height = Integer.numberOfTrailingZeros(width);
        Range[] ranges = new Range[(pieces + CHUNK - 1) / CHUNK];
        for (int i = 0; i < ranges.length; i++) {
            int start = i * CHUNK;
            int count = Math.min(CHUNK, Math.max(2, width(pieces - start)));
            ranges[i] = new Range(start, count, height - 1);
        }
        return ranges;
    }

    /**
     * The {@code count} layer hashes an answer proves for the file whose root is
     * {@code piecesRoot}, empty when the answer is malformed or does not hash to that root.
     * Hashes past the file's last piece are padding and come back as the answer gave them; the
     * caller keeps only real pieces.
     */
    public static Optional<byte[]> verify(byte[] piecesRoot, long pieceLength, int pieces, int index, int count,
            int proofLayers, byte[] hashes) {
        int width = width(pieces);
        int height = Integer.numberOfTrailingZeros(width);
        if (!valid(width, index, count, proofLayers)) {
            return Optional.empty();
        }
        int subtree = Integer.numberOfTrailingZeros(width(count));
        int uncles = Math.max(0, proofLayers + 1 - subtree);
        if (hashes.length != (count + uncles) * MerkleTree.HASH_LENGTH || subtree + uncles != height) {
            return Optional.empty();
        }
        byte[] layer = Arrays.copyOf(hashes, count * MerkleTree.HASH_LENGTH);
        byte[] node = MerkleTree.root(layer, count, MerkleTree.zeroSubtree(pieceLength / MerkleTree.BLOCK_SIZE));
        MessageDigest sha256 = InfoHash.Version.V2.newDigest();
        int position = index >> subtree;
        for (int u = 0; u < uncles; u++, position >>= 1) {
            int at = (count + u) * MerkleTree.HASH_LENGTH;
            if ((position & 1) == 0) {
                sha256.update(node);
                sha256.update(hashes, at, MerkleTree.HASH_LENGTH);
            } else {
                sha256.update(hashes, at, MerkleTree.HASH_LENGTH);
                sha256.update(node);
            }
            node = sha256.digest();
        }
        return MessageDigest.isEqual(node, piecesRoot) ? Optional.of(layer) : Optional.empty();
    }

    /**
     * The answer to a request for {@code count} hashes of {@code layer} (a file's piece layer,
     * 32 bytes a piece) from {@code index} with {@code proofLayers}; empty when the request does
     * not fit the file, so the caller sends a {@code hash reject}.
     */
    public static Optional<byte[]> answer(byte[] layer, long pieceLength, int index, int count, int proofLayers) {
        int pieces = layer.length / MerkleTree.HASH_LENGTH;
        int width = width(pieces);
        if (pieces < 2 || !valid(width, index, count, proofLayers)) {
            return Optional.empty();
        }
        byte[][] levels = levels(layer, pieces, width, pieceLength);
        int subtree = Integer.numberOfTrailingZeros(width(count));
        int uncles = Math.max(0, proofLayers + 1 - subtree);
        byte[] out = new byte[(count + uncles) * MerkleTree.HASH_LENGTH];
        System.arraycopy(levels[0], index * MerkleTree.HASH_LENGTH, out, 0, count * MerkleTree.HASH_LENGTH);
        int position = index >> subtree;
        for (int u = 0; u < uncles; u++, position >>= 1) {
            System.arraycopy(levels[subtree + u], (position ^ 1) * MerkleTree.HASH_LENGTH, out,
                    (count + u) * MerkleTree.HASH_LENGTH, MerkleTree.HASH_LENGTH);
        }
        return Optional.of(out);
    }

    /** libtorrent's {@code validate_hash_request}, for the piece layer of a tree {@code width} wide. */
    private static boolean valid(int width, int index, int count, int proofLayers) {
        int height = Integer.numberOfTrailingZeros(width);
        return index >= 0 && count >= 1 && count <= MAX_COUNT && proofLayers >= 0 && index < width
                && (long) index + count <= width && proofLayers < Math.max(1, height)
                && index % width(count) == 0;
    }

    /** Every layer from the padded piece layer (level 0) up to the root. */
    private static byte[][] levels(byte[] layer, int pieces, int width, long pieceLength) {
        int height = Integer.numberOfTrailingZeros(width);
        byte[][] levels = new byte[height + 1][];
        byte[] pad = MerkleTree.zeroSubtree(pieceLength / MerkleTree.BLOCK_SIZE);
        levels[0] = Arrays.copyOf(layer, width * MerkleTree.HASH_LENGTH);
        for (int i = pieces; i < width; i++) {
            System.arraycopy(pad, 0, levels[0], i * MerkleTree.HASH_LENGTH, MerkleTree.HASH_LENGTH);
        }
        MessageDigest sha256 = InfoHash.Version.V2.newDigest();
        for (int level = 1; level <= height; level++) {
            int nodes = width >> level;
            levels[level] = new byte[nodes * MerkleTree.HASH_LENGTH];
            for (int i = 0; i < nodes; i++) {
                sha256.update(levels[level - 1], 2 * i * MerkleTree.HASH_LENGTH, 2 * MerkleTree.HASH_LENGTH);
                System.arraycopy(sha256.digest(), 0, levels[level], i * MerkleTree.HASH_LENGTH, MerkleTree.HASH_LENGTH);
            }
        }
        return levels;
    }
}
