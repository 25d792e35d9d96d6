package org.swarmport.tracker.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 404, 405, 415 and the like as JSON, with JAX-RS's own short reason. */
@Provider
public class HttpErrorMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return ApiError.response(status.getStatusCode(), status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT));
    }
}
