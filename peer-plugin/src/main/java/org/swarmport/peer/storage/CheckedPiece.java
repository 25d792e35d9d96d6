package org.swarmport.peer.storage;

import java.nio.ByteBuffer;

/**
 * A whole piece in memory that matched its hash ({@link TorrentStorage#checkPiece}) and is still
 * to be written ({@link TorrentStorage#write(CheckedPiece)}). Hashing and writing are two steps so
 * that an engine can hash on some threads while another writes: a write past the page cache
 * blocks for as long as the device takes, and hashing the next piece need not wait behind it.
 * Only storage makes one, so nothing reaches the verified bitfield without its hash check.
 */
public final class CheckedPiece {

    private final TorrentStorage storage;
    private final int piece;
    private final ByteBuffer bytes;

    CheckedPiece(TorrentStorage storage, int piece, ByteBuffer bytes) {
        this.storage = storage;
        this.piece = piece;
        this.bytes = bytes;
    }

    /** The piece's index. */
    public int piece() {
        return piece;
    }

    TorrentStorage storage() {
        return storage;
    }

    /** The checked bytes, as many as were given to {@link TorrentStorage#checkPiece}; the caller must not change them. */
    ByteBuffer bytes() {
        return bytes.duplicate();
    }
}
