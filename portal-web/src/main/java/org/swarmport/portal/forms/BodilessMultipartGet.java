package org.swarmport.portal.forms;

import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import jakarta.servlet.ServletContext;
import java.util.Locale;

/**
 * A GET or HEAD that says {@code Content-Type: multipart/...} loses that header before the
 * servlet layer sees it. Java's HttpClient keeps a multipart POST's Content-Type on the GET it
 * follows a redirect with, and Undertow parses a request's parameters from its body whenever the
 * type is a form type: a multipart parse of no body failed, and the page was a 500. A GET's body
 * means nothing (RFC 9110 section 9.3.1), so its parameters are the query string's alone.
 *
 * <p>An Undertow handler (listed in {@code META-INF/services}), not a servlet filter: Weld reads
 * the request's {@code cid} parameter from the container's own request object, before and around
 * every filter, so a wrapped request would not reach it.
 */
public final class BodilessMultipartGet implements ServletExtension {

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        deployment.addInitialHandlerChainWrapper(next -> exchange -> {
            if (claimsMultipartBody(exchange)) {
                exchange.getRequestHeaders().remove(Headers.CONTENT_TYPE);
            }
            next.handleRequest(exchange);
        });
    }

    static boolean claimsMultipartBody(HttpServerExchange exchange) {
        return isBodilessMultipart(exchange.getRequestMethod().toString(),
                exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE));
    }

    /** A GET or HEAD (whose body means nothing) with a multipart Content-Type. */
    static boolean isBodilessMultipart(String method, String contentType) {
        boolean bodiless = Methods.GET_STRING.equals(method) || Methods.HEAD_STRING.equals(method);
        return bodiless && contentType != null && contentType.strip().toLowerCase(Locale.ROOT).startsWith("multipart/");
    }
}
