package org.swarmport.tracker.swarm;

/**
 * Where an announce writes the peers it hands out, as compact bytes ready for the response:
 * 6 bytes per IPv4 peer (4-byte address, 2-byte port, big-endian: BEP 23 {@code peers}) or
 * 18 bytes per IPv6 peer (BEP 7 {@code peers6}).
 *
 * <p>One buffer per request thread can be reused for every announce: the registry writes no
 * object per peer, the servlet writes {@code bytes()[0, length())} straight into its response.
 * For the dictionary model ({@code compact=0}) the servlet decodes each entry itself; there are
 * no peer ids to add (see {@link PeerIdentity}).
 */
public final class PeerBuffer {

    public static final int IPV4_WIDTH = 6;
    public static final int IPV6_WIDTH = 18;

    private final int width;
    private final byte[] bytes;
    private int want;
    private int count;

    private PeerBuffer(int width, int maxPeers) {
        if (maxPeers < 0) {
            throw new IllegalArgumentException("maxPeers < 0: " + maxPeers);
        }
        this.width = width;
        this.bytes = new byte[width * maxPeers];
        this.want = maxPeers;
    }

    /** A buffer for IPv4 peers that never holds more than {@code maxPeers} (the numwant cap). */
    public static PeerBuffer ipv4(int maxPeers) {
        return new PeerBuffer(IPV4_WIDTH, maxPeers);
    }

    /** A buffer for IPv6 peers that never holds more than {@code maxPeers} (the numwant cap). */
    public static PeerBuffer ipv6(int maxPeers) {
        return new PeerBuffer(IPV6_WIDTH, maxPeers);
    }

    /**
     * How many peers the next announce may write: {@code numWant} clamped to [0, maxPeers].
     * Stays in force until changed.
     */
    public PeerBuffer want(int numWant) {
        want = Math.max(0, Math.min(numWant, bytes.length / width));
        count = 0;
        return this;
    }

    /** Bytes per peer: {@link #IPV4_WIDTH} or {@link #IPV6_WIDTH}. */
    public int width() {
        return width;
    }

    /** Peers written by the last announce. */
    public int count() {
        return count;
    }

    /** Length of the compact peer string: {@code count() * width()}. */
    public int length() {
        return count * width;
    }

    /** The compact peers are in {@code [0, length())}; the rest is stale. */
    public byte[] bytes() {
        return bytes;
    }

    int remaining() {
        return want - count;
    }

    void clear() {
        count = 0;
    }

    void put(byte[] endpoints, int off) {
        System.arraycopy(endpoints, off, bytes, count * width, width);
        count++;
    }
}
