package org.swarmport.peer.swarm;

import java.util.ArrayList;
import java.util.List;

/**
 * The block bookkeeping of one started piece: which blocks are free, requested (from whom) or
 * received (from whom). Started pieces are few (about one per peer and pipeline), so this is
 * allocated only for them.
 *
 * @param <P> the engine's type for a peer connection
 */
final class PartialPiece<P> {

    static final byte FREE = 0;
    static final byte REQUESTED = 1;
    static final byte RECEIVED = 2;

    final int piece;
    private final byte[] state;
    /**
     * Per block: null, the one peer asked for it, or a {@link Several} in end game. One peer is
     * by far the common case, and holding it directly costs no allocation per request.
     */
    private final Object[] requesters;
    private final List<P> senders;
    private int free;
    private int received;

    PartialPiece(int piece, int blocks) {
        this.piece = piece;
        this.state = new byte[blocks];
        this.requesters = new Object[blocks];
        this.senders = new ArrayList<>(blocks);
        for (int i = 0; i < blocks; i++) {
            senders.add(null);
        }
        this.free = blocks;
    }

    int blocks() {
        return state.length;
    }

    int free() {
        return free;
    }

    int received() {
        return received;
    }

    boolean isComplete() {
        return received == state.length;
    }

    /** Whether no block is requested or received: the piece can go back among the unstarted. */
    boolean isUntouched() {
        return free == state.length;
    }

    byte state(int block) {
        return state[block];
    }

    /** The peers asked for one block in end game; private, so no peer can be one. */
    private static final class Several<P> extends ArrayList<P> {
        Several(Object first, P second) {
            super(4);
            add(cast(first));
            add(second);
        }
    }

    @SuppressWarnings("unchecked")
    private static <P> P cast(Object peer) {
        return (P) peer;
    }

    /** Requesters of a block; empty when none. */
    List<P> requesters(int block) {
        Object slot = requesters[block];
        if (slot == null) {
            return List.of();
        }
        if (slot instanceof Several<?> several) {
            return cast(several);
        }
        P only = cast(slot);
        return List.of(only);
    }

    /** How many peers are asked for the block, without building a list. */
    int requesterCount(int block) {
        Object slot = requesters[block];
        if (slot == null) {
            return 0;
        }
        return slot instanceof Several<?> several ? several.size() : 1;
    }

    boolean isRequestedBy(int block, P peer) {
        Object slot = requesters[block];
        if (slot instanceof Several<?> several) {
            return several.contains(peer);
        }
        return slot != null && slot.equals(peer);
    }

    void request(int block, P peer) {
        if (state[block] == RECEIVED) {
            throw new IllegalStateException("block " + block + " of piece " + piece + " is already received");
        }
        if (state[block] == FREE) {
            state[block] = REQUESTED;
            free--;
        }
        Object slot = requesters[block];
        if (slot == null) {
            requesters[block] = peer;
        } else if (slot instanceof Several<?> several) {
            Several<P> peers = cast(several);
            peers.add(peer);
        } else {
            requesters[block] = new Several<P>(slot, peer);
        }
    }

    /** Drops {@code peer}'s request for the block; the block is free again when nobody else asked. */
    void release(int block, P peer) {
        Object slot = requesters[block];
        if (slot instanceof Several<?> several) {
            if (!several.remove(peer)) {
                return;
            }
            if (several.isEmpty()) {
                requesters[block] = null;
            }
        } else if (slot != null && slot.equals(peer)) {
            requesters[block] = null;
        } else {
            return;
        }
        if (requesters[block] == null && state[block] == REQUESTED) {
            state[block] = FREE;
            free++;
        }
    }

    /** Marks the block received from {@code sender}; answers the other peers still asked for it. */
    List<P> receive(int block, P sender) {
        if (state[block] == FREE) {
            free--;
        }
        state[block] = RECEIVED;
        received++;
        senders.set(block, sender);
        List<P> asked = requesters(block);
        requesters[block] = null;
        if (asked.size() == 1 && asked.get(0).equals(sender)) {
            return List.of();
        }
        List<P> others = new ArrayList<>(asked);
        others.remove(sender);
        return others;
    }

    List<P> senders() {
        return senders;
    }
}
