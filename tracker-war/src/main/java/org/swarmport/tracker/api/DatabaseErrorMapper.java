package org.swarmport.tracker.api;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A database that does not answer (or a schema not migrated yet) is a 503 the caller may
 * retry, not a 500 with SQL in it. The detail goes to the log at FINE: health checks and the
 * schema bean already report the outage once.
 */
@Provider
public class DatabaseErrorMapper implements ExceptionMapper<PersistenceException> {

    private static final Logger LOG = Logger.getLogger(DatabaseErrorMapper.class.getName());

    @Override
    public Response toResponse(PersistenceException e) {
        if (violatesAConstraint(e)) {
            // Two writers raced past the API's own checks (two uploads of one torrent, say):
            // the database kept its rules, and the loser may look again.
            LOG.log(Level.FINE, "constraint violation answered with 409", e);
            return ApiError.response(409, "conflicts with data stored at the same time, look again");
        }
        LOG.log(Level.FINE, "database error answered with 503", e);
        return ApiError.response(503, "database unavailable, try again later");
    }

    /** SQLSTATE class 23, integrity constraint violation, on H2 and PostgreSQL alike. */
    private static boolean violatesAConstraint(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
