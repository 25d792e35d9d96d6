package org.swarmport.peer.swarm;

import java.util.Arrays;

/**
 * The pieces still to start, sorted by how many peers have them, in constant time per change.
 *
 * <p>One array holds the pieces, cut into consecutive buckets: bucket {@code k} holds the
 * pieces that {@code k} peers have. A piece whose count goes up by one swaps with the last piece
 * of its bucket and the bucket boundary moves down by one, which puts it first in the next
 * bucket; going down is the mirror image. This is the layout of libtorrent's piece picker
 * ("priority boundaries"), which keeps {@code have} messages O(1) however many pieces there are.
 * Pieces not to pick (had, started, unwanted) sit past the last bucket; moving one in or out
 * walks the boundaries, O(peers).
 */
final class RarityOrder {

    private final int[] order;
    private final int[] position;
    /** Bucket of each piece inside the order, -1 for pieces outside it. */
    private final int[] bucketOf;
    /** bucketEnd[k]: index one past the last piece of bucket k; bucket k starts at bucketEnd[k - 1]. */
    private int[] bucketEnd = new int[8];
    private int buckets = 1;

    RarityOrder(int pieceCount) {
        order = new int[pieceCount];
        position = new int[pieceCount];
        bucketOf = new int[pieceCount];
        for (int piece = 0; piece < pieceCount; piece++) {
            order[piece] = piece;
            position[piece] = piece;
        }
        Arrays.fill(bucketOf, -1);
    }

    boolean contains(int piece) {
        return bucketOf[piece] >= 0;
    }

    /** Pieces in the order. */
    int size() {
        return bucketEnd[buckets - 1];
    }

    int bucketCount() {
        return buckets;
    }

    /** Index of the first piece of bucket {@code k}. */
    int bucketStart(int k) {
        return k == 0 ? 0 : bucketEnd[k - 1];
    }

    /** Index one past the last piece of bucket {@code k}. */
    int bucketEnd(int k) {
        return bucketEnd[k];
    }

    int pieceAt(int index) {
        return order[index];
    }

    /** Puts a piece that is outside the order into bucket {@code rarity}. */
    void include(int piece, int rarity) {
        if (bucketOf[piece] >= 0) {
            throw new IllegalStateException("piece " + piece + " is already in the order");
        }
        ensureBuckets(rarity + 1);
        int top = buckets - 1;
        swap(position[piece], bucketEnd[top]);
        bucketEnd[top]++;
        for (int k = top; k > rarity; k--) {
            swap(position[piece], bucketEnd[k - 1]);
            bucketEnd[k - 1]++;
        }
        bucketOf[piece] = rarity;
    }

    /** Takes a piece out of the order (it is started, had or no longer wanted). */
    void exclude(int piece) {
        int k = bucketOf[piece];
        if (k < 0) {
            throw new IllegalStateException("piece " + piece + " is not in the order");
        }
        for (; k < buckets; k++) {
            swap(position[piece], bucketEnd[k] - 1);
            bucketEnd[k]--;
        }
        bucketOf[piece] = -1;
    }

    /** One more peer has the piece. */
    void raise(int piece) {
        int k = bucketOf[piece];
        if (k < 0) {
            return;
        }
        ensureBuckets(k + 2);
        swap(position[piece], bucketEnd[k] - 1);
        bucketEnd[k]--;
        bucketOf[piece] = k + 1;
    }

    /** One peer fewer has the piece. */
    void lower(int piece) {
        int k = bucketOf[piece];
        if (k <= 0) {
            if (k == 0) {
                throw new IllegalStateException("piece " + piece + " is already in the rarest bucket");
            }
            return;
        }
        swap(position[piece], bucketEnd[k - 1]);
        bucketEnd[k - 1]++;
        bucketOf[piece] = k - 1;
    }

    private void ensureBuckets(int count) {
        if (count <= buckets) {
            return;
        }
        if (count > bucketEnd.length) {
            bucketEnd = Arrays.copyOf(bucketEnd, Math.max(count, bucketEnd.length * 2));
        }
        int end = bucketEnd[buckets - 1];
        for (int k = buckets; k < count; k++) {
            bucketEnd[k] = end;
        }
        buckets = count;
    }

    private void swap(int i, int j) {
        if (i == j) {
            return;
        }
        int a = order[i];
        int b = order[j];
        order[i] = b;
        order[j] = a;
        position[b] = i;
        position[a] = j;
    }
}
