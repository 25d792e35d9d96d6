package org.swarmport.tracker.announce;

/**
 * A request head the tracker's HTTP port refuses: answered with {@link #status()} and the
 * message as a bencoded {@code failure reason}, then the connection is closed, since after a
 * malformed head the next request cannot be found. No stack trace: anyone can cause this.
 */
public final class HttpRequestHeadException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    public HttpRequestHeadException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** 400, 414, 431 or 505. */
    public int status() {
        return status;
    }
}
