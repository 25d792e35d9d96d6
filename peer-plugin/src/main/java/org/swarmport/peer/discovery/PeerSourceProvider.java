package org.swarmport.peer.discovery;

import java.util.Optional;

/**
 * The {@link java.util.ServiceLoader} extension point for peer sources: list an implementation
 * in {@code META-INF/services/org.swarmport.peer.discovery.PeerSourceProvider} and
 * {@link PeerSources#load()} finds it. It needs a public no-argument constructor.
 * {@link TrackerPeerSourceProvider} is the built-in one.
 */
public interface PeerSourceProvider {

    /** A short name for logs: {@code "tracker"}. */
    String name();

    /**
     * A source for one torrent, not yet started; empty when this provider has nothing to offer
     * it (no trackers; a private torrent for a source other than its trackers).
     */
    Optional<PeerSource> open(PeerSourceContext torrent);
}
