package org.swarmport.tracker.announce;

/**
 * A request the tracker refuses. The message is the bencoded {@code failure reason}
 * (BEP 3) the client shows its user, so it is short, ASCII, names the parameter, and
 * never repeats more than a formatted number of the client's input.
 *
 * <p>Unchecked because every caller reacts the same way: answer with the message. No
 * stack trace is captured: hostile clients can make the tracker throw this on every
 * request, and a stack trace would cost more than the parsing itself.
 */
public final class TrackerRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TrackerRequestException(String failureReason) {
        super(failureReason, null, false, false);
    }
}
