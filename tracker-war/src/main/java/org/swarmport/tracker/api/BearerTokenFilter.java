package org.swarmport.tracker.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * {@code Authorization: Bearer <token>} (RFC 6750) on every {@link WriteAccess} method: a
 * missing or wrong token is a 401 with {@code WWW-Authenticate: Bearer}, before the body is
 * read.
 */
@Provider
@WriteAccess
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenFilter implements ContainerRequestFilter {

    private static final String SCHEME = "Bearer ";

    @Inject
    ServiceToken serviceToken;

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            request.abortWith(refused("missing Authorization: Bearer token", null));
        } else if (!authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                || !serviceToken.matches(authorization.substring(SCHEME.length()).strip())) {
            request.abortWith(refused("wrong bearer token", "invalid_token"));
        }
    }

    private static Response refused(String message, String error) {
        Response response = ApiError.response(401, message);
        return Response.fromResponse(response)
                .header(HttpHeaders.WWW_AUTHENTICATE, error == null ? "Bearer" : "Bearer error=\"" + error + "\"")
                .build();
    }
}
