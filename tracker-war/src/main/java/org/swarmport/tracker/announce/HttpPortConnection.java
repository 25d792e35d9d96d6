package org.swarmport.tracker.announce;

import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import org.swarmport.clientaddress.ClientAddressResolver;

/**
 * One client connection of an {@link HttpPortLoop}, touched only by that loop's thread.
 * Most live for one announce and never buffer anything: the request arrives in one read and
 * the answer leaves in one write. Only a head split over several reads, or an answer the
 * socket did not take at once, is kept here.
 */
final class HttpPortConnection {

    final SocketChannel channel;
    /** Null until the connection has to wait for bytes: most never do. */
    SelectionKey key;
    /** The client's address as text, for {@link ClientAddressResolver}; found at the first request. */
    String remoteAddress;

    /** Bytes of an unfinished request head (or of pipelined requests), or null. */
    byte[] pendingInput;
    int pendingInputLength;

    /** The rest of an answer the socket did not take at once, or null. */
    ByteBuffer pendingOutput;
    boolean closeAfterOutput;

    /** Closed for the loop; the socket itself may wait for the selector to let go of it. */
    boolean closed;

    /** When the connection is closed unless a request has been answered by then (nanoTime). */
    long deadline;
    HttpPortConnection older;
    HttpPortConnection newer;

    HttpPortConnection(SocketChannel channel) {
        this.channel = channel;
    }
}
