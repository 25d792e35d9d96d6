package org.swarmport.peer.swarm;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The pieces a peer may request from us while we choke it (BEP 6 "Allowed Fast"), computed with
 * the BEP's canonical algorithm so that the set a peer gets does not change when it reconnects
 * or opens several connections from one network.
 *
 * <p>The peer's IPv4 address is masked to its /24, the info-hash appended, and the result hashed
 * with SHA-1 again and again; each 20-byte hash gives five big-endian 32-bit numbers, each taken
 * modulo the piece count, until {@code k} distinct pieces are found. BEP 6 defines only IPv4; for
 * IPv6 we take the /48 prefix, the block a single site is usually given, so that one site
 * still gets one set.
 */
public final class AllowedFastSet {

    /** BEP 6 suggests 10 pieces. */
    public static final int DEFAULT_SIZE = 10;

    private final List<Integer> pieces;

    private AllowedFastSet(List<Integer> pieces) {
        this.pieces = Collections.unmodifiableList(pieces);
    }

    /**
     * The first {@code k} allowed-fast pieces for {@code peer} in a torrent of {@code pieceCount}
     * pieces with the 20-byte {@code infoHash} (v1, or v2 truncated as in the handshake). When
     * the torrent has no more than {@code k} pieces, every piece is allowed.
     */
    public static AllowedFastSet of(InetAddress peer, byte[] infoHash, int pieceCount, int k) {
        if (infoHash.length != 20) {
            throw new IllegalArgumentException("info-hash of " + infoHash.length + " bytes, the handshake's is 20");
        }
        if (pieceCount < 1 || k < 0) {
            throw new IllegalArgumentException(k + " allowed-fast pieces of " + pieceCount);
        }
        int size = Math.min(k, pieceCount);
        byte[] prefix = networkPrefix(peer);
        byte[] x = new byte[prefix.length + infoHash.length];
        System.arraycopy(prefix, 0, x, 0, prefix.length);
        System.arraycopy(infoHash, 0, x, prefix.length, infoHash.length);
        MessageDigest sha1 = sha1();
        List<Integer> set = new ArrayList<>(size);
        while (set.size() < size) {
            x = sha1.digest(x);
            for (int i = 0; i < 5 && set.size() < size; i++) {
                int j = i * 4;
                long y = ((x[j] & 0xffL) << 24) | ((x[j + 1] & 0xffL) << 16) | ((x[j + 2] & 0xffL) << 8) | (x[j + 3] & 0xffL);
                int index = (int) (y % pieceCount);
                if (!set.contains(index)) {
                    set.add(index);
                }
            }
        }
        return new AllowedFastSet(set);
    }

    /** The pieces in the order the algorithm found them: the order to send {@code allowed fast} messages in. */
    public List<Integer> pieces() {
        return pieces;
    }

    public boolean contains(int piece) {
        return pieces.contains(piece);
    }

    private static byte[] networkPrefix(InetAddress peer) {
        byte[] address = peer.getAddress();
        if (peer instanceof Inet4Address) {
            address[3] = 0;
            return address;
        }
        if (peer instanceof Inet6Address) {
            byte[] prefix = new byte[16];
            System.arraycopy(address, 0, prefix, 0, 6);
            return prefix;
        }
        throw new IllegalArgumentException("not an IP address: " + peer);
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-1 (MessageDigest's documentation).
            throw new IllegalStateException("SHA-1 missing from this JDK", e);
        }
    }

    @Override
    public String toString() {
        return "AllowedFastSet" + pieces;
    }
}
