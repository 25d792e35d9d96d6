package org.swarmport.portal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressResolverTest {

    private static final ClientAddressResolver BEHIND_PROXY =
            new ClientAddressResolver(TrustedProxies.parse("10.0.0.0/8, ::1, fd00::/8"));

    private static String client(ClientAddressResolver resolver, String socket, List<String> xff, List<String> forwarded) {
        byte[] address = resolver.resolve(socket, xff, forwarded);
        return address == null ? null : IpLiteral.format(address);
    }

    private static String xff(String socket, String... lines) {
        return client(BEHIND_PROXY, socket, List.of(lines), List.of());
    }

    private static String forwarded(String socket, String... lines) {
        return client(BEHIND_PROXY, socket, List.of(), List.of(lines));
    }

    @Test
    void withoutTrustedProxiesTheSocketIsTheClientWhateverTheHeadersSay() {
        ClientAddressResolver direct = new ClientAddressResolver(TrustedProxies.none());

        assertEquals("203.0.113.9", client(direct, "203.0.113.9", List.of("198.51.100.1"), List.of("for=198.51.100.2")));
    }

    @Test
    void anUntrustedClientsSpoofedHeadersAreIgnored() {
        assertEquals("203.0.113.9", xff("203.0.113.9", "198.51.100.1, 10.0.0.1"));
        assertEquals("203.0.113.9", forwarded("203.0.113.9", "for=198.51.100.1"));
    }

    @Test
    void theRightmostUntrustedHopIsTheClientAndForgedLeftEntriesAreNeverReached() {
        assertEquals("203.0.113.7", xff("10.0.0.1", "1.2.3.4, 203.0.113.7"));
        assertEquals("203.0.113.7", xff("10.0.0.1", "6.6.6.6, 203.0.113.7, 10.0.0.2"));
        assertEquals("203.0.113.7", xff("10.0.0.1", "junk<script>, 203.0.113.7"), "what lies left of the client is not read");
        assertEquals("203.0.113.7", xff("10.0.0.1", "9.9.9.9", "203.0.113.7"), "lines are one list, in order");
    }

    @Test
    void whenEveryHopIsTrustedTheLeftmostIsTheClient() {
        assertEquals("10.0.0.5", xff("10.0.0.1", "10.0.0.5, 10.0.0.2"));
        assertEquals("10.0.0.1", xff("10.0.0.1"), "no header: the proxy itself");
    }

    @Test
    void aMalformedHopFromATrustedProxyCountsAgainstTheLastTrustedHop() {
        for (String bad : List.of("not-an-ip", "256.1.1.1", "1.2.3", "1.2.3.4.5", "1.2.3.4:99999999", "[::1", "[1.2.3.4]",
                "example.com", "2001:db8::1%eth0", ".::1", "1.2.3.4 5.6.7.8", "x".repeat(10_000), "unknown", "_hidden")) {
            assertEquals("10.0.0.2", xff("10.0.0.1", bad + ", 10.0.0.2"), bad);
        }
    }

    @Test
    void portsAndBracketsAreWhatProxiesWrite() {
        assertEquals("203.0.113.7", xff("10.0.0.1", "203.0.113.7:51234"));
        assertEquals("2001:db8:0:0:0:0:0:17", xff("10.0.0.1", "[2001:db8::17]:4711"));
        assertEquals("2001:db8:0:0:0:0:0:17", xff("10.0.0.1", "[2001:DB8::17]"));
        assertEquals("2001:db8:0:0:0:0:0:17", xff("10.0.0.1", " 2001:db8::17 "));
        assertEquals("203.0.113.7", xff("10.0.0.1", "::ffff:203.0.113.7"), "IPv4-mapped is IPv4");
    }

    @Test
    void ipv6ProxiesAndClients() {
        assertEquals("2001:db8:0:0:0:0:0:17", xff("::1", "2001:db8::17"));
        assertEquals("2001:db8:0:0:0:0:0:17", xff("[::1]", "2001:db8::17, fd00::3"));
        assertEquals("2001:db8:0:0:0:0:0:17", xff("0:0:0:0:0:0:0:1%lo", "2001:db8::17"), "a zone on the socket address is dropped");
        assertEquals("2001:db8:0:0:0:0:0:99", xff("2001:db8::99", "203.0.113.7"), "an untrusted IPv6 socket");
    }

    @Test
    void forwardedHeaderOfRfc7239() {
        assertEquals("192.0.2.60", forwarded("10.0.0.1", "for=192.0.2.60;proto=http;by=203.0.113.43"));
        assertEquals("2001:db8:cafe:0:0:0:0:17", forwarded("10.0.0.1", "for=6.6.6.6, For=\"[2001:db8:cafe::17]:4711\""));
        assertEquals("192.0.2.60", forwarded("10.0.0.1", "for=\"192.0.2.60:8080\";host=\"a,b\", for=10.0.0.3"),
                "a comma inside quotes does not split");
        assertEquals("10.0.0.1", forwarded("10.0.0.1", "for=unknown"));
        assertEquals("10.0.0.1", forwarded("10.0.0.1", "proto=https"), "an element without for= is not an address");
    }

    @Test
    void bothHeadersMustAgreeElseTheProxyIsTheClient() {
        assertEquals("192.0.2.60", client(BEHIND_PROXY, "10.0.0.1", List.of("192.0.2.60"), List.of("for=192.0.2.60")));
        assertEquals("10.0.0.1", client(BEHIND_PROXY, "10.0.0.1", List.of("192.0.2.60"), List.of("for=198.51.100.1")),
                "one of them was passed on from the client: neither is believed");
    }

    @Test
    void anUnusableSocketAddressIsNull() {
        assertNull(BEHIND_PROXY.resolve(null, List.of(), List.of()));
        assertNull(BEHIND_PROXY.resolve("localhost", List.of(), List.of()), "never resolved through DNS");
    }

    @Test
    void ipv6ClientsCountByTheirSlash64() {
        assertEquals("2001:db8:1:2:0:0:0:0/64", ClientAddressResolver.limiterKey(IpLiteral.parse("2001:db8:1:2:aaaa::1")));
        assertEquals(ClientAddressResolver.limiterKey(IpLiteral.parse("2001:db8:1:2::1")),
                ClientAddressResolver.limiterKey(IpLiteral.parse("2001:db8:1:2:ffff:ffff:ffff:ffff")));
        assertEquals("203.0.113.7", ClientAddressResolver.limiterKey(IpLiteral.parse("203.0.113.7")));
    }
}
