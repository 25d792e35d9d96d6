package org.swarmport.tracker.udp;

/**
 * A request the tracker refuses with a BEP 15 error packet (action 3). The packet was long
 * enough to carry a transaction id, so the client can match the answer; the message is short
 * ASCII and never repeats the client's input.
 *
 * <p>The server must still check {@link #connectionId()} before it answers: the packet may
 * come from a spoofed address (see the package documentation).
 *
 * <p>Checked, so the server cannot forget the case; no stack trace is captured, since hostile
 * clients can make the parser throw this on every packet.
 */
public final class UdpRequestException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int transactionId;
    private final long connectionId;

    public UdpRequestException(int transactionId, long connectionId, String message) {
        super(message, null, false, false);
        this.transactionId = transactionId;
        this.connectionId = connectionId;
    }

    public int transactionId() {
        return transactionId;
    }

    /** The first 8 bytes of the packet, to check against the sender before answering. */
    public long connectionId() {
        return connectionId;
    }
}
