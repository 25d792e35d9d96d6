package org.swarmport.tracker.ws;

/**
 * A message the WebSocket tracker cannot act on; its message becomes the
 * {@code failure reason} the client is sent, so it must say what is wrong in plain words.
 */
final class WsRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    WsRequestException(String failureReason) {
        super(failureReason, null, false, false);
    }
}
