package org.swarmport.db;

/** No connection to the database could be had; the same call may succeed later. */
public final class DatabaseUnavailableException extends Exception {

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
