package org.swarmport.portal.tracker;

/**
 * The tracker refused a search (400): its message says which parameter or which part of the
 * query, and is meant to be shown next to the search box.
 */
public class BadSearchException extends Exception {

    public BadSearchException(String trackerMessage) {
        super(trackerMessage);
    }
}
