package org.swarmport.peer.swarm;

import java.util.Set;

/**
 * The outcome of a {@link Choker#rechoke}: the messages to send, and who is unchoked now.
 *
 * @param unchoke    peers to send {@code unchoke}
 * @param choke      peers to send {@code choke}
 * @param unchoked   every peer unchoked after this round
 * @param optimistic the optimistically unchoked peers among them
 * @param <P>        the engine's type for a peer connection
 */
public record ChokeDecision<P>(Set<P> unchoke, Set<P> choke, Set<P> unchoked, Set<P> optimistic) {

    public ChokeDecision {
        unchoke = Set.copyOf(unchoke);
        choke = Set.copyOf(choke);
        unchoked = Set.copyOf(unchoked);
        optimistic = Set.copyOf(optimistic);
    }
}
