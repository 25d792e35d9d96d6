package org.swarmport.tracker.announce;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import jakarta.servlet.ServletContext;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Answers announces and scrapes on Undertow's I/O thread, before the servlet machinery.
 *
 * <p>Why: an announce is all in memory and never blocks, yet going through the servlet
 * container costs more than the tracker's own work. The request is handed from the I/O
 * thread to a worker, and security, CDI request context and servlet request objects are set
 * up and torn down. Measured on this 2-core machine, that made Swarmport spend about 100 µs
 * of CPU per keep-alive announce where opentracker spends about 36 µs (docs/BENCHMARKS.md).
 * Here the same {@link HttpTracker} that backs {@link HttpTrackerServlet} answers straight
 * from the I/O thread. The servlet stays: it builds the tracker (with CDI) when the war
 * starts, and answers whatever this does not take: other methods, or a request that
 * arrives before the servlet is ready.
 *
 * <p>An Undertow extension, found through {@code META-INF/services}; it ties the tracker to
 * WildFly's web server, which DESIGN.md makes the platform anyway.
 */
public final class IoThreadAnswers implements ServletExtension {

    /** The servlet context attribute under which {@link HttpTrackerServlet} publishes its tracker. */
    static final String TRACKER = HttpTracker.class.getName();

    private static final HttpString X_FORWARDED_FOR = HttpString.tryFromString("X-Forwarded-For");

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        deployment.addInitialHandlerChainWrapper(next -> new Answers(next, context));
    }

    private static final class Answers implements HttpHandler {

        private final HttpHandler next;
        private final ServletContext context;
        private volatile HttpTracker tracker;

        Answers(HttpHandler next, ServletContext context) {
            this.next = next;
            this.context = context;
        }

        @Override
        public void handleRequest(HttpServerExchange exchange) throws Exception {
            String path = exchange.getRelativePath();
            boolean announce = "/announce".equals(path);
            HttpTracker ready = tracker();
            if (ready == null || !(announce || "/scrape".equals(path))
                    || !Methods.GET.equals(exchange.getRequestMethod())) {
                next.handleRequest(exchange);
                return;
            }
            InetSocketAddress source = exchange.getSourceAddress();
            byte[] answer = ready.answer(announce, exchange.getQueryString(),
                    source == null ? null : source.getAddress().getHostAddress(), () -> forwardedFor(exchange));
            exchange.setStatusCode(200);
            exchange.getResponseHeaders()
                    .put(Headers.CONTENT_TYPE, "text/plain")
                    .put(Headers.CACHE_CONTROL, "no-store");
            exchange.getResponseSender().send(ByteBuffer.wrap(answer));
        }

        /** Null until the servlet has started; until then the servlet answers. */
        private HttpTracker tracker() {
            HttpTracker current = tracker;
            if (current == null && context.getAttribute(TRACKER) instanceof HttpTracker published) {
                tracker = current = published;
            }
            return current;
        }

        private static List<String> forwardedFor(HttpServerExchange exchange) {
            HeaderValues values = exchange.getRequestHeaders().get(X_FORWARDED_FOR);
            return values == null ? List.of() : List.copyOf(values);
        }
    }
}
