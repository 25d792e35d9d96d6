package org.swarmport.peer.wire;

/**
 * Bytes from a peer that break the peer wire protocol: a wrong handshake, a message longer than
 * its limit, a fixed-size message of the wrong size, a malformed extension payload.
 *
 * <p>Checked, because such input is an expected outcome of talking to strangers: the session
 * answers it by dropping the peer, never by crashing. The message names the defect and the values
 * involved (never more than a few bytes of peer content), so it can be logged and shown as is.
 */
public final class WireException extends Exception {

    public WireException(String message) {
        super(message);
    }

    public WireException(String message, Throwable cause) {
        super(message, cause);
    }
}
