package org.swarmport.clientaddress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the address of the client behind a request. The tracker hands it out to other peers
 * and the portal's login limiter counts failures under it, so it must be the client's and
 * must not be forgeable.
 *
 * <p>It is the socket's remote address, unless that is a trusted proxy
 * ({@link TrustedProxies}). Then the forwarding headers are read from the right: each proxy
 * appends the address of whoever connected to it, so the entries a client can forge are all
 * on the left. Trusted entries are skipped and the rightmost untrusted one is the client.
 * Every header line counts, in order, as one list (RFC 9110 section 5.3). When every hop is
 * trusted the request began inside the trusted network (the portal's own seeder announcing
 * through the local proxy), and the leftmost hop is the client; with no header at all that
 * is the proxy itself.
 *
 * <p>{@code X-Forwarded-For} and RFC 7239 {@code Forwarded} ({@code for=}) are both read where
 * the caller passes both, because proxies write one or the other. A client can send the one
 * its proxy does not write, and the proxy passes it on untouched; so when both name hops and
 * they name different clients, neither is believed.
 *
 * <p>An entry that is not an address is refused ({@link UnbelievableClientAddressException}),
 * not skipped: a trusted proxy wrote it (the entries left of it are never reached), so the
 * proxy is misconfigured, and walking past it would believe what no trusted hop vouched for.
 * Accepted forms are what proxies write: an address, an IPv6 address in brackets, either with
 * a {@code :port} (Azure Application Gateway adds one). IPv4-mapped IPv6 addresses
 * ({@code ::ffff:1.2.3.4}) come back as IPv4. A {@code Forwarded} element without
 * {@code for=} (a proxy that only passes {@code proto=}) names no hop and is skipped;
 * {@code for=unknown} and obfuscated {@code for=_name} are refused like any other non-address.
 */
public final class ClientAddressResolver {

    private final TrustedProxies trustedProxies;

    public ClientAddressResolver(TrustedProxies trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    /** {@link #resolve(String, List, List)} without {@code Forwarded} (the tracker reads only X-Forwarded-For). */
    public byte[] resolve(String remoteAddress, List<String> forwardedFor) {
        return resolve(remoteAddress, forwardedFor, List.of());
    }

    /**
     * @param remoteAddress the socket peer, as {@code HttpServletRequest.getRemoteAddr()}
     *                      gives it (a zone suffix such as {@code %eth0} is dropped)
     * @param forwardedFor  every {@code X-Forwarded-For} line, in the order received
     * @param forwarded     every {@code Forwarded} line, in the order received
     * @return the client's address, 4 bytes for IPv4 or 16 for IPv6
     * @throws UnbelievableClientAddressException when the socket address is unusable, a
     *         trusted proxy forwarded an entry that is not an address, or the two headers
     *         name different clients
     */
    public byte[] resolve(String remoteAddress, List<String> forwardedFor, List<String> forwarded) {
        byte[] socket = socketAddress(remoteAddress);
        if (trustedProxies.isEmpty() || !trustedProxies.contains(socket)) {
            return socket;
        }
        byte[] byForwardedFor = walkForwardedFor(socket, forwardedFor);
        byte[] byForwarded = forwarded.isEmpty() ? null : walkForwarded(socket, forwarded);
        if (byForwardedFor != null && byForwarded != null && !Arrays.equals(byForwardedFor, byForwarded)) {
            throw new UnbelievableClientAddressException("X-Forwarded-For and Forwarded name different clients",
                    socket);
        }
        return byForwardedFor != null ? byForwardedFor : byForwarded != null ? byForwarded : socket;
    }

    /** The client by {@code X-Forwarded-For}, or null when its lines name no hop. */
    private byte[] walkForwardedFor(byte[] socket, List<String> lines) {
        byte[] lastTrusted = null;
        for (int line = lines.size() - 1; line >= 0; line--) {
            String header = lines.get(line);
            if (header == null) {
                continue;
            }
            int end = header.length();
            while (true) {
                int comma = header.lastIndexOf(',', end - 1);
                int from = skipBlanks(header, comma + 1, end);
                int to = trimBlanks(header, from, end);
                if (from < to) {
                    byte[] hop = hop(header, from, to);
                    if (hop == null) {
                        throw new UnbelievableClientAddressException("invalid X-Forwarded-For from trusted proxy",
                                socket);
                    }
                    if (!trustedProxies.contains(hop)) {
                        return hop;
                    }
                    lastTrusted = hop;
                }
                if (comma < 0) {
                    break;
                }
                end = comma;
            }
        }
        return lastTrusted;
    }

    /** The client by {@code Forwarded}, or null when its lines name no hop. */
    private byte[] walkForwarded(byte[] socket, List<String> lines) {
        byte[] lastTrusted = null;
        for (int line = lines.size() - 1; line >= 0; line--) {
            String header = lines.get(line);
            if (header == null) {
                continue;
            }
            List<String> elements = elements(header);
            for (int i = elements.size() - 1; i >= 0; i--) {
                String forValue = forValue(elements.get(i));
                if (forValue == null) {
                    continue;
                }
                byte[] hop = forValue.isEmpty() ? null : hop(forValue, 0, forValue.length());
                if (hop == null) {
                    throw new UnbelievableClientAddressException("invalid Forwarded from trusted proxy", socket);
                }
                if (!trustedProxies.contains(hop)) {
                    return hop;
                }
                lastTrusted = hop;
            }
        }
        return lastTrusted;
    }

    /** The list elements of one {@code Forwarded} line, left to right; a comma inside quotes does not split. */
    private static List<String> elements(String header) {
        List<String> elements = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i <= header.length(); i++) {
            if (i == header.length() || header.charAt(i) == ',' && !quoted) {
                elements.add(header.substring(start, i));
                start = i + 1;
            } else if (header.charAt(i) == '"') {
                quoted = !quoted;
            }
        }
        return elements;
    }

