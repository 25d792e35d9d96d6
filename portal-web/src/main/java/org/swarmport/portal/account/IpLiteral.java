package org.swarmport.portal.account;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * IP address literals as bytes, never through DNS: a header value must not make the portal
 * resolve a name. IPv4 is parsed here; IPv6 only after its characters have been checked, so
 * {@link InetAddress#getByName} takes the literal path (it resolves names only when the first
 * character is neither a hex digit nor a colon). IPv4-mapped IPv6 ({@code ::ffff:1.2.3.4})
 * comes back as the 4 IPv4 bytes, as the JDK gives it.
 */
final class IpLiteral {

    private static final int LONGEST_IPV6 = 45;

    private IpLiteral() {
    }

    /** 4 or 16 bytes, or null when {@code text} is not an IP literal (a zone {@code %eth0} is not accepted). */
    static byte[] parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return text.indexOf(':') >= 0 ? ipv6(text) : ipv4(text);
    }

    private static byte[] ipv4(String text) {
        byte[] address = new byte[4];
        int part = 0;
        int value = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                value = value < 0 ? c - '0' : value * 10 + c - '0';
                if (value > 255) {
                    return null;
                }
            } else if (c == '.' && value >= 0 && part < 3) {
                address[part++] = (byte) value;
                value = -1;
            } else {
                return null;
            }
        }
        if (part != 3 || value < 0) {
            return null;
        }
        address[3] = (byte) value;
        return address;
    }

    private static byte[] ipv6(String text) {
        if (text.length() > LONGEST_IPV6 || Character.digit(text.charAt(0), 16) < 0 && text.charAt(0) != ':') {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.digit(c, 16) < 0 && c != ':' && c != '.') {
                return null;
            }
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** The address as text: dotted IPv4, IPv6 as eight lowercase hex groups (the JDK's form). */
    static String format(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not 4 or 16 bytes", e);
        }
    }
}
