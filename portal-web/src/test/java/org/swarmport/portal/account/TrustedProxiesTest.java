package org.swarmport.portal.account;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private static boolean trusts(String config, String address) {
        return TrustedProxies.parse(config).contains(IpLiteral.parse(address));
    }

    @Test
    void addressesAndRangesOfBothFamilies() {
        assertTrue(trusts("127.0.0.1", "127.0.0.1"));
        assertFalse(trusts("127.0.0.1", "127.0.0.2"));
        assertTrue(trusts(" 10.0.0.0/8 ,, 192.168.1.0/24 ", "10.255.0.1"));
        assertTrue(trusts("10.1.2.3/8", "10.9.9.9"), "host bits are cleared");
        assertTrue(trusts("172.16.0.0/12", "172.31.255.255"));
        assertFalse(trusts("172.16.0.0/12", "172.32.0.0"));
        assertTrue(trusts("fd00::/8", "fdab::1"));
        assertFalse(trusts("fd00::/8", "fe80::1"));
        assertTrue(trusts("::ffff:10.0.0.0/104", "10.2.3.4"), "an IPv4-mapped range is the IPv4 range");
        assertTrue(trusts("0.0.0.0/0", "8.8.8.8"));
        assertFalse(trusts("0.0.0.0/0", "2001:db8::1"), "an IPv4 range never holds IPv6 addresses");
        assertTrue(TrustedProxies.parse(null).isEmpty());
        assertTrue(TrustedProxies.parse("  ").isEmpty());
    }

    @Test
    void anythingButLiteralsIsRefusedNamingTheEntry() {
        for (String bad : List.of("localhost", "10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/x", "1.2.3.4/-1",
                "1.2.3.4/0008", "::ffff:10.0.0.0/64", "10.0.0.0/8/8", "*", "proxy.example.com")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("127.0.0.1," + bad), bad);
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
    }
}
