package org.swarmport.tracker.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The JSON body of every API error: {@code {"status":503,"error":"database unavailable"}}. */
public record ApiError(int status, String error) {

    public static Response response(int status, String error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ApiError(status, error)).build();
    }

    /**
     * An error to throw from a resource. It carries its JSON body, so JAX-RS sends it as it is
     * and no exception mapper replaces the message (Jakarta REST 3.1, section 4.4).
     */
    public static WebApplicationException exception(int status, String error) {
        return new WebApplicationException(response(status, error));
    }
}
