package org.swarmport.tracker.swarm;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The peers of one address family in one swarm, in primitive arrays: no object per peer.
 *
 * <p>Per peer, at position {@code p}:
 * <ul>
 *   <li>{@code ids[p]}: the {@link PeerIdentity} (8 bytes);</li>
 *   <li>{@code endpoints[p * width ...]}: the compact endpoint exactly as it goes on the wire,
 *       address then big-endian port (6 bytes for IPv4, BEP 23; 18 for IPv6, BEP 7), so handing a
 *       peer out is one array copy;</li>
 *   <li>{@code stamps[p]}: last-seen minute modulo 2^15 in the low 15 bits, and in the top bit
 *       whether this peer's completed event was already counted (2 bytes). Ages are computed
 *       modulo 2^15 too, which is right as long as expiry runs at least every 2^15 minutes
 *       minus the max age (11 days at the largest max age allowed);</li>
 *   <li>the seed flag costs nothing: leechers sit in {@code [0, leechers)}, seeders in
 *       {@code [leechers, size)}. That also lets a seeding requester sample leechers only without
 *       skipping anything.</li>
 * </ul>
 * So an IPv4 peer takes 16 bytes of array slot; growth by half keeps slots about 80% used.
 *
 * <p>Finding a peer by identity is a scan while the list is small and, above
 * {@link #INDEX_THRESHOLD} peers, goes through {@code index}: open addressing with linear probing
 * over {@code position + 1} (0 is a free slot), load at most 3/4, deletion by backward shift so no
 * tombstones build up. About 5–11 more bytes per peer; a sorted id array would be smaller but makes
 * every insert move half the list.
 *
 * <p>Not thread-safe: its {@link Swarm}'s shard lock guards it.
 */
final class PeerList {

    /** Up to this many peers a linear scan of {@code ids} is as fast as hashing. */
    static final int INDEX_THRESHOLD = 16;

    private static final int COUNTED = 0x8000;
    private static final int MINUTE_MASK = 0x7FFF;
    /** Ages beyond half the stamp range could not be told from the future. */
    static final int MAX_AGE_MINUTES = MINUTE_MASK / 2;

    private static final int MIN_CAPACITY = 2;

    private final int width;
    private long[] ids;
    private byte[] endpoints;
    private char[] stamps;
    private int[] index;
    private int size;
    private int leechers;

    PeerList(int width) {
        this.width = width;
        this.ids = new long[MIN_CAPACITY];
        this.endpoints = new byte[MIN_CAPACITY * width];
        this.stamps = new char[MIN_CAPACITY];
    }

    int size() {
        return size;
    }

    int leechers() {
        return leechers;
    }

    int seeders() {
        return size - leechers;
    }

    boolean isSeeder(int pos) {
        return pos >= leechers;
    }

    boolean completedCounted(int pos) {
        return (stamps[pos] & COUNTED) != 0;
    }

    /** Position of the peer, or -1. */
    int find(long id) {
        if (index == null) {
            for (int p = 0; p < size; p++) {
                if (ids[p] == id) {
                    return p;
                }
            }
            return -1;
        }
        int slot = indexSlot(id);
        return slot < 0 ? -1 : index[slot] - 1;
    }

    /**
     * Adds a peer that {@link #find} did not find.
     *
     * @return its position
     */
    int add(long id, byte[] address, int port, boolean seeder, boolean counted, int now) {
        ensureCapacity(size + 1);
        int pos;
        if (seeder) {
            pos = size;
        } else {
            // The first seeder makes room at the end of the list for the new leecher.
            if (leechers < size) {
                move(leechers, size);
            }
            pos = leechers++;
        }
        size++;
        ids[pos] = id;
        writeEndpoint(pos, address, port);
        stamps[pos] = stamp(now, counted);
        if (index != null) {
            if (size > index.length - (index.length >> 2)) {
                rebuildIndex();
            } else {
                indexInsert(id, pos);
            }
        } else if (size > INDEX_THRESHOLD) {
            rebuildIndex();
        }
        return pos;
    }

    /**
     * Refreshes a known peer: address and port (a client may change them), seed flag, last seen.
     *
     * @return its position, which changes when the seed flag does
     */
    int update(int pos, byte[] address, int port, boolean seeder, boolean counted, int now) {
        writeEndpoint(pos, address, port);
        stamps[pos] = stamp(now, counted || completedCounted(pos));
        if (seeder && pos < leechers) {
            swap(pos, leechers - 1);
            return --leechers;
        }
        if (!seeder && pos >= leechers) {
            swap(pos, leechers);
            return leechers++;
        }
        return pos;
    }

    void remove(int pos) {
        long id = ids[pos];
        if (index != null) {
            indexRemove(id);
        }
        int last = size - 1;
        if (pos < leechers) {
            // Keep both regions contiguous: the last leecher fills the hole, the last seeder
            // fills the last leecher's place.
            int lastLeecher = leechers - 1;
            move(lastLeecher, pos);
            move(last, lastLeecher);
            leechers--;
        } else {
            move(last, pos);
        }
        size--;
    }

    /**
     * Writes up to {@code out.remaining()} peers chosen at random.
     *
     * <p>Sampling walks the candidate positions from a random start with a random stride coprime
     * with their number: every candidate has exactly the same chance {@code k/n} to be picked,
     * no candidate comes twice, and it costs no allocation. (Positions next to each other in
     * the walk come together more often than under a true uniform sample; with a fresh stride
     * each time that evens out.)
     *
     * @param leechersOnly a seeder is not sent other seeders
     * @param self         the requester's own position, never handed out; -1 if not in this list
     */
    void sample(PeerBuffer out, boolean leechersOnly, int self, SplittableRandom random) {
        int candidates = leechersOnly ? leechers : size;
        boolean skipSelf = self >= 0 && self < candidates;
        int n = skipSelf ? candidates - 1 : candidates;
        int k = Math.min(out.remaining(), n);
        if (k <= 0) {
            return;
        }
        int v = random.nextInt(n);
        int stride = k == n ? 1 : coprimeStride(n, random);
        for (int i = 0; i < k; i++) {
            // Virtual positions [0, n) skip over self without a branch in the walk itself.
            int pos = skipSelf && v >= self ? v + 1 : v;
            out.put(endpoints, pos * width);
            v += stride;
            if (v >= n) {
                v -= n;
            }
        }
    }

    /**
     * Removes peers not seen for more than {@code maxAge} minutes, keeping the order of the
     * others, and gives back memory when the list has shrunk to a quarter of its capacity.
     *
     * @return peers removed
     */
    int expire(int now, int maxAge) {
        int kept = 0;
        int keptLeechers = 0;
        for (int p = 0; p < size; p++) {
            if (((now - (stamps[p] & MINUTE_MASK)) & MINUTE_MASK) > maxAge) {
                continue;
            }
            if (p < leechers) {
                keptLeechers++;
            }
            if (kept != p) {
                ids[kept] = ids[p];
                System.arraycopy(endpoints, p * width, endpoints, kept * width, width);
                stamps[kept] = stamps[p];
            }
            kept++;
        }
        int removed = size - kept;
        if (removed == 0) {
            return 0;
        }
        size = kept;
        leechers = keptLeechers;
        if (ids.length > 8 && size < ids.length / 4) {
            resize(Math.max(MIN_CAPACITY, size + (size >> 1)));
        }
        if (size > INDEX_THRESHOLD) {
            rebuildIndex();
        } else {
            index = null;
        }
        return removed;
    }

    /** Heap held by the arrays, for tests that check memory stays bounded. */
    long arrayBytes() {
        return 16L * 3 + 8L * ids.length + endpoints.length + 2L * stamps.length
                + (index == null ? 0 : 16 + 4L * index.length);
    }

    private static char stamp(int now, boolean counted) {
        return (char) ((now & MINUTE_MASK) | (counted ? COUNTED : 0));
    }

    private void writeEndpoint(int pos, byte[] address, int port) {
        int off = pos * width;
        // Taking the last 4 bytes also stores an IPv4-mapped IPv6 address (::ffff:a.b.c.d) as IPv4.
        System.arraycopy(address, address.length - (width - 2), endpoints, off, width - 2);
        endpoints[off + width - 2] = (byte) (port >>> 8);
        endpoints[off + width - 1] = (byte) port;
    }

    private void ensureCapacity(int needed) {
        if (needed > ids.length) {
            resize(Math.max(needed, ids.length + (ids.length >> 1)));
        }
    }

    private void resize(int capacity) {
        ids = Arrays.copyOf(ids, capacity);
        endpoints = Arrays.copyOf(endpoints, capacity * width);
        stamps = Arrays.copyOf(stamps, capacity);
    }

    /** Moves the peer at {@code from} to the free position {@code to}. */
    private void move(int from, int to) {
        if (from == to) {
            return;
        }
        if (index != null) {
            index[indexSlot(ids[from])] = to + 1;
        }
        ids[to] = ids[from];
        System.arraycopy(endpoints, from * width, endpoints, to * width, width);
        stamps[to] = stamps[from];
    }

    private void swap(int a, int b) {
        if (a == b) {
            return;
        }
        if (index != null) {
            int slotA = indexSlot(ids[a]);
            int slotB = indexSlot(ids[b]);
            index[slotA] = b + 1;
            index[slotB] = a + 1;
        }
        long id = ids[a];
        ids[a] = ids[b];
        ids[b] = id;
        int offA = a * width;
        int offB = b * width;
        for (int i = 0; i < width; i++) {
            byte t = endpoints[offA + i];
            endpoints[offA + i] = endpoints[offB + i];
            endpoints[offB + i] = t;
        }
        char s = stamps[a];
        stamps[a] = stamps[b];
        stamps[b] = s;
    }

    private static int coprimeStride(int n, SplittableRandom random) {
        // n/phi(n) tries are expected, under 5 for any n below 10^9; the cap only guards the loop.
        for (int tries = 0; tries < 32; tries++) {
            int stride = 1 + random.nextInt(n - 1);
            if (gcd(stride, n) == 1) {
                return stride;
            }
        }
        return 1;
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    // ---- index: open addressing over position + 1 ----

    private static int home(long id, int mask) {
        // Identities are already keyed hashes; the multiply only spreads ids that are not
        // (tests, or a caller that passes raw numbers).
        int h = (int) (id ^ (id >>> 32)) * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }

    /** Slot holding {@code id}, or -1. */
    private int indexSlot(long id) {
        int mask = index.length - 1;
        for (int s = home(id, mask); ; s = (s + 1) & mask) {
            int v = index[s];
            if (v == 0) {
                return -1;
            }
            if (ids[v - 1] == id) {
                return s;
            }
        }
    }

    /** Files a peer that has no slot yet. */
    private void indexInsert(long id, int pos) {
        int mask = index.length - 1;
        int s = home(id, mask);
        while (index[s] != 0) {
            s = (s + 1) & mask;
        }
        index[s] = pos + 1;
    }

    private void indexRemove(long id) {
        int mask = index.length - 1;
        int hole = indexSlot(id);
        for (int s = (hole + 1) & mask; ; s = (s + 1) & mask) {
            int v = index[s];
            if (v == 0) {
                break;
            }
            int h = home(ids[v - 1], mask);
            // The entry may move back into the hole unless its home lies cyclically in (hole, s].
            boolean homeBetween = hole <= s ? (h > hole && h <= s) : (h > hole || h <= s);
            if (!homeBetween) {
                index[hole] = v;
                hole = s;
            }
        }
        index[hole] = 0;
    }

    private void rebuildIndex() {
        int length = 2 * INDEX_THRESHOLD;
        while (size > length - (length >> 2)) {
            length <<= 1;
        }
        index = new int[length];
        for (int p = 0; p < size; p++) {
            indexInsert(ids[p], p);
        }
    }
}
