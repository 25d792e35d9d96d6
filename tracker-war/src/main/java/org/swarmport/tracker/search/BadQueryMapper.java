package org.swarmport.tracker.search;

import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.core.Response;
import org.swarmport.tracker.api.ApiError;

/** A bad query or parameter is the caller's to fix: 400 with the reason. */
@Provider
public class BadQueryMapper implements ExceptionMapper<BadQueryException> {

    @Override
    public Response toResponse(BadQueryException e) {
        return ApiError.response(400, e.getMessage());
    }
}
