package org.swarmport.portal.account;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.Cookie;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import jakarta.servlet.ServletContext;

/**
 * Marks the portal's cookies {@code Secure} on requests that came over HTTPS.
 *
 * <p>Why here: web.xml's {@code <secure>} is all or nothing, and "always" would lose the
 * session on a plain-HTTP development server while "never" would let the session id leak to
 * an HTTP request on a site served over HTTPS. Undertow knows per exchange whether it is
 * secure (also behind a TLS-terminating proxy when WildFly's {@code proxy-address-forwarding}
 * is on), and cookies are still changeable until the response is committed. An Undertow
 * extension, found through {@code META-INF/services}. {@code HttpOnly} and
 * {@code SameSite=Lax} come from web.xml.
 */
public final class SecureSessionCookie implements ServletExtension {

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        deployment.addInitialHandlerChainWrapper(next -> new HttpHandler() {
            @Override
            public void handleRequest(HttpServerExchange exchange) throws Exception {
                if (exchange.isSecure()) {
                    exchange.addResponseCommitListener(committed -> {
                        for (Cookie cookie : committed.responseCookies()) {
                            cookie.setSecure(true);
                        }
                    });
                }
                next.handleRequest(exchange);
            }
        });
    }
}
