package org.swarmport.db;

/** Where a war's schema stands, as health checks report it. */
public record DatabaseStatus(State state, String schema, String version, String message) {

    public enum State {
        /** Not tried yet. */
        STARTING,
        /** Migrated and answering. */
        UP,
        /** No connection; migration is retried until it answers. */
        UNAVAILABLE,
        /** A migration failed; the schema is not usable until a person fixes it. */
        FAILED
    }

    public boolean isUp() {
        return state == State.UP;
    }
}
