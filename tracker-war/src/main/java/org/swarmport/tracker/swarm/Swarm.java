package org.swarmport.tracker.swarm;

import java.util.SplittableRandom;

/**
 * One torrent's swarm: its IPv4 and IPv6 peers, kept apart (BEP 7), and its completed counter.
 *
 * <p>The info-hash is held as two longs and an int rather than a {@code byte[20]} with a key
 * object around it: 20 bytes inside this object instead of about 56 in two more.
 *
 * <p>Not thread-safe: its {@link Shard}'s lock guards it.
 */
final class Swarm {

    final long hash0;
    final long hash1;
    final int hash2;
    /** Keyed hash bits that place this swarm in its shard's table. */
    final int slotHash;

    /** Null until the swarm has a peer of that family, and again once expiry empties it. */
    private PeerList ipv4;
    private PeerList ipv6;

    private int completed;
    private int completedDrained;
    /**
     * Minute of the last announce or expiry that removed peers: an empty swarm's keeping time
     * runs from when its last peer left.
     */
    private int lastChange;
    /** Counts changed since the last drain. */
    private boolean changed;

    Swarm(long hash0, long hash1, int hash2, int slotHash, int now) {
        this.hash0 = hash0;
        this.hash1 = hash1;
        this.hash2 = hash2;
        this.slotHash = slotHash;
        this.lastChange = now;
        // A new swarm's existence is news for the catalogue even if its first peer is refused.
        this.changed = true;
    }

    boolean is(long h0, long h1, int h2) {
        return hash0 == h0 && hash1 == h1 && hash2 == h2;
    }

    /**
     * Applies one announce and writes the peers to hand out.
     *
     * @param address  4 or 16 bytes; an IPv4-mapped IPv6 address counts as IPv4
     * @param maxPeers the swarm's cap, IPv4 and IPv6 together
     * @return false when the peer is new and the swarm is at its cap: it got its answer but is not
     *         remembered, so nobody is sent it until a place frees up (a stop or an expiry). Refusing
     *         the newcomer costs nothing, where evicting the stalest peer would cost a scan.
     */
    boolean announce(long peer, byte[] address, int port, boolean seeder, AnnounceEvent event,
                     int now, int maxPeers, PeerBuffer ipv4Out, PeerBuffer ipv6Out, SplittableRandom random) {
        lastChange = now;
        boolean v6 = isIpv6(address);
        PeerList own = v6 ? ipv6 : ipv4;
        int pos = own == null ? -1 : own.find(peer);

        if (event == AnnounceEvent.STOPPED) {
            if (pos >= 0) {
                own.remove(pos);
                changed = true;
            }
            return true;
        }

        // Counted once per peer: not again for a peer already counted, nor for one that was
        // already seeding (a client that re-sends "completed", or a seeder after a re-check).
        boolean countNow = event == AnnounceEvent.COMPLETED
                && !(pos >= 0 && (own.isSeeder(pos) || own.completedCounted(pos)));
        if (countNow) {
            completed++;
            changed = true;
        }

        boolean remembered = true;
        if (pos >= 0) {
            if (own.isSeeder(pos) != seeder) {
                changed = true;
            }
            pos = own.update(pos, address, port, seeder, countNow, now);
        } else if (size() < maxPeers) {
            if (own == null) {
                own = new PeerList(v6 ? PeerBuffer.IPV6_WIDTH : PeerBuffer.IPV4_WIDTH);
                if (v6) {
                    ipv6 = own;
                } else {
                    ipv4 = own;
                }
            }
            pos = own.add(peer, address, port, seeder, countNow, now);
            changed = true;
        } else {
            remembered = false;
        }

        // The requester never gets itself back, including its entry in the other family's list
        // (a dual-stack client announces once over each).
        if (ipv4Out != null && ipv4 != null) {
            ipv4.sample(ipv4Out, seeder, v6 ? ipv4.find(peer) : pos, random);
        }
        if (ipv6Out != null && ipv6 != null) {
            ipv6.sample(ipv6Out, seeder, v6 ? pos : ipv6.find(peer), random);
        }
        return remembered;
    }

    /**
     * Removes peers not seen for more than {@code maxAge} minutes and releases emptied lists.
     *
     * @return peers removed
     */
    int expire(int now, int maxAge) {
        int removed = 0;
        if (ipv4 != null) {
            removed += ipv4.expire(now, maxAge);
            if (ipv4.size() == 0) {
                ipv4 = null;
            }
        }
        if (ipv6 != null) {
            removed += ipv6.expire(now, maxAge);
            if (ipv6.size() == 0) {
                ipv6 = null;
            }
        }
        if (removed > 0) {
            changed = true;
            lastChange = now;
        }
        return removed;
    }

    /**
     * Whether an empty swarm may go. It stays while scrape should still show its completed count
     * ({@code keepCompletedMinutes} after its last peer left; opentracker drops the count with the
     * last peer, but catalogues show "completed"), and until the catalogue has drained its final
     * counts — for at most {@code maxAge} more minutes, so a registry nobody drains cannot leak.
     */
    boolean droppable(int now, int maxAge, int keepCompletedMinutes) {
        if (size() > 0) {
            return false;
        }
        int keep = completed > 0 ? keepCompletedMinutes : 0;
        if (changed) {
            keep += maxAge;
        }
        return now - lastChange >= keep;
    }

    int seeders() {
        return (ipv4 == null ? 0 : ipv4.seeders()) + (ipv6 == null ? 0 : ipv6.seeders());
    }

    int leechers() {
        return (ipv4 == null ? 0 : ipv4.leechers()) + (ipv6 == null ? 0 : ipv6.leechers());
    }

    int ipv6Peers() {
        return ipv6 == null ? 0 : ipv6.size();
    }

    int size() {
        return (ipv4 == null ? 0 : ipv4.size()) + ipv6Peers();
    }

    int completed() {
        return completed;
    }

    int completedIncrement() {
        return completed - completedDrained;
    }

    boolean changed() {
        return changed;
    }

    void markDrained() {
        completedDrained = completed;
        changed = false;
    }

    SwarmCounts counts() {
        return new SwarmCounts(seeders(), leechers(), completed);
    }

    static boolean isIpv6(byte[] address) {
        if (address.length == 4) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (address[i] != 0) {
                return true;
            }
        }
        return address[10] != (byte) 0xFF || address[11] != (byte) 0xFF;
    }
}
