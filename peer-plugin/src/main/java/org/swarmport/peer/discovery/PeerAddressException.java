package org.swarmport.peer.discovery;

/** A peer address written as text that is not {@code host:port} with a valid host and port. */
public final class PeerAddressException extends Exception {

    public PeerAddressException(String message) {
        super(message);
    }
}
