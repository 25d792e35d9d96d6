package org.swarmport.portal.account;

import java.util.ArrayList;
import java.util.List;

/**
 * The reverse proxies whose {@code X-Forwarded-For} and {@code Forwarded} the portal believes,
 * from {@code SWARMPORT_TRUSTED_PROXIES}, with the tracker's syntax and meaning (the wars
 * share no classes, so this is the portal's own): comma-separated IP addresses and CIDR
 * ranges, IPv4 and IPv6, e.g. {@code 127.0.0.1, 10.0.0.0/8, ::1, fd00::/8}. Literals only (a
 * host name would make trust depend on DNS); blank entries are ignored; host bits in a range
 * are cleared; an IPv4-mapped IPv6 range ({@code ::ffff:10.0.0.0/104}) means the IPv4 range.
 */
public final class TrustedProxies {

    public static final String CONFIGURATION_KEY = "SWARMPORT_TRUSTED_PROXIES";

    private static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    public static TrustedProxies none() {
        return NONE;
    }

    /** @throws IllegalArgumentException naming the entry that is neither an address nor a range */
    public static TrustedProxies parse(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        List<Range> ranges = new ArrayList<>();
        for (String entry : value.split(",", -1)) {
            if (!entry.isBlank()) {
                ranges.add(range(entry.strip()));
            }
        }
        return new TrustedProxies(ranges);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** Whether {@code address} (4 or 16 bytes, IPv4-mapped already unmapped) is a trusted proxy. */
    boolean contains(byte[] address) {
        return ranges.stream().anyMatch(range -> range.contains(address));
    }

    private static Range range(String entry) {
        int slash = entry.indexOf('/');
        String literal = slash < 0 ? entry : entry.substring(0, slash);
        byte[] network = IpLiteral.parse(literal);
        if (network == null) {
            throw invalid(entry, "not an IP address or CIDR range");
        }
        // The JDK unmaps ::ffff:a.b.c.d to IPv4; a mapped range's prefix then counts IPv4 bits.
        int bits = literal.indexOf(':') >= 0 ? 128 : 32;
        int prefix = bits;
        if (slash >= 0) {
            String digits = entry.substring(slash + 1);
            if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw invalid(entry, "prefix length is not a number");
            }
            prefix = Integer.parseInt(digits);
            if (prefix > bits) {
                throw invalid(entry, "prefix length above " + bits);
            }
        }
        if (bits == 128 && network.length == 4) {
            if (prefix < 96) {
                throw invalid(entry, "an IPv4-mapped range needs a prefix of at least 96");
            }
            prefix -= 96;
        }
        return new Range(network, prefix);
    }

    private static IllegalArgumentException invalid(String entry, String why) {
        String shown = entry.length() > 64 ? entry.substring(0, 64) + "..." : entry;
        return new IllegalArgumentException("invalid entry \"" + shown + "\": " + why);
    }

    @Override
    public String toString() {
        return "TrustedProxies" + ranges;
    }

    /** A network and its prefix length; host bits are cleared on construction. */
    private record Range(byte[] network, int prefix) {

        Range {
            network = network.clone();
            for (int bit = prefix; bit < network.length * 8; bit++) {
                network[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
            }
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit += 8) {
                int mask = prefix - bit >= 8 ? 0xff : 0xff << (8 - (prefix - bit)) & 0xff;
                if ((address[bit / 8] & mask) != (network[bit / 8] & 0xff)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return IpLiteral.format(network) + "/" + prefix;
        }
    }
}
