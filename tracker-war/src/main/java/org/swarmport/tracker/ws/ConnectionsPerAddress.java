package org.swarmport.tracker.ws;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.swarmport.clientaddress.IpLiteral;

/**
 * Open WebSockets per client address, so one address cannot hold the tracker's sockets and
 * signalling to itself. An IPv6 client counts by its /64: that is what one subscriber gets,
 * and counting single addresses would let it open as many sockets as it has addresses.
 * Thread-safe; an address is forgotten when its last socket closes.
 */
final class ConnectionsPerAddress {

    private final int max;
    private final Map<String, Integer> open = new ConcurrentHashMap<>();

    ConnectionsPerAddress(int max) {
        this.max = max;
    }

    /** What a client is counted under: the IPv4 address, or the IPv6 /64 ({@code 2001:db8:0:1::/64}). */
    static String keyOf(byte[] address) {
        byte[] unmapped = IpLiteral.unmapped(address);
        if (unmapped.length == 4) {
            return (unmapped[0] & 0xFF) + "." + (unmapped[1] & 0xFF) + "." + (unmapped[2] & 0xFF) + "." + (unmapped[3] & 0xFF);
        }
        StringBuilder prefix = new StringBuilder(24);
        for (int i = 0; i < 8; i += 2) {
            prefix.append(Integer.toHexString((unmapped[i] & 0xFF) << 8 | (unmapped[i + 1] & 0xFF))).append(':');
        }
        return prefix.append(":/64").toString();
    }

    /** Counts one more socket from {@code address}; false (and nothing counted) at the limit. */
    boolean tryOpen(String address) {
        boolean[] admitted = {false};
        open.compute(address, (a, count) -> {
            int now = count == null ? 0 : count;
            admitted[0] = now < max;
            return admitted[0] ? now + 1 : now;
        });
        return admitted[0];
    }

    /** One socket admitted by {@link #tryOpen} closed. */
    void close(String address) {
        open.computeIfPresent(address, (a, count) -> count <= 1 ? null : count - 1);
    }

    int open(String address) {
        return open.getOrDefault(address, 0);
    }
}
