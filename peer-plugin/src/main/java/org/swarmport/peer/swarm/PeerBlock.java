package org.swarmport.peer.swarm;

import java.util.Objects;

/**
 * A block together with the peer it concerns: a request to cancel at that peer (end game), or a
 * request released from it.
 *
 * @param <P> the engine's type for a peer connection
 */
public record PeerBlock<P>(P peer, Block block) {

    public PeerBlock {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(block, "block");
    }
}
