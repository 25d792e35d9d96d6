package org.swarmport.peer.session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

import org.swarmport.peer.wire.Bitfield;

/**
 * What a {@link TorrentSession} needs from a torrent's storage, and nothing more: the pieces
 * already verified when it opened, which pieces are wanted, and piece-granular reads and
 * verified writes. The storage package provides the real thing (file mapping, v1/v2
 * verification, resume); this narrow seam keeps the session independent of how it does it.
 *
 * <p>{@link #writePiece} and {@link #read} run on the disk pool, several at once for different
 * pieces; the other methods on the network thread.
 */
interface PieceStore extends AutoCloseable {

    /** Pieces verified when the store opened (resume data or a recheck). */
    Bitfield verified();

    /** Pieces of wanted files; the rest is never requested. */
    Bitfield wanted();

    /**
     * Checks {@code piece}'s bytes against the torrent's hashes and, when they match, writes them.
     * Answers whether they matched; nothing is written when they did not.
     */
    boolean writePiece(int piece, ByteBuffer data) throws IOException;

    /** Reads {@code target.remaining()} bytes at {@code begin} in {@code piece}, a verified piece. */
    void read(int piece, int begin, ByteBuffer target) throws IOException;

    /**
     * Sends bytes {@code skip..length} of the block at {@code begin} in {@code piece}, a verified
     * piece, straight to {@code socket} ({@code FileChannel.transferTo} where storage has files),
     * as many as the socket takes now; runs on the network thread.
     *
     * @return bytes sent by this call
     */
    long transfer(int piece, int begin, int length, long skip, WritableByteChannel socket) throws IOException;

    /** Makes what was written durable and records resume data; called on stop. */
    @Override
    void close() throws IOException;
}
