package org.swarmport.peer.storage;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

import org.swarmport.peer.metainfo.FileEntry;
import org.swarmport.peer.metainfo.MerkleTree;
import org.swarmport.peer.metainfo.Metainfo;

/**
 * Whether one piece's bytes are the torrent's: fed the piece from first byte to last, it hashes
 * them as the torrent's versions demand and compares with the metainfo.
 *
 * <ul>
 * <li>v1 (BEP 3): SHA-1 over the whole piece, across file boundaries and pad files, equals the
 *     piece's entry in {@code pieces};</li>
 * <li>v2 (BEP 52): the piece lies in one file; SHA-256 of each 16 KiB block of that file's bytes
 *     (the last block may be shorter) are the leaves of a subtree whose root equals the file's
 *     piece-layer entry, or the file's {@code pieces root} when the file fits in one piece. The
 *     alignment gap or pad file after the file is not part of it;</li>
 * <li>hybrid: both, and the piece is good only when both agree that it is.</li>
 * </ul>
 *
 * <p>A pure function over bytes with no I/O, so the engine can also check a piece it holds in
 * memory before writing it. One check is used by one thread.
 */
public final class PieceCheck {

    private final MessageDigest sha1;
    private final MessageDigest sha256;
    private final byte[] expectedV1;
    private final byte[] expectedV2;
    private final int size;
    /** Bytes of the piece the v2 tree covers: the file's, not the padding after it. */
    private final int v2Length;
    private final int leaves;
    private final byte[] blockHashes;
    private int fed;
    private int inBlock;
    private int blocks;

    /** A check of piece {@code piece} of {@code metainfo}, laid out by {@code map}. */
    public PieceCheck(Metainfo metainfo, PieceMap map, int piece) {
        this.size = map.pieceSize(piece);
        boolean v1 = metainfo.version().hasV1();
        this.sha1 = v1 ? digest("SHA-1") : null;
        this.expectedV1 = v1 ? metainfo.pieceHashV1(piece) : null;
        if (metainfo.version().hasV2()) {
            List<FileSpan> spans = map.spans(piece);
            FileSpan first = spans.get(0);
            if (first.padding()) {
                throw new IllegalStateException("v2 piece " + piece + " does not start with a file");
            }
            FileEntry file = metainfo.files().get(first.file());
            this.v2Length = first.length();
            long pieceLength = metainfo.pieceLength();
            int inFile = (int) (first.fileOffset() / pieceLength);
            this.expectedV2 = metainfo.pieceHashV2(file, inFile);
            // A file of one piece or less has a tree only as wide as its own blocks (BEP 52).
            this.leaves = file.length() <= pieceLength
                    ? (int) ((file.length() + MerkleTree.BLOCK_SIZE - 1) / MerkleTree.BLOCK_SIZE)
                    : (int) (pieceLength / MerkleTree.BLOCK_SIZE);
            this.sha256 = digest("SHA-256");
            this.blockHashes = new byte[(v2Length + MerkleTree.BLOCK_SIZE - 1) / MerkleTree.BLOCK_SIZE
                    * MerkleTree.HASH_LENGTH];
        } else {
            this.v2Length = 0;
            this.expectedV2 = null;
            this.leaves = 0;
            this.sha256 = null;
            this.blockHashes = null;
        }
    }

    /** Whether {@code pieceBytes} (all of its remaining bytes) are piece {@code piece}. */
    public static boolean matches(Metainfo metainfo, PieceMap map, int piece, ByteBuffer pieceBytes) {
        PieceCheck check = new PieceCheck(metainfo, map, piece);
        check.update(pieceBytes);
        return check.matches();
    }

    /** Bytes of the piece still to be fed. */
    public int remaining() {
        return size - fed;
    }

    /** Feeds the next bytes of the piece: all of {@code bytes}' remaining ones. */
    public void update(ByteBuffer bytes) {
        if (bytes.remaining() > remaining()) {
            throw new IllegalArgumentException(bytes.remaining() + " bytes fed to a piece with " + remaining() + " left");
        }
        if (sha1 != null) {
            sha1.update(bytes.duplicate());
        }
        if (sha256 != null) {
            ByteBuffer rest = bytes.duplicate();
            int at = fed;
            while (rest.hasRemaining() && at < v2Length) {
                int take = Math.min(rest.remaining(), Math.min(MerkleTree.BLOCK_SIZE - inBlock, v2Length - at));
                ByteBuffer slice = rest.slice();
                slice.limit(take);
                sha256.update(slice);
                rest.position(rest.position() + take);
                at += take;
                inBlock += take;
                if (inBlock == MerkleTree.BLOCK_SIZE || at == v2Length) {
                    endBlock();
                }
            }
        }
        fed += bytes.remaining();
        bytes.position(bytes.limit());
    }

    /** Feeds {@code count} zero bytes: padding the caller did not hold. */
    public void updateZeros(int count) {
        while (count > 0) {
            ByteBuffer zeros = Zeros.slice(Math.min(count, PieceMap.BLOCK_SIZE));
            count -= zeros.remaining();
            update(zeros);
        }
    }

    private void endBlock() {
        byte[] hash = sha256.digest();
        System.arraycopy(hash, 0, blockHashes, blocks * MerkleTree.HASH_LENGTH, MerkleTree.HASH_LENGTH);
        blocks++;
        inBlock = 0;
    }

    /**
     * Whether every byte was fed and they hash to what the torrent says.
     *
     * @throws IllegalStateException when bytes of the piece are still missing
     */
    public boolean matches() {
        if (fed != size) {
            throw new IllegalStateException("piece checked with " + remaining() + " of its " + size + " bytes missing");
        }
        boolean good = true;
        if (sha1 != null) {
            good = MessageDigest.isEqual(sha1.digest(), expectedV1);
        }
        if (sha256 != null) {
            byte[] root = MerkleTree.rootOfBlocks(Arrays.copyOf(blockHashes, blocks * MerkleTree.HASH_LENGTH), leaves);
            good &= MessageDigest.isEqual(root, expectedV2);
        }
        return good;
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }
}