    /** The unquoted, stripped {@code for=} value of one element; null when it has none. */
    private static String forValue(String element) {
        for (String pair : element.split(";")) {
            String p = pair.strip();
            if (p.length() >= 4 && p.regionMatches(true, 0, "for=", 0, 4)) {
                String value = p.substring(4).strip();
                return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                        ? value.substring(1, value.length() - 1).strip() : value;
            }
        }
        return null;
    }

    private static byte[] socketAddress(String remoteAddress) {
        if (remoteAddress == null) {
            throw new UnbelievableClientAddressException("client address unavailable", null);
        }
        int zone = remoteAddress.indexOf('%');
        int end = zone < 0 ? remoteAddress.length() : zone;
        int start = 0;
        // Some containers report IPv6 peers in brackets.
        if (end >= 2 && remoteAddress.charAt(0) == '[' && remoteAddress.charAt(end - 1) == ']') {
            start = 1;
            end--;
        }
        byte[] address = IpLiteral.parse(remoteAddress, start, end);
        if (address == null) {
            throw new UnbelievableClientAddressException("client address unavailable", null);
        }
        return IpLiteral.unmapped(address);
    }

    /** The address a proxy wrote in {@code text[from, to)} (blanks trimmed, not empty), or null when it is none. */
    private static byte[] hop(String text, int from, int to) {
        byte[] address;
        if (text.charAt(from) == '[') {
            int close = text.indexOf(']', from);
            if (close < 0 || close >= to || !isPortOrNothing(text, close + 1, to)) {
                return null;
            }
            address = IpLiteral.parse(text, from + 1, close);
            if (address != null && address.length != 16) {
                return null;
            }
        } else {
            int colon = text.indexOf(':', from);
            boolean ipv4WithPort = colon >= 0 && colon < to && text.lastIndexOf(':', to - 1) == colon;
            if (ipv4WithPort) {
                address = isPortOrNothing(text, colon, to) ? IpLiteral.parse(text, from, colon) : null;
                if (address != null && address.length != 4) {
                    return null;
                }
            } else {
                address = IpLiteral.parse(text, from, to);
            }
        }
        return address == null ? null : IpLiteral.unmapped(address);
    }

    /** Nothing, or {@code :} and a decimal port of one to five digits. */
    private static boolean isPortOrNothing(String text, int from, int to) {
        if (from == to) {
            return true;
        }
        if (text.charAt(from) != ':' || to - from < 2 || to - from > 6) {
            return false;
        }
        for (int i = from + 1; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int skipBlanks(String text, int from, int to) {
        while (from < to && isBlank(text.charAt(from))) {
            from++;
        }
        return from;
    }

    private static int trimBlanks(String text, int from, int to) {
        while (to > from && isBlank(text.charAt(to - 1))) {
            to--;
        }
        return to;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
