package org.swarmport.db;

/**
 * The JSON body of a health check, the same shape for tracker and portal:
 * {@code {"status":"UP","database":"UP","schema":"tracker","schemaVersion":"1"}}, and a
 * {@code message} saying what is wrong when something is.
 */
public record HealthReport(String status, String database, String schema, String schemaVersion, String message) {

    public static HealthReport of(DatabaseStatus database) {
        return new HealthReport(database.isUp() ? "UP" : "DOWN", database.state().name(),
                database.schema(), database.version(), database.message());
    }
}
