package org.swarmport.peer.tracker;

/**
 * An announce or scrape that did not give an answer: the tracker refused it ({@code failure
 * reason}, BEP 3; an error action, BEP 15), its answer was malformed or beyond our limits, or
 * it could not be reached in time. Checked: trackers fail all the time, and the caller moves on
 * to the next one (BEP 12).
 */
public final class TrackerException extends Exception {

    private final boolean refused;

    TrackerException(String message, boolean refused) {
        super(message);
        this.refused = refused;
    }

    TrackerException(String message, Throwable cause) {
        super(message, cause);
        this.refused = false;
    }

    /** A malformed answer, or an I/O failure. */
    static TrackerException failed(String message) {
        return new TrackerException(message, false);
    }

    /** The tracker answered and said no; {@code reason} is its own text, bounded. */
    static TrackerException refused(String reason) {
        return new TrackerException("tracker refused: " + TrackerText.bounded(reason), true);
    }

    /** True when the tracker answered and said no, rather than failing to answer. */
    public boolean refused() {
        return refused;
    }
}
