package org.swarmport.tracker.api;

import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import jakarta.servlet.ServletContext;

/**
 * Bounds every request body the tracker reads at {@value #MAX_BODY_BYTES} bytes, as the HTTP
 * listener's max-post-size did before it was raised to 8 GiB so that the portal can drain the
 * upload it refuses (configure.cli, the portal's {@code RefusedBodyDrain}). Undertow refuses a
 * body past the exchange's max entity size, which starts as the listener's: without this, a form
 * body read as parameters would be buffered up to that.
 *
 * <p>An Undertow handler (listed in {@code META-INF/services}), ahead of everything that reads.
 * The API's own bound, {@link RequestSizeLimit}, is smaller and answers with JSON.
 */
public final class RequestBodyBound implements ServletExtension {

    /** 64 MiB. */
    static final long MAX_BODY_BYTES = 64L << 20;

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        deployment.addInitialHandlerChainWrapper(next -> exchange -> {
            exchange.setMaxEntitySize(MAX_BODY_BYTES);
            next.handleRequest(exchange);
        });
    }
}
