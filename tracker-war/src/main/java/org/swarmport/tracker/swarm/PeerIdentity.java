package org.swarmport.tracker.swarm;

import java.security.SecureRandom;

/**
 * The 64-bit value by which a swarm recognises a peer on its next announce.
 *
 * <p>Why a hash and not the peer id: a swarm stores nothing per peer but primitive arrays, and the
 * 20-byte {@code peer_id} alone would take a third of the 64-byte-per-peer budget. A keyed 64-bit
 * hash of {@code peer_id} (and of {@code key} when the client sends one) is enough to tell peers
 * apart: with 100,000 peers in one swarm the chance of any two colliding is about 3 in 10^10, and
 * the key, chosen at random per process, keeps anyone from crafting collisions or from flooding a
 * swarm's index.
 *
 * <p>What follows: the tracker cannot give back peer ids, so the dictionary model
 * ({@code compact=0}) answers with {@code ip} and {@code port} only, as if {@code no_peer_id=1}
 * had been sent — which is what opentracker does too. A client that sends {@code key} on one
 * announce and not on the next looks like a new peer until the old entry expires.
 *
 * <p>Values are only meaningful inside one process: never store them.
 */
public final class PeerIdentity {

    private static final long K0;
    private static final long K1;

    static {
        SecureRandom random = new SecureRandom();
        K0 = random.nextLong();
        K1 = random.nextLong();
    }

    private PeerIdentity() {
    }

    /**
     * @param peerId the {@code peer_id} (20 bytes from well-behaved clients; any length is hashed)
     * @param key    the {@code key} parameter, or {@code null} when absent
     */
    public static long of(byte[] peerId, byte[] key) {
        return key == null
                ? of(peerId, 0, peerId.length, null, 0, 0)
                : of(peerId, 0, peerId.length, key, 0, key.length);
    }

    /** As {@link #of(byte[], byte[])}, reading from inside larger buffers (e.g. a BEP 15 packet). */
    public static long of(byte[] peerId, int peerIdOff, int peerIdLen, byte[] key, int keyOff, int keyLen) {
        long h = SipHash.hash(K0, K1, peerId, peerIdOff, peerIdLen);
        if (key == null) {
            return h;
        }
        // Chaining keeps the pair unambiguous (the first hash keys the second) without copying
        // peer_id and key into one buffer.
        return SipHash.hash(K0 ^ h, K1, key, keyOff, keyLen);
    }
}
