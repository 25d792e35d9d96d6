package org.swarmport.tracker.announce;

import java.util.List;

/**
 * Finds the address of the client behind an announce: the address the tracker hands out
 * to other peers, so it must be the client's and must not be forgeable.
 *
 * <p>It is the socket's remote address, unless that is a trusted proxy
 * ({@link TrustedProxies}). Then {@code X-Forwarded-For} is read from the right: each
 * proxy appends the address of whoever connected to it, so the entries a client can
 * forge are all on the left. Trusted entries are skipped and the rightmost untrusted one
 * is the client. Every header line counts, in order, as one list (RFC 9110 section
 * 5.3). When every hop is trusted the request began inside the trusted network (the
 * portal's own seeder announcing through the local proxy), and the leftmost hop is the
 * client; with no header at all that is the proxy itself.
 *
 * <p>An entry that is not an address is refused with a {@link TrackerRequestException},
 * not skipped: a trusted proxy wrote it (the entries left of it are never reached), so
 * the proxy is misconfigured, and falling back to the last trusted hop would register
 * the proxy's own address as a peer for every client behind it, where they would
 * overwrite each other. Accepted forms are what proxies write: an address, an IPv6
 * address in brackets, either with a {@code :port} (Azure Application Gateway adds one).
 * IPv4-mapped IPv6 addresses ({@code ::ffff:1.2.3.4}) come back as IPv4.
 */
public final class ClientAddressResolver {

    private final TrustedProxies trustedProxies;

    public ClientAddressResolver(TrustedProxies trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    /** {@link #resolve(String, List)} with at most one {@code X-Forwarded-For} line. */
    public byte[] resolve(String remoteAddress, String forwardedFor) {
        return resolve(remoteAddress, forwardedFor == null ? List.of() : List.of(forwardedFor));
    }

    /**
     * @param remoteAddress the socket peer, as {@code HttpServletRequest.getRemoteAddr()}
     *                      gives it (a zone suffix such as {@code %eth0} is dropped)
     * @param forwardedFor  every {@code X-Forwarded-For} line, in the order received
     * @return the client's address, 4 bytes for IPv4 or 16 for IPv6
     * @throws TrackerRequestException when a trusted proxy forwarded an entry that is not
     *                                 an address, or the socket address is unusable
     */
    public byte[] resolve(String remoteAddress, List<String> forwardedFor) {
        byte[] socket = socketAddress(remoteAddress);
        if (trustedProxies.isEmpty() || !trustedProxies.contains(socket)) {
            return socket;
        }
        byte[] lastTrusted = socket;
        for (int line = forwardedFor.size() - 1; line >= 0; line--) {
            String header = forwardedFor.get(line);
            if (header == null) {
                continue;
            }
            int end = header.length();
            while (true) {
                int comma = header.lastIndexOf(',', end - 1);
                byte[] hop = forwardedAddress(header, comma + 1, end);
                if (hop != null) {
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

    private static byte[] socketAddress(String remoteAddress) {
        if (remoteAddress == null) {
            throw new TrackerRequestException("client address unavailable");
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
            throw new TrackerRequestException("client address unavailable");
        }
        return IpLiteral.unmapped(address);
    }

    /**
     * The address in {@code header[from, to)}, or {@code null} for an empty list element
     * (RFC 9110 section 5.6.1 allows them).
     */
    private static byte[] forwardedAddress(String header, int from, int to) {
        while (from < to && isBlank(header.charAt(from))) {
            from++;
        }
        while (to > from && isBlank(header.charAt(to - 1))) {
            to--;
        }
        if (from == to) {
            return null;
        }
        byte[] address;
        if (header.charAt(from) == '[') {
            int close = header.indexOf(']', from);
            if (close < 0 || close >= to || !isPortOrNothing(header, close + 1, to)) {
                throw invalidForwardedFor();
            }
            address = IpLiteral.parse(header, from + 1, close);
            if (address != null && address.length != 16) {
                address = null;
            }
        } else {
            int colon = header.indexOf(':', from);
            boolean ipv4WithPort = colon >= 0 && colon < to
                    && header.lastIndexOf(':', to - 1) == colon;
            if (ipv4WithPort) {
                address = isPortOrNothing(header, colon, to) ? IpLiteral.parse(header, from, colon) : null;
                if (address != null && address.length != 4) {
                    address = null;
                }
            } else {
                address = IpLiteral.parse(header, from, to);
            }
        }
        if (address == null) {
            throw invalidForwardedFor();
        }
        return IpLiteral.unmapped(address);
    }

    /** Nothing, or {@code :} and a decimal port of one to five digits. */
    private static boolean isPortOrNothing(String header, int from, int to) {
        if (from == to) {
            return true;
        }
        if (header.charAt(from) != ':' || to - from < 2 || to - from > 6) {
            return false;
        }
        for (int i = from + 1; i < to; i++) {
            char c = header.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static TrackerRequestException invalidForwardedFor() {
        return new TrackerRequestException("invalid X-Forwarded-For from trusted proxy");
    }
}
