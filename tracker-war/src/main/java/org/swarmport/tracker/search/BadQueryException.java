package org.swarmport.tracker.search;

/** A search request that cannot be answered as asked; the message names the parameter and says why. */
public class BadQueryException extends RuntimeException {

    public BadQueryException(String message) {
        super(message);
    }
}
