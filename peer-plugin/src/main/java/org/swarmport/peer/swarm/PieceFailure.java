package org.swarmport.peer.swarm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A piece whose data failed its hash check, and who sent which block of it: what the
 * {@link BanList} needs to blame someone. The picker has already forgotten the data and made the
 * piece's blocks requestable again.
 *
 * @param piece   the piece index
 * @param senders the peer that sent each block, indexed by block (v2 block hashes let the caller
 *                find the exact bad block and so the exact sender)
 * @param <P>     the engine's type for a peer connection
 */
public record PieceFailure<P>(int piece, List<P> senders) {

    public PieceFailure {
        senders = Collections.unmodifiableList(new ArrayList<>(senders));
        for (P sender : senders) {
            Objects.requireNonNull(sender, "sender");
        }
    }

    /** The distinct peers that sent part of the piece, in block order. */
    public Set<P> contributors() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(senders));
    }

    /** Whether one peer sent the whole piece: then the bad data is certainly theirs. */
    public boolean soleContributor() {
        return contributors().size() == 1;
    }
}
