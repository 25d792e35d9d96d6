package org.swarmport.tracker.catalogue;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.swarmport.tracker.api.ApiError;

/** A field a client got wrong is its 400, with the message saying which and why. */
@Provider
public class InvalidFieldMapper implements ExceptionMapper<InvalidFieldException> {

    @Override
    public Response toResponse(InvalidFieldException e) {
        return ApiError.response(400, e.getMessage());
    }
}
