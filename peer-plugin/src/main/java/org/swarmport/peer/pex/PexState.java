package org.swarmport.peer.pex;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What we have told one remote peer about our swarm over {@code ut_pex} (BEP 11), and the next
 * message to send it: peers connected since then as {@code added}, peers gone as
 * {@code dropped}. At most one message a minute, at most {@link PexMessage#MAX_ADDED} added
 * and as many dropped per message (the rest wait for the next), and never an empty message
 * (uTorrent drops peers that send them). One instance per connection; not thread-safe.
 */
public final class PexState {

    /** BEP 11: messages "approximately once every minute". */
    public static final Duration INTERVAL = Duration.ofMinutes(1);

    private final Map<InetSocketAddress, PexPeer> advertised = new HashMap<>();
    private Instant lastSent;

    /**
     * The message to send now, or empty when the last one went out less than a minute ago or
     * nothing changed.
     *
     * @param connected our connected peers, without the remote peer itself; each is advertised
     *                  only once its connection is established (BEP 11)
     */
    public Optional<PexMessage> next(Collection<PexPeer> connected, Instant now) {
        if (lastSent != null && now.isBefore(lastSent.plus(INTERVAL))) {
            return Optional.empty();
        }
        Map<InetSocketAddress, PexPeer> current = new LinkedHashMap<>();
        connected.forEach(peer -> current.put(peer.address(), peer));
        List<PexPeer> added = new ArrayList<>();
        for (PexPeer peer : current.values()) {
            if (added.size() == PexMessage.MAX_ADDED) {
                break;
            }
            if (!advertised.containsKey(peer.address())) {
                added.add(peer);
            }
        }
        List<InetSocketAddress> dropped = new ArrayList<>();
        for (InetSocketAddress address : advertised.keySet()) {
            if (dropped.size() == PexMessage.MAX_ADDED) {
                break;
            }
            if (!current.containsKey(address)) {
                dropped.add(address);
            }
        }
        if (added.isEmpty() && dropped.isEmpty()) {
            return Optional.empty();
        }
        added.forEach(peer -> advertised.put(peer.address(), peer));
        dropped.forEach(advertised::remove);
        lastSent = now;
        return Optional.of(new PexMessage(added, dropped));
    }

    /** Peers the remote peer has been told about and not told are gone. */
    public int advertisedCount() {
        return advertised.size();
    }
}
