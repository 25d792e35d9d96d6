package org.swarmport.portal.tracker;

/**
 * The tracker did not answer, timed out, or answered with something other than what its API
 * promises: a page says so and goes on.
 */
public class TrackerUnavailableException extends Exception {

    public TrackerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
