package org.swarmport.portal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The login limiter behind a reverse proxy: the test server trusts {@code 127.0.0.2}
 * ({@code -Dswarmport.trusted.proxies}, arquillian.xml), {@link ProxyRelay} connects from it,
 * and each test client plays a proxy that appends its client's address. Direct requests come
 * from 127.0.0.1, an untrusted client whose forwarding headers must count for nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoginBehindProxyIT {

    private static final String LIMITED = "Too many failed sign-ins. Try again in ";
    private static final String WRONG = "Wrong username or password.";
    private static ProxyRelay relay;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/portal.war"));
    }

    @ArquillianResource
    URL base;

    @AfterAll
    static void stopRelay() throws Exception {
        if (relay != null) {
            relay.close();
        }
    }

    private PortalVisitor behindProxy(String forwardedFor) throws Exception {
        URI server = base.toURI();
        if (relay == null) {
            relay = new ProxyRelay(server);
        }
        PortalVisitor visitor = new PortalVisitor(relay.base(server), HttpClient.newBuilder());
        return forwardedFor == null ? visitor : visitor.header("X-Forwarded-For", forwardedFor);
    }

    /** Fails {@link LoginLimiter#PER_ADDRESS} sign-ins with as many names, so that only the address limit applies. */
    private static void failEveryAllowedAttempt(PortalVisitor visitor) throws Exception {
        for (int i = 0; i < LoginLimiter.PER_ADDRESS; i++) {
            assertTrue(signIn(visitor).contains(WRONG), "attempt " + i + " is checked");
        }
        assertTrue(signIn(visitor).contains(LIMITED), "the next attempt from this client waits");
    }

    private static String signIn(PortalVisitor visitor) throws Exception {
        HttpResponse<String> page = visitor.signIn("nobody-" + UUID.randomUUID().toString().substring(0, 8), "wrong password");
        assertEquals(200, page.statusCode(), page.body());
        return page.body();
    }

    @Test
    @Order(1)
    void twoClientsBehindATrustedProxyAreLimitedSeparately() throws Exception {
        failEveryAllowedAttempt(behindProxy("198.51.100.1, 203.0.113.10"));

        assertTrue(signIn(behindProxy("203.0.113.10")).contains(LIMITED), "the same client on a new connection");
        assertTrue(signIn(behindProxy("203.0.113.11")).contains(WRONG), "its neighbour behind the proxy is not limited");
        assertTrue(signIn(behindProxy(null)).contains(WRONG), "nor is the proxy itself");
    }

    @Test
    @Order(2)
    void anIpv6ClientBehindTheProxyCountsByItsSlash64() throws Exception {
        failEveryAllowedAttempt(behindProxy("[2001:db8:1:2::1]:51000"));

        assertTrue(signIn(behindProxy("2001:db8:1:2:ffff::9")).contains(LIMITED), "the same /64");
        assertTrue(signIn(behindProxy("2001:db8:1:3::1")).contains(WRONG), "another /64");
    }

    @Test
    @Order(3)
    void anUntrustedClientsSpoofedForwardingHeadersAreIgnored() throws Exception {
        for (int i = 0; i < LoginLimiter.PER_ADDRESS; i++) {
            PortalVisitor direct = new PortalVisitor(base).header("X-Forwarded-For", "192.0.2." + (i + 1))
                    .header("Forwarded", "for=192.0.2." + (i + 1));
            assertTrue(signIn(direct).contains(WRONG), "attempt " + i);
        }
        PortalVisitor yetAnotherSpoof = new PortalVisitor(base).header("X-Forwarded-For", "192.0.2.200");

        assertTrue(signIn(yetAnotherSpoof).contains(LIMITED), "every attempt counted against 127.0.0.1, the socket");
        assertTrue(signIn(behindProxy("203.0.113.12")).contains(WRONG), "clients behind the proxy are not affected");
    }
}
