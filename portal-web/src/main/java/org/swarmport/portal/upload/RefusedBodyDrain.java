package org.swarmport.portal.upload;

import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.Methods;
import jakarta.servlet.ServletContext;

/**
 * Lets the server read and discard a body {@link UploadSizeLimit} refuses, after the 413, instead
 * of cutting the connection. A browser is still sending then, and closing a connection with unread
 * data is a TCP reset, which throws away whatever answer the browser had already received: someone
 * who picked a 300 MiB video instead of its .torrent saw "HTTP ERROR 400" or a broken connection,
 * not the page that says the file is too large. Past {@value #MAX_DRAINED_BYTES} bytes, the
 * HTTP listener's max-post-size (configure.cli), the reset is the answer.
 *
 * <p>Undertow bounds every read of a body, the drain at the end of the exchange too, by the
 * exchange's max entity size, which starts as the listener's max-post-size. So every request of the
 * portal is first bounded again at {@value #MAX_BODY_BYTES} bytes, the bound it had before the
 * listener's was raised for this, and only a refused POST gets the drain's bound. That one is set
 * after Undertow's servlet layer gives a multipart request the Faces servlet's multipart-config
 * bound (16 MiB) and before any filter; nothing but the drain reads the body then, and the drain
 * discards it through a pooled buffer.
 *
 * <p>Undertow handlers (listed in {@code META-INF/services}), not a servlet filter: a filter runs
 * too late to change the bound of a multipart request.
 */
public final class RefusedBodyDrain implements ServletExtension {

    /** 8 GiB: the most read of a refused body so that the browser sees the answer. */
    static final long MAX_DRAINED_BYTES = 8L << 30;

    /** 64 MiB: the bound of any other request's body. */
    static final long MAX_BODY_BYTES = 64L << 20;

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        deployment.addInitialHandlerChainWrapper(next -> exchange -> {
            exchange.setMaxEntitySize(MAX_BODY_BYTES);
            next.handleRequest(exchange);
        });
        deployment.addOuterHandlerChainWrapper(next -> exchange -> {
            if (isRefused(exchange.getRequestMethod().toString(), exchange.getRequestContentLength())) {
                exchange.setMaxEntitySize(MAX_DRAINED_BYTES);
            }
            next.handleRequest(exchange);
        });
    }

    /** A POST that {@link UploadSizeLimit} answers with 413 unread. */
    static boolean isRefused(String method, long contentLength) {
        return Methods.POST_STRING.equals(method) && contentLength > UploadSizeLimit.MAX_REQUEST_BYTES;
    }
}
