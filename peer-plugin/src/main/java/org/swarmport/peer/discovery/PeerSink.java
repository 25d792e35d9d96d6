package org.swarmport.peer.discovery;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * Where a {@link PeerSource} delivers the peers it finds. The engine's implementation must be
 * thread-safe and quick (hand the addresses to the network thread, dedupe there): sources call
 * it from their own threads. Host names may arrive unresolved.
 */
@FunctionalInterface
public interface PeerSink {

    void peersFound(String source, List<InetSocketAddress> peers);
}
