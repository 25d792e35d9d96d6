package org.swarmport.peer.metainfo;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;

/**
 * BEP 3's piece hashes over a stream of bytes that runs across file boundaries: SHA-1 of each
 * {@code piece length} bytes of the concatenated files, the last piece possibly shorter.
 * Pad files (BEP 47) are fed as zeros.
 */
final class V1PieceHasher {

    private static final byte[] ZEROS = new byte[MerkleTree.BLOCK_SIZE];

    private final MessageDigest sha1 = InfoHash.Version.V1.newDigest();
    private final long pieceLength;
    private final ByteArrayOutputStream pieces = new ByteArrayOutputStream();
    private long inPiece;

    V1PieceHasher(long pieceLength) {
        this.pieceLength = pieceLength;
    }

    void update(byte[] bytes, int offset, int length) {
        while (length > 0) {
            int take = (int) Math.min(length, pieceLength - inPiece);
            sha1.update(bytes, offset, take);
            inPiece += take;
            offset += take;
            length -= take;
            if (inPiece == pieceLength) {
                pieces.writeBytes(sha1.digest());
                inPiece = 0;
            }
        }
    }

    void updateZeros(long count) {
        while (count > 0) {
            int take = (int) Math.min(count, ZEROS.length);
            update(ZEROS, 0, take);
            count -= take;
        }
    }

    /** The {@code pieces} string: 20 bytes a piece, the short last piece included. */
    byte[] finish() {
        if (inPiece > 0) {
            pieces.writeBytes(sha1.digest());
            inPiece = 0;
        }
        return pieces.toByteArray();
    }
}
