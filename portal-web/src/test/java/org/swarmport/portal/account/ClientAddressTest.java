package org.swarmport.portal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.swarmport.clientaddress.ClientAddressResolver;
import org.swarmport.clientaddress.TrustedProxies;

/** The login limiter's key; how the headers are read is {@code client-address}'s tests'. */
class ClientAddressTest {

    private static final ClientAddressResolver BEHIND_PROXY =
            new ClientAddressResolver(TrustedProxies.parse("10.0.0.0/8, ::1, fd00::/8"));

    private static String key(String socket, List<String> xff, List<String> forwarded) {
        return ClientAddress.limiterKey(BEHIND_PROXY, socket, xff, forwarded);
    }

    @Test
    void theClientBehindATrustedProxyIsTheKey() {
        assertEquals("203.0.113.7", key("10.0.0.1", List.of("6.6.6.6, 203.0.113.7, 10.0.0.2"), List.of()));
        assertEquals("192.0.2.60", key("10.0.0.1", List.of(), List.of("for=192.0.2.60;proto=https")));
        assertEquals("203.0.113.9", key("203.0.113.9", List.of("198.51.100.1"), List.of()), "spoofed from outside");
    }

    @Test
    void headersThatCannotBeBelievedCountAgainstTheProxy() {
        for (String bad : List.of("not-an-ip", "256.1.1.1", "1.2.3.4:99999999", "[1.2.3.4]", "example.com",
                "2001:db8::1%eth0", "x".repeat(10_000), "unknown", "<script>")) {
            assertEquals("10.0.0.1", key("10.0.0.1", List.of(bad + ", 10.0.0.2"), List.of()), bad);
        }
        assertEquals("10.0.0.1", key("10.0.0.1", List.of("192.0.2.60"), List.of("for=198.51.100.1")),
                "the two headers disagree: one was passed on from the client");
        assertEquals("10.0.0.1", key("10.0.0.1", List.of(), List.of("for=unknown")));
    }

    @Test
    void ipv6ClientsCountByTheirSlash64() {
        assertEquals("2001:db8:1:2:0:0:0:0/64", key("::1", List.of("2001:db8:1:2:aaaa::1"), List.of()));
        assertEquals(key("::1", List.of("2001:db8:1:2::1"), List.of()),
                key("::1", List.of("2001:db8:1:2:ffff:ffff:ffff:ffff"), List.of()));
        assertEquals("fd00:0:0:0:0:0:0:0/64", key("::1", List.of("fd00::5, fd00::6"), List.of()), "every hop trusted: the leftmost");
    }

    @Test
    void anUnusableSocketAddressIsItsOwnText() {
        assertEquals("localhost", key("localhost", List.of(), List.of()), "never resolved through DNS");
        assertEquals("null", key(null, List.of(), List.of()));
    }
}
