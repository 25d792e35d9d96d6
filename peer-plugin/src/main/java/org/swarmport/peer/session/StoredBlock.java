package org.swarmport.peer.session;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The data of one {@code piece} message we upload, queued on a connection as a reference to
 * storage rather than as bytes: it is read from storage only when the socket has room, straight
 * into the network thread's upload buffer, together with the blocks queued after it (one read
 * for a run of consecutive blocks, one gathering write for their headers and data; see
 * {@link PeerConnection}). No copy through the Java heap, no disk-pool hand-off per block, and
 * nothing held per connection while the socket is full. Only for plaintext connections: an RC4
 * stream is enciphered when queued, so its blocks are read by the disk pool first.
 */
final class StoredBlock {

    private final PieceStore store;
    private final int piece;
    private final int begin;
    private final int length;
    private int sent;

    StoredBlock(PieceStore store, int piece, int begin, int length) {
        this.store = store;
        this.piece = piece;
        this.begin = begin;
        this.length = length;
    }

    /** Whether the unsent rest of {@code next} follows this block's end in the same piece, so one read covers both. */
    boolean continuedBy(StoredBlock next) {
        return next.store == store && next.piece == piece && next.begin + next.sent == begin + length;
    }

    /** Reads the unsent rest of this block and of the blocks that continue it ({@code target.remaining()} bytes). */
    void readFrom(ByteBuffer target) throws IOException {
        store.read(piece, begin + sent, target);
    }

    /** {@code bytes} more of it went to the socket. */
    void sent(int bytes) {
        sent += bytes;
    }

    boolean isSent() {
        return sent == length;
    }

    /** Bytes not yet sent. */
    int remaining() {
        return length - sent;
    }

    int piece() {
        return piece;
    }

    @Override
    public String toString() {
        return "block " + piece + "@" + begin + " (" + sent + " of " + length + " sent)";
    }
}
