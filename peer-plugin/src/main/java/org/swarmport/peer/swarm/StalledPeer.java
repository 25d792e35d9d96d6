package org.swarmport.peer.swarm;

import java.util.List;

/**
 * A peer that held requests longer than the {@link PickerSettings#requestTimeoutNanos() request
 * timeout}. Its overdue requests were released so other peers can be asked; send it a
 * {@code cancel} for each. Until it delivers again the picker gives it one request at a time.
 *
 * @param peer     the slow peer
 * @param released the requests taken back from it, oldest first
 * @param <P>      the engine's type for a peer connection
 */
public record StalledPeer<P>(P peer, List<Block> released) {

    public StalledPeer {
        released = List.copyOf(released);
    }
}
