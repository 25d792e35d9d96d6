package org.swarmport.peer.metainfo;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * One file's BEP 52 merkle tree, built as the file streams past: SHA-256 of each 16 KiB block,
 * each piece's blocks folded into a piece hash at once, so only the piece layer (32 bytes a
 * piece) is kept, whatever the file's size.
 */
final class V2FileHasher {

    private final MessageDigest sha256 = InfoHash.Version.V2.newDigest();
    private final long pieceLength;
    private final int blocksPerPiece;
    private final byte[] blockHashes;
    private final ByteArrayOutputStream layer = new ByteArrayOutputStream();
    private int blocksInPiece;
    private int inBlock;
    private long length;

    V2FileHasher(long pieceLength) {
        this.pieceLength = pieceLength;
        this.blocksPerPiece = (int) (pieceLength / MerkleTree.BLOCK_SIZE);
        this.blockHashes = new byte[blocksPerPiece * MerkleTree.HASH_LENGTH];
    }

    void update(byte[] bytes, int offset, int count) {
        length += count;
        while (count > 0) {
            int take = Math.min(count, MerkleTree.BLOCK_SIZE - inBlock);
            sha256.update(bytes, offset, take);
            inBlock += take;
            offset += take;
            count -= take;
            if (inBlock == MerkleTree.BLOCK_SIZE) {
                endBlock();
            }
        }
    }

    private void endBlock() {
        byte[] hash = sha256.digest();
        System.arraycopy(hash, 0, blockHashes, blocksInPiece * MerkleTree.HASH_LENGTH, MerkleTree.HASH_LENGTH);
        blocksInPiece++;
        inBlock = 0;
        if (blocksInPiece == blocksPerPiece) {
            endPiece(blocksPerPiece);
        }
    }

    private void endPiece(int leaves) {
        layer.writeBytes(MerkleTree.rootOfBlocks(Arrays.copyOf(blockHashes, blocksInPiece * MerkleTree.HASH_LENGTH), leaves));
        blocksInPiece = 0;
    }

    /** The file's root and piece layer; null for an empty file, which has no tree (BEP 52). */
    Result finish() {
        if (length == 0) {
            return null;
        }
        if (inBlock > 0) {
            // The last block may be shorter than 16 KiB; its leaf hashes just what it holds.
            endBlock();
        }
        if (length <= pieceLength) {
            // A file of one piece at most: its tree is only as wide as its own blocks. When it is
            // exactly one full piece, endBlock already folded that piece into the layer.
            byte[] root = blocksInPiece > 0
                    ? MerkleTree.rootOfBlocks(Arrays.copyOf(blockHashes, blocksInPiece * MerkleTree.HASH_LENGTH), blocksInPiece)
                    : layer.toByteArray();
            return new Result(PiecesRoot.of(root), new byte[0]);
        }
        if (blocksInPiece > 0) {
            // The last piece's missing blocks are zero leaves, so it is as wide as any piece.
            endPiece(blocksPerPiece);
        }
        byte[] pieces = layer.toByteArray();
        return new Result(PiecesRoot.of(MerkleTree.rootFromPieceLayer(pieces, pieceLength)), pieces);
    }

    /** A file's pieces root, and its piece layer (empty when the file fits in one piece). */
    record Result(PiecesRoot root, byte[] pieceLayer) {
    }
}
