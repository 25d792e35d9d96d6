package org.swarmport.peer.session;

import java.io.IOException;
import java.nio.channels.WritableByteChannel;

/**
 * The data of one {@code piece} message we upload, queued on a connection as a reference to
 * storage rather than as bytes: when the socket has room, {@link #transfer} moves it from the
 * file to the socket with {@code FileChannel.transferTo} (sendfile: no copy through the Java
 * heap, no disk-pool hand-off, DESIGN.md's zero-copy upload). Only for plaintext connections:
 * an RC4 stream needs the bytes in memory to encipher them.
 */
final class StoredBlock {

    private final PieceStore store;
    private final int piece;
    private final int begin;
    private final int length;
    private long sent;

    StoredBlock(PieceStore store, int piece, int begin, int length) {
        this.store = store;
        this.piece = piece;
        this.begin = begin;
        this.length = length;
    }

    /** Sends what the socket takes now, answering how many bytes that was; call again until {@link #isSent}. */
    long transfer(WritableByteChannel socket) throws IOException {
        long n = store.transfer(piece, begin, length, sent, socket);
        sent += n;
        return n;
    }

    boolean isSent() {
        return sent == length;
    }

    /** Bytes not yet sent. */
    long remaining() {
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
