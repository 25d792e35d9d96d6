package org.swarmport.tracker.ws;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import org.swarmport.tracker.swarm.AnnounceEvent;
import org.swarmport.tracker.swarm.SwarmCounts;
import org.swarmport.tracker.swarm.SwarmCountsSink;

/**
 * The browser peers of each swarm, keyed by the same swarm hash as the
 * {@link org.swarmport.tracker.swarm.SwarmRegistry}: who is in it (peer_id → socket),
 * seeder or not, when last heard from, and its completed count.
 *
 * <p>Why apart from the registry: a browser peer has no IP:port to hand to an HTTP or UDP
 * client, and an HTTP or UDP peer cannot answer a WebRTC offer. What a browser needs is a
 * socket to relay offers and answers through, so here there is one object per peer, which
 * is fine at the numbers browsers reach. The counts of both add up to the torrent's.
 *
 * <p>Thread-safe: each swarm is its own lock; a swarm found removed is looked up again.
 */
final class SignallingSwarms {

    /** The result of an announce: counts after it, and the sockets to send its offers to. */
    record Joined(SwarmCounts counts, List<Member> offerTargets) {
    }

    /** A browser peer as other peers see it: its socket, and the info_hash it announced with. */
    record Member(String peerId, String infoHash, BrowserSocket socket) {
    }

    private static final class Peer {
        final Member member;
        boolean seeder;
        boolean completedCounted;
        long lastSeen;
        int slot;

        Peer(Member member) {
            this.member = member;
        }
    }

    private static final class Swarm {
        final byte[] hash;
        /** By peer_id; {@link #slots} holds the same peers for O(1) random picks. */
        final Map<String, Peer> peers = new HashMap<>();
        final List<Peer> slots = new ArrayList<>();
        int seeders;
        int completed;
        int completedIncrement;
        boolean changed;
        boolean removed;

        Swarm(byte[] hash) {
            this.hash = hash.clone();
        }

        SwarmCounts counts() {
            return new SwarmCounts(seeders, peers.size() - seeders, completed);
        }

        void add(Peer peer) {
            peer.slot = slots.size();
            slots.add(peer);
            peers.put(peer.member.peerId(), peer);
            if (peer.seeder) {
                seeders++;
            }
            changed = true;
        }

        void remove(Peer peer) {
            Peer last = slots.remove(slots.size() - 1);
            if (last != peer) {
                slots.set(peer.slot, last);
                last.slot = peer.slot;
            }
            peers.remove(peer.member.peerId());
            if (peer.seeder) {
                seeders--;
            }
            changed = true;
        }
    }

    private final Map<String, Swarm> swarms = new ConcurrentHashMap<>();

    /**
     * Records an announce that is not {@code stopped} (see {@link #leave}) and picks up to
     * {@code wanted} other peers for its offers, at random, never the announcer and, for a
     * seeder, never another seeder.
     *
     * @param seeder null when the message did not say ({@code left} absent): keeps what was known
     * @throws WsRequestException when another socket holds this peer_id in the swarm: taking
     *                            it over would let anyone receive someone else's offers
     */
    Joined announce(byte[] swarmHash, Member member, Boolean seeder, AnnounceEvent event, long now, int wanted,
                    RandomGenerator random) {
        while (true) {
            Swarm swarm = swarms.computeIfAbsent(key(swarmHash), k -> new Swarm(swarmHash));
            synchronized (swarm) {
                if (swarm.removed) {
                    continue;
                }
                Peer peer = swarm.peers.get(member.peerId());
                if (peer != null && peer.member.socket() != member.socket()) {
                    throw new WsRequestException("peer_id is already in this swarm on another connection");
                }
                boolean wasSeeding = peer != null && peer.seeder;
                if (peer == null) {
                    peer = new Peer(member);
                    peer.seeder = Boolean.TRUE.equals(seeder);
                    swarm.add(peer);
                } else if (seeder != null && seeder != peer.seeder) {
                    swarm.seeders += seeder ? 1 : -1;
                    peer.seeder = seeder;
                    swarm.changed = true;
                }
                // As in the registry: once per peer, and not for a peer that was seeding already.
                if (event == AnnounceEvent.COMPLETED && !peer.completedCounted && !wasSeeding) {
                    peer.completedCounted = true;
                    swarm.completed++;
                    swarm.completedIncrement++;
                    swarm.changed = true;
                }
                peer.lastSeen = now;
                return new Joined(swarm.counts(), pick(swarm, peer, wanted, random));
            }
        }
    }

