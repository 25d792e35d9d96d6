package org.swarmport.peer.tracker;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A tracker's answer to an announce (BEP 3, BEP 15): peers to try and when to ask again.
 *
 * @param interval    how long to wait before the next regular announce
 * @param minInterval the least a client must wait, when the tracker says ({@code min interval});
 *                    {@link Duration#ZERO} when it does not
 * @param peers       IPv4 and IPv6 peers (BEP 23 compact, BEP 7 {@code peers6}, or the
 *                    dictionary model), each once
 * @param seeders     {@code complete}, when given
 * @param leechers    {@code incomplete}, when given
 * @param warning     {@code warning message}: the announce worked, but show this to the user
 */
public record AnnounceResponse(Duration interval, Duration minInterval, List<InetSocketAddress> peers,
                               OptionalInt seeders, OptionalInt leechers, Optional<String> warning) {

    public AnnounceResponse {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(minInterval, "minInterval");
        peers = List.copyOf(peers);
        Objects.requireNonNull(seeders, "seeders");
        Objects.requireNonNull(leechers, "leechers");
        Objects.requireNonNull(warning, "warning");
    }
}
