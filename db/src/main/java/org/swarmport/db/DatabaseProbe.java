package org.swarmport.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Asks the database whether it answers, for health checks. */
public final class DatabaseProbe {

    static final int VALID_TIMEOUT_SECONDS = 2;

    private DatabaseProbe() {
    }

    /** Null when the database answers, else a one-line reason. */
    public static String problem(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALID_TIMEOUT_SECONDS) ? null : "the database did not answer within "
                    + VALID_TIMEOUT_SECONDS + " s";
        } catch (SQLException e) {
            return rootMessage(e);
        }
    }

    /**
     * The innermost message of an exception chain: the pool's and Flyway's wrappers say
     * little, the driver's own words ("Connection to db:5432 refused") say what is wrong.
     */
    static String rootMessage(Throwable e) {
        Throwable deepest = e;
        String message = e.getMessage();
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
            if (deepest.getMessage() != null) {
                message = deepest.getMessage();
            }
        }
        if (message == null) {
            return deepest.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