    /** The peer {@code peerId} of the swarm, or null. */
    Member member(byte[] swarmHash, String peerId) {
        Swarm swarm = swarms.get(key(swarmHash));
        if (swarm == null) {
            return null;
        }
        synchronized (swarm) {
            Peer peer = swarm.peers.get(peerId);
            return peer == null ? null : peer.member;
        }
    }

    /** Marks a peer heard from (an answer it relays); false when it is not in the swarm on that socket. */
    boolean touch(byte[] swarmHash, String peerId, BrowserSocket socket, long now) {
        Swarm swarm = swarms.get(key(swarmHash));
        if (swarm == null) {
            return false;
        }
        synchronized (swarm) {
            Peer peer = swarm.peers.get(peerId);
            if (peer == null || peer.member.socket() != socket) {
                return false;
            }
            peer.lastSeen = now;
            return true;
        }
    }

    /** Removes the peer if that socket holds it ({@code stopped}, or its socket closed). */
    void leave(byte[] swarmHash, String peerId, BrowserSocket socket) {
        Swarm swarm = swarms.get(key(swarmHash));
        if (swarm == null) {
            return;
        }
        synchronized (swarm) {
            Peer peer = swarm.peers.get(peerId);
            if (peer != null && peer.member.socket() == socket) {
                swarm.remove(peer);
            }
        }
    }

    /** Counts of one swarm's browser peers; zeros when it has none. */
    SwarmCounts counts(byte[] swarmHash) {
        Swarm swarm = swarms.get(key(swarmHash));
        if (swarm == null) {
            return SwarmCounts.NONE;
        }
        synchronized (swarm) {
            return swarm.counts();
        }
    }

    /**
     * Forgets peers not heard from since {@code before} (their socket stayed open but silent),
     * then swarms that are empty and whose last counts were drained.
     *
     * @return peers removed
     */
    int expire(long before) {
        int removed = 0;
        for (Swarm swarm : swarms.values()) {
            synchronized (swarm) {
                for (int i = swarm.slots.size() - 1; i >= 0; i--) {
                    Peer peer = swarm.slots.get(i);
                    if (peer.lastSeen < before) {
                        swarm.remove(peer);
                        removed++;
                    }
                }
                if (swarm.peers.isEmpty() && !swarm.changed) {
                    swarm.removed = true;
                    swarms.remove(key(swarm.hash), swarm);
                }
            }
        }
        return removed;
    }

    /**
     * Hands the counts of each swarm that changed since the last drain to {@code sink}, as
     * {@link org.swarmport.tracker.swarm.SwarmRegistry#drainChanged} does for the registry.
     */
    void drainChanged(SwarmCountsSink sink) {
        for (Swarm swarm : swarms.values()) {
            SwarmCounts counts;
            int increment;
            synchronized (swarm) {
                if (!swarm.changed) {
                    continue;
                }
                counts = swarm.counts();
                increment = swarm.completedIncrement;
                swarm.completedIncrement = 0;
                swarm.changed = false;
            }
            sink.accept(swarm.hash.clone(), counts.seeders(), counts.leechers(), counts.completed(), increment);
        }
    }

    /** Every swarm with browser peers, with its counts (for the stats and metrics totals). */
    void forEachSwarm(SwarmCountsSink sink) {
        for (Swarm swarm : swarms.values()) {
            SwarmCounts counts;
            synchronized (swarm) {
                if (swarm.peers.isEmpty()) {
                    continue;
                }
                counts = swarm.counts();
            }
            sink.accept(swarm.hash.clone(), counts.seeders(), counts.leechers(), counts.completed(),
                    0);
        }
    }

    private static List<Member> pick(Swarm swarm, Peer self, int wanted, RandomGenerator random) {
        List<Member> picked = new ArrayList<>(Math.min(wanted, swarm.slots.size()));
        int candidates = swarm.slots.size();
        if (wanted <= 0 || candidates <= 1) {
            return picked;
        }
        // Partial Fisher-Yates over the slot order: each peer at most once, stopping at wanted.
        int[] order = new int[candidates];
        for (int i = 0; i < candidates; i++) {
            order[i] = i;
        }
        for (int i = 0; i < candidates && picked.size() < wanted; i++) {
            int j = i + random.nextInt(candidates - i);
            int chosen = order[j];
            order[j] = order[i];
            order[i] = chosen;
            Peer peer = swarm.slots.get(chosen);
            if (peer != self && !(self.seeder && peer.seeder)) {
                picked.add(peer.member);
            }
        }
        return picked;
    }

    /** 20 bytes as a 20-char Latin-1 string: a compact, hashable map key. */
    static String key(byte[] swarmHash) {
        return new String(swarmHash, 0, 20, StandardCharsets.ISO_8859_1);
    }
}
