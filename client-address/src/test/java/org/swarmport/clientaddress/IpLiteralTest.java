package org.swarmport.clientaddress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpLiteralTest {

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "0.0.0.0,                                       00000000",
        "1.2.3.4,                                       01020304",
        "255.255.255.255,                               ffffffff",
        "10.0.0.1,                                      0a000001",
        "::,                                            00000000000000000000000000000000",
        "::1,                                           00000000000000000000000000000001",
        "0:0:0:0:0:0:0:1,                               00000000000000000000000000000001",
        "1::,                                           00010000000000000000000000000000",
        "2001:db8::1,                                   20010db8000000000000000000000001",
        "2001:DB8:0:0:8:800:200C:417A,                  20010db80000000000080800200c417a",
        "fe80::abcd:1,                                  fe8000000000000000000000abcd0001",
        "1:2:3:4:5:6:7::,                               00010002000300040005000600070000",
        "::2:3:4:5:6:7:8,                               00000002000300040005000600070008",
        "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff,       ffffffffffffffffffffffffffffffff",
        "::ffff:1.2.3.4,                                00000000000000000000ffff01020304",
        "::1.2.3.4,                                     00000000000000000000000001020304",
        "1:2:3:4:5:6:1.2.3.4,                           00010002000300040005000601020304",
        "64:ff9b::192.0.2.33,                           0064ff9b0000000000000000c0000221",
    })
    void literalsParseToTheirBytes(String text, String bytes) {
        assertArrayEquals(hex(bytes), IpLiteral.parse(text));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {
        "", " ", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1.2.3.256", "01.2.3.4", "1.2.3.04", "1..3.4",
        ".1.2.3", "1.2.3.", "1.2.3.4 ", " 1.2.3.4", "+1.2.3.4", "1.2.3.-4", "0x7f.0.0.1", "2130706433",
        "localhost", "example.com", "a.b.c.d", "1.2.3.4:80",
        ":", ":::", "1::2::3", ":1", "1:", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8::",
        "::1:2:3:4:5:6:7:8", "12345::", "g::1", "::1%eth0", "fe80::1%1", "[::1]", "::ffff:1.2.3",
        "::ffff:1.2.3.4.5", "1:2:3:4:5:6:7:1.2.3.4", "::1.2.3.4:5", "1.2.3.4::",
        "\u0661.\u0662.\u0663.\u0664", "\uff11::1", "::\u0661",
        "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.2555",
    })
    void anythingElseIsNotALiteral(String text) {
        assertNull(IpLiteral.parse(text));
    }

    @Test
    void mappedAddressesAreUnmappedAndOthersLeftAlone() {
        assertArrayEquals(hex("01020304"), IpLiteral.unmapped(IpLiteral.parse("::ffff:1.2.3.4")));
        assertArrayEquals(hex("01020304"), IpLiteral.unmapped(IpLiteral.parse("::ffff:102:304")));
        byte[] compatible = IpLiteral.parse("::1.2.3.4");
        assertSame(compatible, IpLiteral.unmapped(compatible));
        byte[] v4 = IpLiteral.parse("1.2.3.4");
        assertSame(v4, IpLiteral.unmapped(v4));
        byte[] nat64 = IpLiteral.parse("64:ff9b::1.2.3.4");
        assertSame(nat64, IpLiteral.unmapped(nat64));
    }

    @Test
    void agreesWithTheJdkOnRandomAddressesInFullAndCompressedForm() throws UnknownHostException {
        Random random = new Random(20_240_601L);
        for (int i = 0; i < 2_000; i++) {
            byte[] bytes = new byte[random.nextBoolean() ? 4 : 16];
            random.nextBytes(bytes);
            if (bytes.length == 16 && random.nextBoolean()) {
                // runs of zero groups, so that "::" appears in the compressed form
                int from = random.nextInt(8);
                int to = from + random.nextInt(9 - from);
                for (int b = from * 2; b < to * 2; b++) {
                    bytes[b] = 0;
                }
            }
            // getByAddress never resolves anything; getHostAddress writes every group
            String full = InetAddress.getByAddress(bytes).getHostAddress();
            byte[] expected = bytes.length == 16 && isMapped(bytes) ? IpLiteral.unmapped(bytes) : bytes;
            assertArrayEquals(expected, IpLiteral.unmapped(IpLiteral.parse(full)), full);
            if (bytes.length == 16) {
                String compressed = compress(bytes);
                assertArrayEquals(bytes, IpLiteral.parse(compressed), compressed);
            }
        }
    }

    private static boolean isMapped(byte[] bytes) {
        return IpLiteral.unmapped(bytes).length == 4;
    }

    /** RFC 5952 text: lower case, the longest run of two or more zero groups as "::". */
    private static String compress(byte[] bytes) {
        int[] groups = new int[8];
        for (int g = 0; g < 8; g++) {
            groups[g] = (bytes[2 * g] & 0xff) << 8 | bytes[2 * g + 1] & 0xff;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int g = 0; g < 8; ) {
            if (groups[g] != 0) {
                g++;
                continue;
            }
            int start = g;
            while (g < 8 && groups[g] == 0) {
                g++;
            }
            if (g - start > bestLength) {
                bestStart = start;
                bestLength = g - start;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int g = 0; g < 8; g++) {
            if (g == bestStart) {
                text.append("::");
                g += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[g]));
        }
        return text.toString();
    }

    @Test
    void formatsAsTheJdkDoes() {
        assertEquals("203.0.113.7", IpLiteral.format(IpLiteral.parse("203.0.113.7")));
        assertEquals("2001:db8:0:0:0:0:0:17", IpLiteral.format(IpLiteral.parse("2001:DB8::17")));
        assertThrows(IllegalArgumentException.class, () -> IpLiteral.format(new byte[5]));
    }
}
