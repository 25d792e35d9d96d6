package org.swarmport.tracker.ws;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One browser's WebSocket as the tracker sees it: where to send, and which swarms it joined
 * under which peer_id, so that closing it takes the peer out of each of them. Messages of
 * one socket arrive one at a time (Jakarta WebSocket), so this needs no lock of its own
 * beyond the close, which may come from another thread.
 */
final class WsConnection {

    private final BrowserSocket socket;
    /** Swarm key (the swarm hash as Latin-1) → the hash and the peer_id used in it. */
    private final Map<String, Joined> joined = new HashMap<>();

    record Joined(byte[] swarmHash, String peerId) {
    }

    WsConnection(BrowserSocket socket) {
        this.socket = socket;
    }

    BrowserSocket socket() {
        return socket;
    }

    synchronized Joined joined(byte[] swarmHash) {
        return joined.get(SignallingSwarms.key(swarmHash));
    }

    synchronized int swarms() {
        return joined.size();
    }

    synchronized void join(byte[] swarmHash, String peerId) {
        joined.put(SignallingSwarms.key(swarmHash), new Joined(swarmHash.clone(), peerId));
    }

    synchronized void leave(byte[] swarmHash) {
        joined.remove(SignallingSwarms.key(swarmHash));
    }

    /** Every swarm joined, forgotten: the socket is closing. */
    synchronized List<Joined> leaveAll() {
        List<Joined> all = List.copyOf(joined.values());
        joined.clear();
        return all;
    }
}
