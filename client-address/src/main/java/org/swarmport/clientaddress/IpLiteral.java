package org.swarmport.clientaddress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Reads IP address literals from untrusted text without ever touching DNS:
 * {@code InetAddress.getByName} resolves anything that is not a literal, so a header
 * such as {@code X-Forwarded-For: attacker.example} would make the server send a DNS
 * query per request. This accepts only the strict textual forms:
 * <ul>
 * <li>IPv4 dotted quad, four decimal parts 0..255, no leading zeros ({@code 010} is
 *     octal to {@code inet_aton}, so it is ambiguous and refused);</li>
 * <li>IPv6 (RFC 4291 section 2.2): up to eight groups of one to four hex digits, at most
 *     one {@code ::}, optionally ending in a dotted quad; no zone, no brackets.</li>
 * </ul>
 */
public final class IpLiteral {

    private IpLiteral() {
    }

    /** The address as 4 or 16 bytes, or {@code null} when {@code text} is not a literal. */
    public static byte[] parse(CharSequence text) {
        return text == null ? null : parse(text, 0, text.length());
    }

    /** {@link #parse(CharSequence)} of {@code text[from, to)}. */
    public static byte[] parse(CharSequence text, int from, int to) {
        if (from < 0 || to > text.length() || from >= to || to - from > 45) {
            return null;
        }
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == ':') {
                return parseIpv6(text, from, to);
            }
        }
        byte[] address = new byte[4];
        return parseIpv4(text, from, to, address, 0) ? address : null;
    }

    /**
     * An IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}, RFC 4291 section 2.5.5.2) as
     * the 4-byte IPv4 address it stands for; any other address unchanged. A dual-stack
     * socket reports IPv4 clients this way, and a peer must be stored once, as IPv4.
     */
    public static byte[] unmapped(byte[] address) {
        if (address.length != 16) {
            return address;
        }
        for (int i = 0; i < 10; i++) {
            if (address[i] != 0) {
                return address;
            }
        }
        if (address[10] != (byte) 0xff || address[11] != (byte) 0xff) {
            return address;
        }
        return new byte[] {address[12], address[13], address[14], address[15]};
    }

    private static boolean parseIpv4(CharSequence text, int from, int to, byte[] into, int offset) {
        int part = 0;
        int i = from;
        while (true) {
            int start = i;
            int value = 0;
            while (i < to && i - start < 3) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    break;
                }
                value = value * 10 + (c - '0');
                i++;
            }
            int digits = i - start;
            if (digits == 0 || value > 255 || (digits > 1 && text.charAt(start) == '0')) {
                return false;
            }
            into[offset + part++] = (byte) value;
            if (part == 4) {
                return i == to;
            }
            if (i == to || text.charAt(i) != '.') {
                return false;
            }
            i++;
        }
    }

    private static byte[] parseIpv6(CharSequence text, int from, int to) {
        byte[] address = new byte[16];
        int group = 0;
        int compressedAt = -1;
        int i = from;
        if (text.charAt(i) == ':') {
            if (to - i < 2 || text.charAt(i + 1) != ':') {
                return null;
            }
            compressedAt = 0;
            i += 2;
        }
        while (i < to) {
            if (group == 8) {
                return null;
            }
            int start = i;
            int value = 0;
            while (i < to) {
                int digit = hexDigit(text.charAt(i));
                if (digit < 0) {
                    break;
                }
                value = value << 4 | digit;
                i++;
            }
            if (i < to && text.charAt(i) == '.') {
                // The last 32 bits as a dotted quad: ::ffff:1.2.3.4
                if (group > 6 || !parseIpv4(text, start, to, address, group * 2)) {
                    return null;
                }
                group += 2;
                break;
            }
            int digits = i - start;
            if (digits == 0 || digits > 4) {
                return null;
            }
            address[group * 2] = (byte) (value >>> 8);
            address[group * 2 + 1] = (byte) value;
            group++;
            if (i == to) {
                break;
            }
            if (text.charAt(i) != ':') {
                return null;
            }
            i++;
            if (i < to && text.charAt(i) == ':') {
                if (compressedAt >= 0) {
                    return null;
                }
                compressedAt = group;
                i++;
            } else if (i == to) {
                return null;
            }
        }
        if (compressedAt < 0) {
            return group == 8 ? address : null;
        }
        if (group == 8) {
            return null;
        }
        // Move the groups after "::" to the end; the gap between is the zeros it stands for.
        int tailBytes = (group - compressedAt) * 2;
        int gap = 16 - group * 2;
        System.arraycopy(address, compressedAt * 2, address, compressedAt * 2 + gap, tailBytes);
        Arrays.fill(address, compressedAt * 2, compressedAt * 2 + gap, (byte) 0);
        return address;
    }

    /**
     * The address as text, the JDK's way ({@code 2001:db8:0:0:0:0:0:1}: no {@code ::}); from
     * bytes, so no DNS either.
     */
    public static String format(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not 4 or 16 bytes: " + address.length, e);
        }
    }

    /** 0..15 for an ASCII hex digit in either case, else -1 (never other Unicode digits). */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        int lower = c | 0x20; // 'A'..'F' become 'a'..'f'; nothing else lands there
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }
}
