package org.swarmport.tracker.announce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertArrayEquals(ip("203.0.113.7"), direct.resolve("203.0.113.7", "198.51.100.1"));
        assertArrayEquals(ip("2001:db8::7"), direct.resolve("2001:db8::7", (String) null));
    }

    @Test
    void forwardedForFromAnUntrustedPeerIsIgnoredAsSpoofed() {
        assertArrayEquals(ip("203.0.113.7"), BEHIND_PROXIES.resolve("203.0.113.7", "198.51.100.1, 10.0.0.2"));
    }

    @Test
    void behindOneTrustedProxyTheForwardedAddressIsTheClient() {
        assertArrayEquals(ip("203.0.113.7"), BEHIND_PROXIES.resolve("127.0.0.1", "203.0.113.7"));
    }

    @Test
    void rightmostUntrustedForwardedAddressIsTheClient() {
        // client 203.0.113.7 forged "198.51.100.1"; the edge proxy 10.0.0.2 appended the
        // client, the inner proxy 10.0.0.1 appended the edge proxy.
        assertArrayEquals(ip("203.0.113.7"),
                BEHIND_PROXIES.resolve("10.0.0.1", "198.51.100.1, 203.0.113.7, 10.0.0.2"));
    }

    @Test
    void spoofedLeftmostEntriesAreIgnoredEvenWhenTheyLookTrusted() {
        assertArrayEquals(ip("203.0.113.7"),
                BEHIND_PROXIES.resolve("127.0.0.1", "10.9.9.9, 127.0.0.1, 203.0.113.7"));
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
        assertArrayEquals(ip("10.0.0.9"), BEHIND_PROXIES.resolve("127.0.0.1", "10.0.0.9, 10.0.0.2"));
    }

    @Test
    void trustedProxyWithoutForwardedForIsItselfTheClient() {
        assertArrayEquals(ip("127.0.0.1"), BEHIND_PROXIES.resolve("127.0.0.1", (String) null));
        assertArrayEquals(ip("127.0.0.1"), BEHIND_PROXIES.resolve("127.0.0.1", List.of()));
        assertArrayEquals(ip("127.0.0.1"), BEHIND_PROXIES.resolve("127.0.0.1", " , "));
    }

    @Test
    void ipv4MappedSocketAddressIsNormalisedAndMatchedAsIpv4() {
        ClientAddressResolver direct = new ClientAddressResolver(TrustedProxies.none());
        assertArrayEquals(new byte[] {(byte) 203, 0, 113, 7}, direct.resolve("::ffff:203.0.113.7", (String) null));
        assertArrayEquals(ip("203.0.113.7"), BEHIND_PROXIES.resolve("::ffff:10.0.0.1", "203.0.113.7"));
        assertArrayEquals(ip("203.0.113.7"), BEHIND_PROXIES.resolve("0:0:0:0:0:ffff:a00:1", "::ffff:203.0.113.7"));
    }

    @Test
    void ipv6ProxiesAndClientsInTheirUsualSpellings() {
        assertArrayEquals(ip("2001:db8::7"), BEHIND_PROXIES.resolve("0:0:0:0:0:0:0:1", "2001:db8::7"));
        assertArrayEquals(ip("2001:db8::7"), BEHIND_PROXIES.resolve("[::1]", "2001:DB8:0:0:0:0:0:7, fd00::2"));
        assertArrayEquals(ip("2001:db8::7"), BEHIND_PROXIES.resolve("fd00::1%eth0", "[2001:db8::7]:51413"));
        assertArrayEquals(ip("2001:db8::7"), BEHIND_PROXIES.resolve("fd00::1", "[2001:db8::7]"));
    }

    @Test
    void portAppendedByTheProxyIsDropped() {
        assertArrayEquals(ip("203.0.113.7"), BEHIND_PROXIES.resolve("10.0.0.1", "203.0.113.7:51234"));
    }

    @Test
    void blanksAndEmptyListElementsAreSkipped() {
        assertArrayEquals(ip("203.0.113.7"), BEHIND_PROXIES.resolve("10.0.0.1", " ,\t203.0.113.7 , ,10.0.0.2,"));
    }

    @Test
    void malformedEntriesLeftOfTheClientAreNeverRead() {
        assertArrayEquals(ip("203.0.113.7"), BEHIND_PROXIES.resolve("10.0.0.1", "not an address, unknown, 203.0.113.7"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown", "_hidden", "attacker.example", "203.0.113.7:", "203.0.113.7:123456",
        "[203.0.113.7]", "2001:db8::7:80x", "[2001:db8::7", "[2001:db8::7]x", "[]", "300.1.1.1", "1.2.3.4:80:80",
        "fe80::1%eth0", "\"203.0.113.7\""})
    void malformedEntryFromATrustedProxyIsRefusedRatherThanGuessed(String entry) {
        TrackerRequestException refused = assertThrows(TrackerRequestException.class,
                () -> BEHIND_PROXIES.resolve("10.0.0.1", entry + ", 10.0.0.2"));
        assertEquals("invalid X-Forwarded-For from trusted proxy", refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "unix:/run/socket", "host.example", "1.2.3"})
    void unusableSocketAddressIsRefused(String remote) {
        TrackerRequestException refused = assertThrows(TrackerRequestException.class,
                () -> BEHIND_PROXIES.resolve(remote, (String) null));
        assertEquals("client address unavailable", refused.getMessage());
        assertThrows(TrackerRequestException.class, () -> BEHIND_PROXIES.resolve(null, (String) null));
    }
}
