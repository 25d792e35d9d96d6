package org.swarmport.peer.wire;

/** A {@code bitfield} payload a peer must be dropped for (BEP 3): wrong length or spare bits set. */
public final class BitfieldException extends Exception {

    public BitfieldException(String message) {
        super(message);
    }
}
