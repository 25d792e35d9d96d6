package org.swarmport.tracker.ws;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open WebSockets per client address, so one address cannot hold the tracker's sockets and
 * signalling to itself. Thread-safe; an address is forgotten when its last socket closes.
 */
final class ConnectionsPerAddress {

    private final int max;
    private final Map<String, Integer> open = new ConcurrentHashMap<>();

    ConnectionsPerAddress(int max) {
        this.max = max;
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
