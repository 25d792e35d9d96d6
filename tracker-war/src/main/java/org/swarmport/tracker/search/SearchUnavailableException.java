package org.swarmport.tracker.search;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.swarmport.tracker.api.ApiError;

/** The index is being built from the catalogue for the first time: 503, try again shortly. */
public class SearchUnavailableException extends RuntimeException {

    public SearchUnavailableException() {
        super("search index is being built from the catalogue, try again shortly");
    }

    @Provider
    public static class Mapper implements ExceptionMapper<SearchUnavailableException> {

        @Override
        public Response toResponse(SearchUnavailableException e) {
            return ApiError.response(503, e.getMessage());
        }
    }
}
