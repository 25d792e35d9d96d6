package org.swarmport.tracker.stats;

import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Counts every API request that matched a resource method, by its paths as declared
 * ({@code search}, {@code torrents/{id}}, {@code torrents/existing}): after matching, so an
 * unknown path is no new key.
 */
@Provider
public class ApiRequestCount implements ContainerRequestFilter {

    @Inject
    ApiRequests requests;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Class<?> type = resource.getResourceClass();
        Path path = type == null ? null : type.getAnnotation(Path.class);
        Path method = resource.getResourceMethod() == null ? null : resource.getResourceMethod().getAnnotation(Path.class);
        String name = path == null ? "other" : strip(path.value());
        requests.count(method == null ? name : name + "/" + strip(method.value()));
    }

    private static String strip(String path) {
        int from = path.startsWith("/") ? 1 : 0;
        int to = path.endsWith("/") && path.length() > from ? path.length() - 1 : path.length();
        return path.substring(from, to);
    }
}
