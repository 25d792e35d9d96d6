package org.swarmport.clientaddress;

import java.util.ArrayList;
import java.util.List;

/**
 * The reverse proxies whose {@code X-Forwarded-For} and {@code Forwarded} a war believes, from
 * {@code SWARMPORT_TRUSTED_PROXIES}: a comma-separated list of IP addresses and CIDR
 * ranges, IPv4 and IPv6, e.g. {@code 127.0.0.1, 10.0.0.0/8, ::1, fd00::/8}.
 *
 * <p>Only literals are accepted (no host names: resolving them would make trust depend
 * on DNS). Blanks around entries and empty entries are ignored; a range with host bits
 * set ({@code 10.1.2.3/8}) means its network. An IPv4-mapped IPv6 entry
 * ({@code ::ffff:10.0.0.0/104}) means the IPv4 range, because client addresses are
 * compared after {@link IpLiteral#unmapped}.
 */
public final class TrustedProxies {

    /** The setting both wars read it from, for their errors about its value. */
    public static final String CONFIGURATION_KEY = "SWARMPORT_TRUSTED_PROXIES";

    private static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final Range[] ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = ranges.toArray(new Range[0]);
    }

    /** No proxy is trusted: the socket address is always the client's. */
    public static TrustedProxies none() {
        return NONE;
    }

    /**
     * @param value the configured value; {@code null} or blank trusts no proxy
     * @throws IllegalArgumentException naming the entry that is neither an IP address nor a
     *                                  CIDR range (the caller names {@value #CONFIGURATION_KEY})
     */
    public static TrustedProxies parse(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        List<Range> ranges = new ArrayList<>();
        int start = 0;
        while (start <= value.length()) {
            int comma = value.indexOf(',', start);
            int end = comma < 0 ? value.length() : comma;
            String entry = value.substring(start, end).strip();
            if (!entry.isEmpty()) {
                ranges.add(range(entry));
            }
            start = end + 1;
        }
        return new TrustedProxies(ranges);
    }

    public boolean isEmpty() {
        return ranges.length == 0;
    }

    /** Whether {@code address} (4 or 16 bytes, already unmapped) is a trusted proxy. */
    public boolean contains(byte[] address) {
        for (Range range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static Range range(String entry) {
        int slash = entry.indexOf('/');
        byte[] network = IpLiteral.parse(entry, 0, slash < 0 ? entry.length() : slash);
        if (network == null) {
            throw invalid(entry, "not an IP address or CIDR range");
        }
        int bits = network.length * 8;
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
        byte[] unmapped = IpLiteral.unmapped(network);
        if (unmapped != network) {
            if (prefix < 96) {
                // Clients are compared unmapped, so such a range would hold no IPv4 client
                // and only IPv6 addresses nobody meant: refuse it rather than guess.
                throw invalid(entry, "an IPv4-mapped range needs a prefix length of 96 or more");
            }
            network = unmapped;
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
        StringBuilder text = new StringBuilder("TrustedProxies[");
        for (int i = 0; i < ranges.length; i++) {
            text.append(i == 0 ? "" : ", ").append(ranges[i]);
        }
        return text.append(']').toString();
    }

    /** A network and its prefix length; host bits are cleared on construction. */
    private static final class Range {

        private final byte[] network;
        private final int prefix;

        Range(byte[] network, int prefix) {
            this.network = network.clone();
            this.prefix = prefix;
            for (int bit = prefix; bit < network.length * 8; bit++) {
                this.network[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
            }
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (address[whole] & mask) == (network[whole] & 0xff);
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder();
            if (network.length == 4) {
                for (int i = 0; i < 4; i++) {
                    text.append(i == 0 ? "" : ".").append(network[i] & 0xff);
                }
            } else {
                for (int i = 0; i < 16; i += 2) {
                    text.append(i == 0 ? "" : ":")
                            .append(Integer.toHexString((network[i] & 0xff) << 8 | network[i + 1] & 0xff));
                }
            }
            return text.append('/').append(prefix).toString();
        }
    }
}
