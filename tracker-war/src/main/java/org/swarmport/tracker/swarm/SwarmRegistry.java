package org.swarmport.tracker.swarm;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The tracker's in-memory swarms: announce, scrape, expiry, totals, and the counts that flow to
 * the catalogue.
 *
 * <p>Swarms are spread over {@link Config#shards()} shards, each with its own lock, by a keyed
 * hash of the info-hash (not its raw bits: in open mode anyone picks info-hashes, and raw bits
 * would let them stack one shard). There is no global lock; every call holds one shard's lock
 * for a few microseconds at most, expiry included, which goes shard by shard.
 *
 * <p>Time is in minutes on any clock that does not jump back: {@link #currentMinute()} or the
 * caller's own. Thread-safe.
 */
public final class SwarmRegistry {

    /**
     * @param shards               a power of two; 256 leaves contention negligible for any
     *                             number of request threads this machine can run
     * @param maxPeersPerSwarm     IPv4 and IPv6 together; bounds a swarm's memory (about 3.5 MB
     *                             at 100,000 IPv4 peers). What happens at the cap: see
     *                             {@link #announce}
     * @param keepCompletedMinutes how long a swarm is kept after its last peer left so that
     *                             scrape still shows its completed count (about 80 bytes each,
     *                             without peers); 0 drops it as opentracker does
     */
    public record Config(int shards, int maxPeersPerSwarm, int keepCompletedMinutes) {

        public static final Config DEFAULT = new Config(256, 100_000, 7 * 24 * 60);

        public Config {
            if (shards < 1 || shards > 1 << 16 || Integer.bitCount(shards) != 1) {
                throw new IllegalArgumentException("shards must be a power of two up to 65536: " + shards);
            }
            if (maxPeersPerSwarm < 1) {
                throw new IllegalArgumentException("maxPeersPerSwarm < 1: " + maxPeersPerSwarm);
            }
            if (keepCompletedMinutes < 0) {
                throw new IllegalArgumentException("keepCompletedMinutes < 0: " + keepCompletedMinutes);
            }
        }
    }

    private static final VarHandle LONG_BE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT_BE =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private final Config config;
    private final Shard[] shards;
    private final int shardShift;
    private final long k0;
    private final long k1;
    /** One drain at a time, so that no drain hands out only part of a change set. */
    private final Object visitLock = new Object();

    public SwarmRegistry(Config config) {
        this(config, new SecureRandom().nextLong());
    }

    /** With a fixed seed, hashing and peer sampling repeat from run to run (tests only). */
    SwarmRegistry(Config config, long seed) {
        this.config = Objects.requireNonNull(config, "config");
        SplittableRandom seeds = new SplittableRandom(seed);
        this.k0 = seeds.nextLong();
        this.k1 = seeds.nextLong();
        this.shards = new Shard[config.shards()];
        for (int i = 0; i < shards.length; i++) {
            shards[i] = new Shard(seeds.nextLong());
        }
        this.shardShift = 64 - Integer.numberOfTrailingZeros(config.shards());
    }

    /** Minutes on the JVM's monotonic clock, suitable as {@code nowMinutes}. */
    public static int currentMinute() {
        return (int) (System.nanoTime() / 60_000_000_000L);
    }

    /**
     * Records one announce and writes the peers to hand out.
     *
     * <p>Rules: {@code STOPPED} removes the peer at once and hands out no peers (an unknown swarm
     * is then not created); {@code COMPLETED} adds one to the completed counter unless this peer
     * was already counted or was already seeding; a seeder is not sent seeders; the requester never
     * gets itself back; when the swarm has more candidates than wanted, a random sample.
     *
     * <p>At the cap ({@link Config#maxPeersPerSwarm()}), a peer the swarm does not know yet still
     * gets its counts and peers but is not remembered, so nobody is sent it until a place frees
     * up by a stop or an expiry; peers already known keep re-announcing as usual.
     * {@link RegistryTotals#refusedAtCap()} counts these.
     *
     * @param infoHash  its first 20 bytes are used (BEP 52: a v2 SHA-256 info-hash arrives
     *                  truncated to 20 bytes and is then one more 20-byte key; the servlet maps a
     *                  hybrid torrent's v2 hash to its v1 hash so both share one swarm)
     * @param peer      {@link PeerIdentity#of}
     * @param address   4 bytes (IPv4) or 16 (IPv6; IPv4-mapped addresses count as IPv4)
     * @param port      1–65535
     * @param seeder    {@code left == 0}
     * @param ipv4Peers where IPv4 peers go, at most {@link PeerBuffer#want} of them (BEP 23);
     *                  null for none
     * @param ipv6Peers where IPv6 peers go (BEP 7); null for none. Which families a requester
     *                  gets is the caller's choice
     * @return the swarm's counts after this announce
     */
    public SwarmCounts announce(byte[] infoHash, long peer, byte[] address, int port, boolean seeder,
                                AnnounceEvent event, int nowMinutes, PeerBuffer ipv4Peers,
                                PeerBuffer ipv6Peers) {
        Objects.requireNonNull(event, "event");
        requireInfoHash(infoHash, 0);
        if (address.length != 4 && address.length != 16) {
            throw new IllegalArgumentException("address must be 4 or 16 bytes: " + address.length);
        }
        if (port < 1 || port > 0xFFFF) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (ipv4Peers != null) {
            requireWidth(ipv4Peers, PeerBuffer.IPV4_WIDTH);
            ipv4Peers.clear();
        }
        if (ipv6Peers != null) {
            requireWidth(ipv6Peers, PeerBuffer.IPV6_WIDTH);
            ipv6Peers.clear();
        }
        long h0 = (long) LONG_BE.get(infoHash, 0);
        long h1 = (long) LONG_BE.get(infoHash, 8);
        int h2 = (int) INT_BE.get(infoHash, 16);
        long hash = SipHash.hash(k0, k1, infoHash, 0, 20);
        return shardOf(hash).announce(h0, h1, h2, (int) hash, peer, address, port, seeder, event,
                nowMinutes, config.maxPeersPerSwarm(), ipv4Peers, ipv6Peers);
    }

    /** Counts of one swarm without changing anything; empty when no such swarm is held (BEP 48). */
    public Optional<SwarmCounts> scrape(byte[] infoHash) {
        return scrape(infoHash, 0);
    }

    /** As {@link #scrape(byte[])}, for the 20 bytes at {@code off} (packed hashes, BEP 15). */
    public Optional<SwarmCounts> scrape(byte[] buf, int off) {
        requireInfoHash(buf, off);
        long hash = SipHash.hash(k0, k1, buf, off, 20);
        return Optional.ofNullable(shardOf(hash).scrape(
                (long) LONG_BE.get(buf, off), (long) LONG_BE.get(buf, off + 8),
                (int) INT_BE.get(buf, off + 16), (int) hash));
    }

    /**
     * Removes peers not seen for more than {@code maxAgeMinutes}, compacting and shrinking their
     * lists, then empty swarms (see {@link Config#keepCompletedMinutes()} and
     * {@link #drainChanged}). One shard at a time: announces elsewhere carry on.
     *
     * @param maxAgeMinutes 1 to 16383 (last-seen minutes are stored modulo 2^15)
     * @return peers removed
     */
    public int expire(int nowMinutes, int maxAgeMinutes) {
        if (maxAgeMinutes < 1 || maxAgeMinutes > PeerList.MAX_AGE_MINUTES) {
            throw new IllegalArgumentException("maxAgeMinutes out of range: " + maxAgeMinutes);
        }
        int removed = 0;
        for (Shard shard : shards) {
            removed += shard.expire(nowMinutes, maxAgeMinutes, config.keepCompletedMinutes());
        }
        return removed;
    }

    /** Registry-wide counts, summed from per-shard totals kept up to date by every change. */
    public RegistryTotals totals() {
        long[] sums = new long[6];
        for (Shard shard : shards) {
            shard.addTotals(sums);
        }
        return new RegistryTotals(sums[0], sums[1], sums[2], sums[3], sums[4], sums[5]);
    }

    /**
     * Hands the counts of every swarm whose counts changed since the last drain to {@code sink},
     * and marks them drained: call every 30 s to feed the catalogue and the search index without
     * touching unchanged torrents. An empty swarm is reported once more (with zeros) before expiry
     * drops it, provided a drain runs within {@code maxAgeMinutes} of it emptying.
     *
     * <p>The sink runs outside any lock, shard by shard. Once it has been called the registry
     * considers the entry delivered: a sink that writes to a database should collect, write after
     * this returns, and keep the batch for a retry if the write fails. Drains (and
     * {@link #forEachSwarm}) run one at a time.
     */
    public void drainChanged(SwarmCountsSink sink) {
        visit(sink, true);
    }

    /**
     * Hands the counts of every swarm held, changed or not, to {@code sink} (e.g. to rebuild the
     * search index); changes nothing. {@code completedIncrement} is what the next drain would
     * report.
     */
    public void forEachSwarm(SwarmCountsSink sink) {
        visit(sink, false);
    }

    private void visit(SwarmCountsSink sink, boolean drain) {
        Objects.requireNonNull(sink, "sink");
        CountsBatch batch = new CountsBatch();
        byte[] infoHash = new byte[20];
        synchronized (visitLock) {
            for (Shard shard : shards) {
                shard.collect(batch, drain);
                batch.flushTo(sink, infoHash);
            }
        }
    }

    private Shard shardOf(long hash) {
        // Top bits pick the shard, low bits the slot in it: the two do not correlate.
        return shards.length == 1 ? shards[0] : shards[(int) (hash >>> shardShift)];
    }

    private static void requireInfoHash(byte[] buf, int off) {
        if (off < 0 || buf.length - off < 20) {
            throw new IllegalArgumentException("an info-hash is 20 bytes; got " + (buf.length - off) + " at " + off);
        }
    }

    private static void requireWidth(PeerBuffer buffer, int width) {
        if (buffer.width() != width) {
            throw new IllegalArgumentException("peer buffer of width " + buffer.width() + " where " + width + " is needed");
        }
    }
}
