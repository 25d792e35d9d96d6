package org.swarmport.portal.account;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The address of the client behind a request, for the login limiter: the socket's address,
 * unless that is a trusted proxy ({@link TrustedProxies}); then the forwarding headers are
 * read from the right, as the tracker reads them: each proxy appends whoever connected to it,
 * so the entries a client can forge are all on the left. Trusted hops are skipped and the
 * rightmost untrusted one is the client; when every hop is trusted, the leftmost is.
 *
 * <p>Both {@code X-Forwarded-For} and RFC 7239 {@code Forwarded} ({@code for=}) are read,
 * because proxies write one or the other. A client can send the one its proxy does not
 * write, and the proxy passes it on untouched; so when both are present and name different
 * clients, neither is believed and the request counts against the proxy: a forger then only
 * shares the proxy's limit, and can never pick a fresh address per attempt.
 *
 * <p>An entry that is not an address (garbage, {@code unknown}, an obfuscated {@code _name},
 * an element without {@code for=}) ends the walk at the last trusted hop, never skipped: the
 * entries left of it were never vouched for. For a limiter that is the safe side: it lumps
 * together, it never lets one client appear as many.
 */
public final class ClientAddressResolver {

    private final TrustedProxies trusted;

    public ClientAddressResolver(TrustedProxies trusted) {
        this.trusted = trusted;
    }

    /**
     * @param remoteAddress the socket peer, {@code HttpServletRequest.getRemoteAddr()}
     * @param forwardedFor  every {@code X-Forwarded-For} line, in the order received
     * @param forwarded     every {@code Forwarded} line, in the order received
     * @return 4 or 16 bytes; null only when the socket address itself is unusable
     */
    public byte[] resolve(String remoteAddress, List<String> forwardedFor, List<String> forwarded) {
        byte[] socket = remoteAddress == null ? null : IpLiteral.parse(unbracketed(remoteAddress));
        if (socket == null || !trusted.contains(socket)) {
            return socket;
        }
        List<String> xff = elements(forwardedFor);
        List<String> rfc7239 = elements(forwarded).stream().map(ClientAddressResolver::forValue).toList();
        if (xff.isEmpty()) {
            return walk(socket, rfc7239);
        }
        byte[] byXff = walk(socket, xff);
        if (rfc7239.isEmpty()) {
            return byXff;
        }
        return Arrays.equals(byXff, walk(socket, rfc7239)) ? byXff : socket;
    }

    /** The key one client's failures count under: the address, an IPv6 client by its /64 (one subscriber's usual share). */
    public static String limiterKey(byte[] address) {
        if (address.length == 4) {
            return IpLiteral.format(address);
        }
        byte[] network = Arrays.copyOf(Arrays.copyOf(address, 8), 16);
        return IpLiteral.format(network) + "/64";
    }

    private byte[] walk(byte[] socket, List<String> hops) {
        byte[] lastTrusted = socket;
        for (int i = hops.size() - 1; i >= 0; i--) {
            byte[] hop = hop(hops.get(i));
            if (hop == null) {
                return lastTrusted;
            }
            if (!trusted.contains(hop)) {
                return hop;
            }
            lastTrusted = hop;
        }
        return lastTrusted;
    }

    /** Every non-empty list element of every line, left to right; commas inside quotes do not split. */
    private static List<String> elements(List<String> lines) {
        List<String> elements = new ArrayList<>();
        for (String line : lines == null ? List.<String>of() : lines) {
            if (line == null) {
                continue;
            }
            boolean quoted = false;
            int start = 0;
            for (int i = 0; i <= line.length(); i++) {
                if (i == line.length() || line.charAt(i) == ',' && !quoted) {
                    String element = line.substring(start, i).strip();
                    if (!element.isEmpty()) {
                        elements.add(element);
                    }
                    start = i + 1;
                } else if (line.charAt(i) == '"') {
                    quoted = !quoted;
                }
            }
        }
        return elements;
    }

    /** The {@code for=} value of one {@code Forwarded} element, unquoted; "" when it has none (not an address). */
    private static String forValue(String element) {
        for (String pair : element.split(";")) {
            String p = pair.strip();
            if (p.length() > 4 && p.substring(0, 4).toLowerCase(Locale.ROOT).equals("for=")) {
                String value = p.substring(4).strip();
                return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                        ? value.substring(1, value.length() - 1) : value;
            }
        }
        return "";
    }

    /** One hop as proxies write it: an address, {@code [v6]}, either with {@code :port}; null when it is none. */
    private static byte[] hop(String entry) {
        String e = entry.strip();
        if (e.startsWith("[")) {
            int close = e.indexOf(']');
            if (close < 0 || !isPortOrNothing(e.substring(close + 1))) {
                return null;
            }
            byte[] address = IpLiteral.parse(e.substring(1, close));
            return address != null && e.substring(1, close).indexOf(':') >= 0 ? address : null;
        }
        int colon = e.indexOf(':');
        if (colon >= 0 && colon == e.lastIndexOf(':')) {
            // One colon: IPv4 with a port (no IPv6 literal has just one).
            byte[] address = isPortOrNothing(e.substring(colon)) ? IpLiteral.parse(e.substring(0, colon)) : null;
            return address != null && address.length == 4 ? address : null;
        }
        return IpLiteral.parse(e);
    }

    private static boolean isPortOrNothing(String rest) {
        return rest.isEmpty() || rest.length() >= 2 && rest.length() <= 6 && rest.charAt(0) == ':'
                && rest.substring(1).chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static String unbracketed(String remoteAddress) {
        int zone = remoteAddress.indexOf('%');
        String address = zone < 0 ? remoteAddress : remoteAddress.substring(0, zone);
        return address.length() >= 2 && address.startsWith("[") && address.endsWith("]")
                ? address.substring(1, address.length() - 1) : address;
    }
}
