package org.swarmport.tracker.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A bug answers 500 with an incident id and no stack trace; the stack trace goes to the log
 * under the same id, so an operator can find it from a user's report.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<RuntimeException> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Override
    public Response toResponse(RuntimeException e) {
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.log(Level.SEVERE, "incident " + incident, e);
        return ApiError.response(500, "internal error, incident " + incident);
    }
}
