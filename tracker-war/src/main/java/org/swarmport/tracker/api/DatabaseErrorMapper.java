package org.swarmport.tracker.api;

import jakarta.persistence.PersistenceException;
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
        LOG.log(Level.FINE, "database error answered with 503", e);
        return ApiError.response(503, "database unavailable, try again later");
    }
}
