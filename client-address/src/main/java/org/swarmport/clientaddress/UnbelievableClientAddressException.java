package org.swarmport.clientaddress;

/**
 * The client's address cannot be told: the socket address is unusable, or a trusted proxy
 * forwarded headers that cannot be believed. The message is safe to show the client; it
 * never repeats the headers.
 *
 * <p>What to do is the caller's policy: the tracker refuses the announce (registering the
 * proxy as a peer for every client behind it would let them overwrite each other), the login
 * limiter counts the attempt against {@link #proxy()} (lumping clients together is its safe
 * side; letting one client appear as many is not).
 */
public final class UnbelievableClientAddressException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient byte[] proxy;

    UnbelievableClientAddressException(String message, byte[] proxy) {
        super(message, null, false, false);
        this.proxy = proxy;
    }

    /** The trusted proxy that sent the headers (4 or 16 bytes), or null when the socket address itself was unusable. */
    public byte[] proxy() {
        return proxy == null ? null : proxy.clone();
    }
}
