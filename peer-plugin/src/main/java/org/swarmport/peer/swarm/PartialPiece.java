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
    private final List<List<P>> requesters;
    private final List<P> senders;
    private int free;
    private int received;

    PartialPiece(int piece, int blocks) {
        this.piece = piece;
        this.state = new byte[blocks];
        this.requesters = new ArrayList<>(blocks);
        this.senders = new ArrayList<>(blocks);
        for (int i = 0; i < blocks; i++) {
            requesters.add(null);
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

    /** Requesters of a block; empty when none. */
    List<P> requesters(int block) {
        List<P> list = requesters.get(block);
        return list == null ? List.of() : list;
    }

    void request(int block, P peer) {
        if (state[block] == RECEIVED) {
            throw new IllegalStateException("block " + block + " of piece " + piece + " is already received");
        }
        if (state[block] == FREE) {
            state[block] = REQUESTED;
            free--;
        }
        List<P> list = requesters.get(block);
        if (list == null) {
            list = new ArrayList<>(2);
            requesters.set(block, list);
        }
        list.add(peer);
    }

    /** Drops {@code peer}'s request for the block; the block is free again when nobody else asked. */
    void release(int block, P peer) {
        List<P> list = requesters.get(block);
        if (list == null || !list.remove(peer)) {
            return;
        }
        if (list.isEmpty() && state[block] == REQUESTED) {
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
        List<P> list = requesters.get(block);
        requesters.set(block, null);
        if (list == null) {
            return List.of();
        }
        list.remove(sender);
        return list;
    }

    List<P> senders() {
        return senders;
    }
}
