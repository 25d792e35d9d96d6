package org.swarmport.tracker.swarm;

import java.util.SplittableRandom;

/**
 * One lock's worth of swarms: an open-addressing table of {@link Swarm}s (linear probing, load at
 * most 1/2, no key or entry objects) and running totals, so the registry's totals never walk the
 * swarms. Every method holds this shard's monitor for a few microseconds; announces on other
 * shards never wait for it.
 */
final class Shard {

    private static final int MIN_TABLE = 16;

    /** Used only under this shard's lock, so it needs no synchronisation of its own. */
    private final SplittableRandom random;

    private Swarm[] table = new Swarm[MIN_TABLE];
    private int records;
    private int activeSwarms;
    private long seeders;
    private long leechers;
    private long ipv6Peers;
    private long refusedAtCap;

    Shard(long seed) {
        this.random = new SplittableRandom(seed);
    }

    synchronized SwarmCounts announce(long h0, long h1, int h2, int slotHash, long peer, byte[] address,
                                      int port, boolean seeder, AnnounceEvent event, int now,
                                      int maxPeers, PeerBuffer ipv4Out, PeerBuffer ipv6Out) {
        Swarm swarm = find(h0, h1, h2, slotHash);
        if (swarm == null) {
            if (event == AnnounceEvent.STOPPED) {
                return SwarmCounts.NONE;
            }
            swarm = insert(new Swarm(h0, h1, h2, slotHash, now));
        }
        int seeders0 = swarm.seeders();
        int leechers0 = swarm.leechers();
        int ipv60 = swarm.ipv6Peers();
        if (!swarm.announce(peer, address, port, seeder, event, now, maxPeers, ipv4Out, ipv6Out, random)) {
            refusedAtCap++;
        }
        account(swarm, seeders0, leechers0, ipv60);
        return swarm.counts();
    }

    synchronized SwarmCounts scrape(long h0, long h1, int h2, int slotHash) {
        Swarm swarm = find(h0, h1, h2, slotHash);
        return swarm == null ? null : swarm.counts();
    }

    /** @return peers removed */
    synchronized int expire(int now, int maxAge, int keepCompletedMinutes) {
        int removed = 0;
        int dropped = 0;
        for (Swarm swarm : table) {
            if (swarm == null) {
                continue;
            }
            int seeders0 = swarm.seeders();
            int leechers0 = swarm.leechers();
            int ipv60 = swarm.ipv6Peers();
            int gone = swarm.expire(now, maxAge);
            if (gone > 0) {
                removed += gone;
                account(swarm, seeders0, leechers0, ipv60);
            }
            if (swarm.droppable(now, maxAge, keepCompletedMinutes)) {
                dropped++;
            }
        }
        if (dropped > 0) {
            // Rebuilding beats deleting in place: no backward shifts while iterating, and the
            // table shrinks after a wave of dead torrents.
            Swarm[] old = table;
            table = new Swarm[tableLength(records - dropped)];
            records = 0;
            for (Swarm swarm : old) {
                if (swarm != null && !swarm.droppable(now, maxAge, keepCompletedMinutes)) {
                    insert(swarm);
                }
            }
        }
        return removed;
    }

    /**
     * Copies counts into {@code batch}; with {@code drain}, only changed swarms, which are then
     * marked drained. The sink runs later, outside the lock.
     */
    synchronized void collect(CountsBatch batch, boolean drain) {
        for (Swarm swarm : table) {
            if (swarm == null || (drain && !swarm.changed())) {
                continue;
            }
            batch.add(swarm);
            if (drain) {
                swarm.markDrained();
            }
        }
    }

    /** Adds swarms, empty swarms, seeders, leechers, IPv6 peers and refusals into {@code sums}. */
    synchronized void addTotals(long[] sums) {
        sums[0] += activeSwarms;
        sums[1] += records - activeSwarms;
        sums[2] += seeders;
        sums[3] += leechers;
        sums[4] += ipv6Peers;
        sums[5] += refusedAtCap;
    }

    private void account(Swarm swarm, int seeders0, int leechers0, int ipv60) {
        int seeders1 = swarm.seeders();
        int leechers1 = swarm.leechers();
        seeders += seeders1 - seeders0;
        leechers += leechers1 - leechers0;
        ipv6Peers += swarm.ipv6Peers() - ipv60;
        boolean wasActive = seeders0 + leechers0 > 0;
        boolean isActive = seeders1 + leechers1 > 0;
        if (wasActive != isActive) {
            activeSwarms += isActive ? 1 : -1;
        }
    }

    private Swarm find(long h0, long h1, int h2, int slotHash) {
        int mask = table.length - 1;
        for (int i = slotHash & mask; ; i = (i + 1) & mask) {
            Swarm swarm = table[i];
            if (swarm == null || swarm.is(h0, h1, h2)) {
                return swarm;
            }
        }
    }

    private Swarm insert(Swarm swarm) {
        if (records + 1 > table.length >> 1) {
            Swarm[] old = table;
            table = new Swarm[old.length << 1];
            records = 0;
            for (Swarm s : old) {
                if (s != null) {
                    insert(s);
                }
            }
        }
        int mask = table.length - 1;
        int i = swarm.slotHash & mask;
        while (table[i] != null) {
            i = (i + 1) & mask;
        }
        table[i] = swarm;
        records++;
        return swarm;
    }

    private static int tableLength(int records) {
        int length = MIN_TABLE;
        while (records > length >> 1) {
            length <<= 1;
        }
        return length;
    }
}
