package org.swarmport.peer.discovery;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Reads a peer's address written as text: {@code 1.2.3.4:6881}, {@code [2001:db8::1]:6881} or
 * {@code host.example:6881} (magnet {@code x.pe}, BEP 9; a tracker's dictionary-model
 * {@code ip}, BEP 3). Never touches DNS: literals become resolved addresses, names stay
 * {@link InetSocketAddress#createUnresolved unresolved}, for the engine to resolve when (and
 * if) it connects, so that parsing a hostile link or response cannot make us query anything.
 */
public final class PeerAddress {

    /** RFC 1035: a name has at most 253 characters. */
    private static final int MAX_HOST_LENGTH = 253;

    private PeerAddress() {
    }

    /** {@code host:port} or {@code [v6]:port}. */
    public static InetSocketAddress parse(String hostPort) throws PeerAddressException {
        String host;
        String port;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0 || close + 1 >= hostPort.length() || hostPort.charAt(close + 1) != ':') {
                throw new PeerAddressException("'" + excerpt(hostPort) + "' is not [IPv6]:port");
            }
            host = hostPort.substring(1, close);
            port = hostPort.substring(close + 2);
            if (host.indexOf(':') < 0) {
                throw new PeerAddressException("'" + excerpt(host) + "' in brackets is not an IPv6 address");
            }
        } else {
            int colon = hostPort.lastIndexOf(':');
            if (colon < 0) {
                throw new PeerAddressException("'" + excerpt(hostPort) + "' has no port");
            }
            host = hostPort.substring(0, colon);
            port = hostPort.substring(colon + 1);
            if (host.indexOf(':') >= 0) {
                throw new PeerAddressException("'" + excerpt(hostPort) + "': an IPv6 address needs brackets");
            }
        }
        return of(host, port(port));
    }

    /** A host (IPv4 or IPv6 literal without brackets, or a name) and a port in 1..65535. */
    public static InetSocketAddress of(String host, int port) throws PeerAddressException {
        if (port < 1 || port > 65535) {
            throw new PeerAddressException("port " + port + " is outside 1..65535");
        }
        if (host.isEmpty()) {
            throw new PeerAddressException("empty host");
        }
        if (host.length() > MAX_HOST_LENGTH) {
            throw new PeerAddressException("host is longer than " + MAX_HOST_LENGTH + " characters");
        }
        byte[] v4 = ipv4(host);
        if (v4 != null) {
            return new InetSocketAddress(literal(v4), port);
        }
        if (host.indexOf(':') >= 0) {
            return new InetSocketAddress(ipv6(host), port);
        }
        if (!isHostName(host)) {
            throw new PeerAddressException("'" + excerpt(host) + "' is neither an IP address nor a host name");
        }
        return InetSocketAddress.createUnresolved(host, port);
    }

    private static int port(String digits) throws PeerAddressException {
        if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new PeerAddressException("port '" + excerpt(digits) + "' is not a number");
        }
        return Integer.parseInt(digits);
    }

    /** Strict dotted quad: four decimal numbers 0..255 without leading zeros; null when it is not one. */
    private static byte[] ipv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] address = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
                    || part.length() > 1 && part.charAt(0) == '0') {
                return null;
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                return null;
            }
            address[i] = (byte) value;
        }
        return address;
    }

    /** An IPv6 literal; the JDK parses strings with a colon as literals and never looks them up. */
    private static InetAddress ipv6(String host) throws PeerAddressException {
        boolean plausible = host.length() <= 45 && host.chars().allMatch(c -> c == ':' || c == '.'
                || c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F');
        if (plausible) {
            try {
                return InetAddress.getByName(host);
            } catch (UnknownHostException e) {
                // falls through to the message below
            }
        }
        throw new PeerAddressException("'" + excerpt(host) + "' is not an IPv6 address");
    }

    private static InetAddress literal(byte[] address) {
        try {
            return InetAddress.getByAddress(address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a 4- or 16-byte address is always valid", e);
        }
    }

    /**
     * RFC 1123 labels: letters, digits and hyphens, 1..63 characters, no hyphen at either end;
     * the last label not all digits, so that a malformed IPv4 address ({@code 256.1.1.1},
     * {@code 01.2.3.4}) is not taken for a name.
     */
    private static boolean isHostName(String host) {
        String[] labels = host.split("\\.", -1);
        if (labels[labels.length - 1].chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        for (String label : labels) {
            if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
                return false;
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-')) {
                    return false;
                }
            }
        }
        return true;
    }

    /** At most 40 characters of untrusted text, control characters replaced, fit for a message. */
    static String excerpt(String text) {
        String cut = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    /** {@code 1.2.3.4:6881}, {@code [2001:db8::1]:6881} or {@code host:6881}: the form {@link #parse} reads. */
    public static String format(InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        if (ip == null || address.isUnresolved()) {
            return address.getHostString() + ":" + address.getPort();
        }
        String literal = ip.getHostAddress();
        return (literal.indexOf(':') >= 0 ? "[" + literal + "]" : literal) + ":" + address.getPort();
    }
}
