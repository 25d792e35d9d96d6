package org.swarmport.portal.upload;

import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.Methods;
import jakarta.servlet.ServletContext;

/**
 * Lets the server read and discard a body {@link UploadSizeLimit} refuses, after the 413, instead
 * of cutting the connection at its own bound (the listener's max-post-size, 64 MiB). A browser is
 * still sending then: Undertow answered a bare 400 and closed, the close was a reset, and a reset
 * throws away whatever answer the browser had already received. Someone who picked the content
 * instead of its .torrent sends gigabytes; past {@value #MAX_DRAINED_BYTES} bytes the reset is the
 * answer.
 *
 * <p>An Undertow handler (listed in {@code META-INF/services}), not a servlet filter: Weld reads
 * the request's parameters before any filter runs, which hits the bound first.
 */
public final class RefusedBodyDrain implements ServletExtension {

    /** 8 GiB: the most read of a refused body so that the browser sees the answer. */
    static final long MAX_DRAINED_BYTES = 8L << 30;

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        deployment.addInitialHandlerChainWrapper(next -> exchange -> {
            long length = exchange.getRequestContentLength();
            if (isRefused(exchange.getRequestMethod().toString(), length)) {
                exchange.setMaxEntitySize(Math.min(length, MAX_DRAINED_BYTES));
            }
            next.handleRequest(exchange);
        });
    }

    /** A POST that {@link UploadSizeLimit} answers with 413 unread. */
    static boolean isRefused(String method, long contentLength) {
        return Methods.POST_STRING.equals(method) && contentLength > UploadSizeLimit.MAX_REQUEST_BYTES;
    }
}
