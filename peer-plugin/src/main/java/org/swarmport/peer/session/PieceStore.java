package org.swarmport.peer.session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;

import org.swarmport.peer.storage.CheckedPiece;
import org.swarmport.peer.wire.Bitfield;

/**
 * What a {@link TorrentSession} needs from a torrent's storage, and nothing more: the pieces
 * already verified when it opened, which pieces are wanted, and piece-granular reads and
 * verified writes. The storage package provides the real thing (file mapping, v1/v2
 * verification, resume); this narrow seam keeps the session independent of how it does it.
 *
 * <p>{@link #check} and {@link #read} run on the disk pool, several at once, {@link #write} on the
 * engine's one disk writer; the other methods on the network thread.
 */
interface PieceStore extends AutoCloseable {

    /** Pieces verified when the store opened (resume data or a recheck). */
    Bitfield verified();

    /** Pieces of wanted files; the rest is never requested. */
    Bitfield wanted();

    /**
     * Checks {@code piece}'s bytes against the torrent's hashes: the piece to {@link #write} when
     * they match, empty when they do not.
     */
    Optional<CheckedPiece> check(int piece, ByteBuffer data);

    /** Writes a piece {@link #check} passed, and records it verified once its bytes are written. */
    void write(CheckedPiece piece) throws IOException;

    /**
     * Reads {@code target.remaining()} bytes at {@code begin} in {@code piece}, a verified piece.
     * On the disk pool (uploads, {@link UploadRead}), never the network thread: a read that misses
     * the page cache would stall every peer of that thread.
     */
    void read(int piece, int begin, ByteBuffer target) throws IOException;

    /**
     * Makes what was written durable and records resume data, while the torrent runs: on a timer
     * and at completion, so that after a crash at most that much verified work is rehashed. On
     * the disk pool.
     */
    void saveResume() throws IOException;

    /** Makes what was written durable and records resume data; called on stop. */
    @Override
    void close() throws IOException;
}
