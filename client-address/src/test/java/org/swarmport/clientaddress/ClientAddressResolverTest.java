package org.swarmport.clientaddress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientAddressResolverTest {

    private static final ClientAddressResolver BEHIND_PROXIES =
            new ClientAddressResolver(TrustedProxies.parse("127.0.0.1, ::1, 10.0.0.0/8, fd00::/8"));

    private static byte[] ip(String literal) {
        return IpLiteral.unmapped(IpLiteral.parse(literal));
    }

    @Test
    void withoutTrustedProxiesTheSocketAddressIsTheClient() {
        ClientAddressResolver direct = new ClientAddressResolver(TrustedProxies.none());
        assertArrayEquals(ip("203.0.113.7"), direct.resolve("203.0.113.7", List.of("198.51.100.1")));
        assertArrayEquals(ip("2001:db8::7"), direct.resolve("2001:db8::7", List.of()));
    }

    @Test
    void forwardedForFromAnUntrustedPeerIsIgnoredAsSpoofed() {
        assertArrayEquals(ip("203.0.113.7"), BEHIND_PROXIES.resolve("203.0.113.7", List.of("198.51.100.1, 10.0.0.2")));
    }

    @Test
    void behindOneTrustedProxyTheForwardedAddressIsTheClient() {
        assertArrayEquals(ip("203.0.113.7"), BEHIND_PROXIES.resolve("127.0.0.1", List.of("203.0.113.7")));
    }

    @Test
    void rightmostUntrustedForwardedAddressIsTheClient() {
        // client 203.0.113.7 forged "198.51.100.1"; the edge proxy 10.0.0.2 appended the
        // client, the inner proxy 10.0.0.1 appended the edge proxy.
        assertArrayEquals(ip("203.0.113.7"),
                BEHIND_PROXIES.resolve("10.0.0.1", List.of("198.51.100.1, 203.0.113.7, 10.0.0.2")));
    }

    @Test
    void spoofedLeftmostEntriesAreIgnoredEvenWhenTheyLookTrusted() {
        assertArrayEquals(ip("203.0.113.7"),
                BEHIND_PROXIES.resolve("127.0.0.1", List.of("10.9.9.9, 127.0.0.1, 203.0.113.7")));
    }

    @Test
    void severalHeaderLinesFormOneListInOrder() {
        assertArrayEquals(ip("203.0.113.7"),
                BEHIND_PROXIES.resolve("10.0.0.1", List.of("198.51.100.1, 203.0.113.7", "10.0.0.3", "10.0.0.2")));
        assertArrayEquals(ip("198.51.100.1"),
                BEHIND_PROXIES.resolve("10.0.0.1", List.of("198.51.100.1", "10.0.0.3, 10.0.0.2")));
    }

    @Test
    void whenEveryHopIsTrustedTheLeftmostIsTheClient() {
        assertArrayEquals(ip("10.0.0.9"), BEHIND_PROXIES.resolve("127.0.0.1", List.of("10.0.0.9, 10.0.0.2")));
    }

    @Test
    void trustedProxyWithoutForwardedForIsItselfTheClient() {
        assertArrayEquals(ip("127.0.0.1"), BEHIND_PROXIES.resolve("127.0.0.1", List.of()));
        assertArrayEquals(ip("127.0.0.1"), BEHIND_PROXIES.resolve("127.0.0.1", List.of()));
        assertArrayEquals(ip("127.0.0.1"), BEHIND_PROXIES.resolve("127.0.0.1", List.of(" , ")));
    }

    @Test
    void ipv4MappedSocketAddressIsNormalisedAndMatchedAsIpv4() {
        ClientAddressResolver direct = new ClientAddressResolver(TrustedProxies.none());
        assertArrayEquals(new byte[] {(byte) 203, 0, 113, 7}, direct.resolve("::ffff:203.0.113.7", List.of()));
        assertArrayEquals(ip("203.0.113.7"), BEHIND_PROXIES.resolve("::ffff:10.0.0.1", List.of("203.0.113.7")));
        assertArrayEquals(ip("203.0.113.7"), BEHIND_PROXIES.resolve("0:0:0:0:0:ffff:a00:1", List.of("::ffff:203.0.113.7")));
    }

    @Test
    void ipv6ProxiesAndClientsInTheirUsualSpellings() {
        assertArrayEquals(ip("2001:db8::7"), BEHIND_PROXIES.resolve("0:0:0:0:0:0:0:1", List.of("2001:db8::7")));
        assertArrayEquals(ip("2001:db8::7"), BEHIND_PROXIES.resolve("[::1]", List.of("2001:DB8:0:0:0:0:0:7, fd00::2")));
        assertArrayEquals(ip("2001:db8::7"), BEHIND_PROXIES.resolve("fd00::1%eth0", List.of("[2001:db8::7]:51413")));
        assertArrayEquals(ip("2001:db8::7"), BEHIND_PROXIES.resolve("fd00::1", List.of("[2001:db8::7]")));
    }

    @Test
    void portAppendedByTheProxyIsDropped() {
        assertArrayEquals(ip("203.0.113.7"), BEHIND_PROXIES.resolve("10.0.0.1", List.of("203.0.113.7:51234")));
    }

    @Test
    void blanksAndEmptyListElementsAreSkipped() {
        assertArrayEquals(ip("203.0.113.7"), BEHIND_PROXIES.resolve("10.0.0.1", List.of(" ,\t203.0.113.7 , ,10.0.0.2,")));
    }

    @Test
    void malformedEntriesLeftOfTheClientAreNeverRead() {
        assertArrayEquals(ip("203.0.113.7"), BEHIND_PROXIES.resolve("10.0.0.1", List.of("not an address, unknown, 203.0.113.7")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown", "_hidden", "attacker.example", "203.0.113.7:", "203.0.113.7:123456",
        "[203.0.113.7]", "2001:db8::7:80x", "[2001:db8::7", "[2001:db8::7]x", "[]", "300.1.1.1", "1.2.3.4:80:80",
        "fe80::1%eth0", "\"203.0.113.7\""})
    void malformedEntryFromATrustedProxyIsRefusedRatherThanGuessed(String entry) {
        UnbelievableClientAddressException refused = assertThrows(UnbelievableClientAddressException.class,
                () -> BEHIND_PROXIES.resolve("10.0.0.1", List.of(entry + ", 10.0.0.2")));
        assertEquals("invalid X-Forwarded-For from trusted proxy", refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "unix:/run/socket", "host.example", "1.2.3"})
    void unusableSocketAddressIsRefused(String remote) {
        UnbelievableClientAddressException refused = assertThrows(UnbelievableClientAddressException.class,
                () -> BEHIND_PROXIES.resolve(remote, List.of()));
        assertEquals("client address unavailable", refused.getMessage());
        assertThrows(UnbelievableClientAddressException.class, () -> BEHIND_PROXIES.resolve(null, List.of()));
    }

    private static String forwarded(String socket, String... lines) {
        return IpLiteral.format(BEHIND_PROXIES.resolve(socket, List.of(), List.of(lines)));
    }

    @Test
    void forwardedOfRfc7239IsReadLikeForwardedFor() {
        assertEquals("192.0.2.60", forwarded("10.0.0.1", "for=192.0.2.60;proto=http;by=203.0.113.43"));
        assertEquals("2001:db8:cafe:0:0:0:0:17", forwarded("10.0.0.1", "for=6.6.6.6, For=\"[2001:db8:cafe::17]:4711\""));
        assertEquals("192.0.2.60", forwarded("10.0.0.1", "for=\"192.0.2.60:8080\";host=\"a,b\", for=10.0.0.3"),
                "a comma inside quotes does not split");
        assertEquals("192.0.2.60", forwarded("10.0.0.1", "for=192.0.2.60", "for=10.0.0.3"), "lines are one list, in order");
        assertEquals("203.0.113.9", forwarded("203.0.113.9", "for=198.51.100.1"), "from an untrusted socket: ignored");
    }

    @Test
    void aForwardedElementWithoutForNamesNoHop() {
        assertEquals("10.0.0.1", forwarded("10.0.0.1", "proto=https"));
        assertEquals("203.0.113.7", IpLiteral.format(
                BEHIND_PROXIES.resolve("10.0.0.1", List.of("203.0.113.7"), List.of("proto=https;host=example.org"))),
                "a proxy that passes only proto= leaves X-Forwarded-For to name the client");
    }

    @ParameterizedTest
    @ValueSource(strings = {"for=unknown", "for=_hidden", "for=", "for=\"\"", "for=example.com", "for=\"[::1\"",
        "for=1.2.3.4:99999999"})
    void aForwardedHopThatIsNoAddressIsRefusedNamingTheProxy(String element) {
        UnbelievableClientAddressException refused = assertThrows(UnbelievableClientAddressException.class,
                () -> BEHIND_PROXIES.resolve("10.0.0.1", List.of(), List.of(element + ", for=10.0.0.2")));
        assertEquals("invalid Forwarded from trusted proxy", refused.getMessage());
        assertArrayEquals(ip("10.0.0.1"), refused.proxy());
    }

    @Test
    void bothHeadersMustNameTheSameClient() {
        assertArrayEquals(ip("192.0.2.60"),
                BEHIND_PROXIES.resolve("10.0.0.1", List.of("192.0.2.60"), List.of("for=192.0.2.60")));
        UnbelievableClientAddressException refused = assertThrows(UnbelievableClientAddressException.class,
                () -> BEHIND_PROXIES.resolve("10.0.0.1", List.of("192.0.2.60"), List.of("for=198.51.100.1")),
                "one of them was passed on from the client: neither is believed");
        assertArrayEquals(ip("10.0.0.1"), refused.proxy());
    }

    @Test
    void anUnusableSocketHasNoProxyToBlame() {
        UnbelievableClientAddressException refused = assertThrows(UnbelievableClientAddressException.class,
                () -> BEHIND_PROXIES.resolve("localhost", List.of(), List.of()), "never resolved through DNS");
        assertNull(refused.proxy());
    }
}
