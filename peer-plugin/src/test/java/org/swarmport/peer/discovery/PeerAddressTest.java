package org.swarmport.peer.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PeerAddressTest {

    @Test
    void literalsAreResolvedWithoutDnsAndNamesStayUnresolved() throws Exception {
        InetSocketAddress v4 = PeerAddress.parse("192.168.0.1:6881");
        assertFalse(v4.isUnresolved());
        assertEquals(CompactPeersTest.peer("192.168.0.1", 6881), v4);
        assertEquals(CompactPeersTest.peer("2001:db8::1", 80), PeerAddress.parse("[2001:db8::1]:80"));
        InetSocketAddress name = PeerAddress.parse("peer.example.org:51413");
        assertTrue(name.isUnresolved());
        assertEquals("peer.example.org", name.getHostString());
    }

    @Test
    void formatWritesWhatParseReads() throws Exception {
        for (String text : new String[] {"1.2.3.4:5", "[2001:db8:0:0:0:0:0:1]:80", "host.example:7"}) {
            assertEquals(text, PeerAddress.format(PeerAddress.parse(text)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "1.2.3.4|'1.2.3.4' has no port",
        "1.2.3.4:|port '' is not a number",
        "1.2.3.4:99999|port 99999 is outside 1..65535",
        "1.2.3.4:123456|port '123456' is not a number",
        "1.2.3.4:65536|port 65536 is outside 1..65535",
        ":80|empty host",
        "[::1]80|'[::1]80' is not [IPv6]:port",
        "[::1|'[::1' is not [IPv6]:port",
        "::1:80|'::1:80': an IPv6 address needs brackets",
        "[1.2.3.4]:80|'1.2.3.4' in brackets is not an IPv6 address",
        "[fe80::1%eth0]:80|'fe80::1%eth0' is not an IPv6 address",
        "256.1.1.1:80|'256.1.1.1' is neither an IP address nor a host name",
        "01.2.3.4:80|'01.2.3.4' is neither an IP address nor a host name",
        "-bad.example:80|'-bad.example' is neither an IP address nor a host name",
        "a..b:80|'a..b' is neither an IP address nor a host name",
    })
    void malformedAddressesAreRefused(String text, String message) {
        assertEquals(message, assertThrows(PeerAddressException.class, () -> PeerAddress.parse(text)).getMessage());
    }

    @Test
    void overlongHostsAreRefused() {
        assertEquals("host is longer than 253 characters",
                assertThrows(PeerAddressException.class, () -> PeerAddress.parse("a".repeat(254) + ":1")).getMessage());
    }
}
