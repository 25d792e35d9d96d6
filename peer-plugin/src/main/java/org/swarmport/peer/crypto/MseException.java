package org.swarmport.peer.crypto;

/**
 * An MSE handshake that cannot go on: the peer sent something the protocol or our
 * {@link EncryptionPolicy} does not allow. The message names the defect and is fit for a log line;
 * the connection is to be closed.
 */
public final class MseException extends Exception {

    public MseException(String message) {
        super(message);
    }
}
