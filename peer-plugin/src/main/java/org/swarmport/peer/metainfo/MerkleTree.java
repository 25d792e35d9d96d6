package org.swarmport.peer.metainfo;

import java.security.DigestException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The per-file hash tree of BEP 52: SHA-256 leaves over 16 KiB blocks (the last may be
 * shorter), each parent the SHA-256 of its two children, the leaf count padded up to a power
 * of two with leaves of 32 zero bytes. The tree's root is the file's {@code pieces root}; the
 * layer whose nodes each cover one piece is its {@code piece layers} entry.
 *
 * <p>Only whole layers of hashes go in and out here, so a file of any size costs 32 bytes a
 * piece, never 32 bytes a block.
 */
public final class MerkleTree {

    /** BEP 52's block: the leaves of every tree hash this many bytes. */
    public static final int BLOCK_SIZE = 16 * 1024;
    public static final int HASH_LENGTH = 32;

    private MerkleTree() {
    }

    /**
     * The root over {@code count} hashes laid end to end in {@code hashes}, padded with copies of
     * {@code padding} up to a power of two. A single hash is its own root.
     */
    public static byte[] root(byte[] hashes, int count, byte[] padding) {
        if (count < 1 || hashes.length < (long) count * HASH_LENGTH) {
            throw new IllegalArgumentException("need " + count + " hashes, have " + hashes.length / HASH_LENGTH);
        }
        MessageDigest sha256 = InfoHash.Version.V2.newDigest();
        byte[] layer = Arrays.copyOf(hashes, count * HASH_LENGTH);
        byte[] pad = padding.clone();
        int width = count;
        while (width > 1) {
            int parents = (width + 1) / 2;
            byte[] next = new byte[parents * HASH_LENGTH];
            for (int i = 0; i < parents; i++) {
                sha256.update(layer, 2 * i * HASH_LENGTH, HASH_LENGTH);
                if (2 * i + 1 < width) {
                    sha256.update(layer, (2 * i + 1) * HASH_LENGTH, HASH_LENGTH);
                } else {
                    sha256.update(pad);
                }
                digestInto(sha256, next, i * HASH_LENGTH);
            }
            // The padding of the next layer up is the parent of two paddings.
            sha256.update(pad);
            sha256.update(pad);
            pad = sha256.digest();
            layer = next;
            width = parents;
        }
        return Arrays.copyOf(layer, HASH_LENGTH);
    }

    /** The root of a subtree of {@code leaves} zero leaves: what pads a piece layer (BEP 52). */
    public static byte[] zeroSubtree(long leaves) {
        if (leaves < 1 || Long.bitCount(leaves) != 1) {
            throw new IllegalArgumentException("leaf count must be a power of two: " + leaves);
        }
        MessageDigest sha256 = InfoHash.Version.V2.newDigest();
        byte[] hash = new byte[HASH_LENGTH];
        for (long width = leaves; width > 1; width /= 2) {
            sha256.update(hash);
            sha256.update(hash);
            hash = sha256.digest();
        }
        return hash;
    }

    /** The root of a file whose piece layer is {@code layer}, one hash for each {@code pieceLength} bytes. */
    public static byte[] rootFromPieceLayer(byte[] layer, long pieceLength) {
        return root(layer, layer.length / HASH_LENGTH, zeroSubtree(pieceLength / BLOCK_SIZE));
    }

    /**
     * The root over the block hashes of one piece, or of a whole file no longer than one piece:
     * {@code leaves} is the blocks a piece holds, for a piece of a larger file (the last piece's
     * missing blocks are zero leaves), or the file's own block count for a file that fits in a
     * piece, whose tree is only as wide as the file.
     */
    public static byte[] rootOfBlocks(byte[] blockHashes, int leaves) {
        // Missing leaves are 32 zero bytes, which is what copyOf pads with.
        return root(Arrays.copyOf(blockHashes, leaves * HASH_LENGTH), leaves, new byte[HASH_LENGTH]);
    }

    private static void digestInto(MessageDigest digest, byte[] target, int offset) {
        try {
            digest.digest(target, offset, HASH_LENGTH);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 digest does not fit 32 bytes", e);
        }
    }
}
