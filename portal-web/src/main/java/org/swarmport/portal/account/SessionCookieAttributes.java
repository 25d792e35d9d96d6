package org.swarmport.portal.account;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.Cookie;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import jakarta.servlet.ServletContext;

/**
 * Gives the portal's cookies (the session cookie is the only one) {@code SameSite=Lax}, and
 * {@code Secure} on requests that came over HTTPS. {@code HttpOnly} comes from web.xml.
 *
 * <p>Why here: web.xml's {@code <secure>} is all or nothing, and "always" would lose the
 * session on a plain-HTTP development server while "never" would let the session id leak to
 * an HTTP request of a site served over HTTPS. Undertow knows per exchange whether it is
 * secure (also behind a TLS-terminating proxy when WildFly's {@code proxy-address-forwarding}
 * is on), and cookies can still be changed until the response is committed. Servlet 6's
 * {@code <cookie-config><attribute>} would do for SameSite, but WildFly 39 drops it from the
 * session cookie (AccountPagesIT saw that). An Undertow extension, found through
 * {@code META-INF/services}.
 */
public final class SessionCookieAttributes implements ServletExtension {

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        deployment.addInitialHandlerChainWrapper(next -> new HttpHandler() {
            @Override
            public void handleRequest(HttpServerExchange exchange) throws Exception {
                boolean secure = exchange.isSecure();
                exchange.addResponseCommitListener(committed -> {
                    for (Cookie cookie : committed.responseCookies()) {
                        cookie.setSameSiteMode("Lax");
                        if (secure) {
                            cookie.setSecure(true);
                        }
                    }
                });
                next.handleRequest(exchange);
            }
        });
    }
}
