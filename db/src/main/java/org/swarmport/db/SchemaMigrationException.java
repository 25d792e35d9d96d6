package org.swarmport.db;

/** A migration failed on a database that answers: retrying will not help, a person must look. */
public final class SchemaMigrationException extends RuntimeException {

    public SchemaMigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
