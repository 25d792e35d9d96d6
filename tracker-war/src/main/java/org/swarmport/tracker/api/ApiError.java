package org.swarmport.tracker.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The JSON body of every API error: {@code {"status":503,"error":"database unavailable"}}. */
public record ApiError(int status, String error) {

    public static Response response(int status, String error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ApiError(status, error)).build();
    }
}
