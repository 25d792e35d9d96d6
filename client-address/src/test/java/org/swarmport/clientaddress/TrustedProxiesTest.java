package org.swarmport.clientaddress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedProxiesTest {

    private static boolean trusts(String configuration, String address) {
        return TrustedProxies.parse(configuration).contains(IpLiteral.unmapped(IpLiteral.parse(address)));
    }

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
        "127.0.0.1,            127.0.0.1,        true",
        "127.0.0.1,            127.0.0.2,        false",
        "10.0.0.0/8,           10.0.0.0,         true",
        "10.0.0.0/8,           10.255.255.255,   true",
        "10.0.0.0/8,           11.0.0.0,         false",
        "10.0.0.0/8,           9.255.255.255,    false",
        "192.168.2.0/23,       192.168.3.77,     true",
        "192.168.2.0/23,       192.168.4.1,      false",
        "192.168.2.0/23,       192.168.1.255,    false",
        "172.16.0.0/12,        172.31.255.255,   true",
        "172.16.0.0/12,        172.32.0.0,       false",
        "10.1.2.3/8,           10.200.0.1,       true",
        "0.0.0.0/0,            203.0.113.7,      true",
        "0.0.0.0/0,            ::1,              false",
        "203.0.113.7/32,       203.0.113.7,      true",
        "203.0.113.7/32,       203.0.113.6,      false",
        "::1,                  ::1,              true",
        "::1,                  127.0.0.1,        false",
        "fd00::/8,             fd12:3456::1,     true",
        "fd00::/8,             fe00::1,          false",
        "2001:db8::/32,        2001:db8:ffff::1, true",
        "2001:db8::/32,        2001:db9::1,      false",
        "2001:db8::/127,       2001:db8::1,      true",
        "2001:db8::/127,       2001:db8::2,      false",
        "::/0,                 2a00:1450::1,     true",
        "::/0,                 10.0.0.1,         false",
        "10.0.0.0/8,           ::ffff:10.9.8.7,  true",
        "::ffff:10.0.0.0/104,  10.9.8.7,         true",
        "::ffff:10.0.0.0/104,  11.0.0.1,         false",
        "::ffff:127.0.0.1,     127.0.0.1,        true",
    })
    void ipv4AndIpv6RangesMatchByPrefix(String configuration, String address, boolean trusted) {
        assertEquals(trusted, trusts(configuration, address));
    }

    @Test
    void listsMayMixFamiliesWithBlanksAndEmptyEntries() {
        String configuration = " 127.0.0.1 , ::1,,10.0.0.0/8,\tfd00::/8 ,";
        assertTrue(trusts(configuration, "127.0.0.1"));
        assertTrue(trusts(configuration, "::1"));
        assertTrue(trusts(configuration, "10.20.30.40"));
        assertTrue(trusts(configuration, "fdff::1"));
        assertFalse(trusts(configuration, "203.0.113.7"));
        assertFalse(trusts(configuration, "2001:db8::1"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", " , ,"})
    void blankConfigurationTrustsNoOne(String configuration) {
        TrustedProxies proxies = TrustedProxies.parse(configuration);
        assertTrue(proxies.isEmpty());
        assertFalse(proxies.contains(IpLiteral.parse("127.0.0.1")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "10.0.0.300          | invalid entry \"10.0.0.300\": not an IP address or CIDR range",
        "proxy.internal      | invalid entry \"proxy.internal\": not an IP address or CIDR range",
        "localhost           | invalid entry \"localhost\": not an IP address or CIDR range",
        "fe80::1%eth0        | invalid entry \"fe80::1%eth0\": not an IP address or CIDR range",
        "10.0.0.0/33         | invalid entry \"10.0.0.0/33\": prefix length above 32",
        "::/129              | invalid entry \"::/129\": prefix length above 128",
        "10.0.0.0/           | invalid entry \"10.0.0.0/\": prefix length is not a number",
        "10.0.0.0/-1         | invalid entry \"10.0.0.0/-1\": prefix length is not a number",
        "10.0.0.0/8/8        | invalid entry \"10.0.0.0/8/8\": prefix length is not a number",
        "/8                  | invalid entry \"/8\": not an IP address or CIDR range",
        "10.0.0.1 10.0.0.2   | invalid entry \"10.0.0.1 10.0.0.2\": not an IP address or CIDR range",
        "::ffff:10.0.0.0/64  | invalid entry \"::ffff:10.0.0.0/64\": an IPv4-mapped range needs a prefix length of 96 or more",
    })
    void unusableEntryIsNamedWithTheConfigurationKey(String configuration, String message) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> TrustedProxies.parse("127.0.0.1," + configuration));
        assertEquals(message, refused.getMessage());
    }

    @Test
    void describesItsRanges() {
        assertEquals("TrustedProxies[10.0.0.0/8, 2001:db8:0:0:0:0:0:0/32]",
                TrustedProxies.parse("10.1.2.3/8, 2001:db8::/32").toString());
    }
}
