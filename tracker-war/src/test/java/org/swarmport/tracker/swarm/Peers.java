package org.swarmport.tracker.swarm;

import java.util.HashSet;
import java.util.Set;

/** Test data: info-hashes, addresses, and decoding of compact peer strings. */
final class Peers {

    private Peers() {
    }

    static byte[] infoHash(int n) {
        byte[] h = new byte[20];
        for (int i = 0; i < 20; i++) {
            h[i] = (byte) (n * 31 + i * 7);
        }
        h[0] = (byte) (n >>> 24);
        h[1] = (byte) (n >>> 16);
        h[2] = (byte) (n >>> 8);
        h[3] = (byte) n;
        return h;
    }

    /** 10.x.y.z for peer n. */
    static byte[] ipv4(int n) {
        return new byte[] {10, (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
    }

    /** 2001:db8::n for peer n. */
    static byte[] ipv6(int n) {
        byte[] a = new byte[16];
        a[0] = 0x20;
        a[1] = 0x01;
        a[2] = 0x0d;
        a[3] = (byte) 0xb8;
        a[12] = (byte) (n >>> 24);
        a[13] = (byte) (n >>> 16);
        a[14] = (byte) (n >>> 8);
        a[15] = (byte) n;
        return a;
    }

    /** The peer numbers behind a compact IPv4 string built from {@link #ipv4}. */
    static Set<Integer> ipv4Numbers(PeerBuffer buf) {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < buf.count(); i++) {
            int off = i * 6;
            byte[] b = buf.bytes();
            int n = ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
            if (!seen.add(n)) {
                throw new AssertionError("peer " + n + " handed out twice in one answer");
            }
        }
        return seen;
    }

    /** The peer numbers behind a compact IPv6 string built from {@link #ipv6}. */
    static Set<Integer> ipv6Numbers(PeerBuffer buf) {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < buf.count(); i++) {
            int off = i * 18;
            byte[] b = buf.bytes();
            int n = ((b[off + 12] & 0xFF) << 24) | ((b[off + 13] & 0xFF) << 16)
                    | ((b[off + 14] & 0xFF) << 8) | (b[off + 15] & 0xFF);
            if (!seen.add(n)) {
                throw new AssertionError("peer " + n + " handed out twice in one answer");
            }
        }
        return seen;
    }
}
