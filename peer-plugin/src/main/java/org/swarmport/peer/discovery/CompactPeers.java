package org.swarmport.peer.discovery;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The compact peer format: 4 address bytes and a big-endian port for IPv4 (BEP 23), 16 and a
 * port for IPv6 (BEP 7). Trackers (HTTP {@code peers}/{@code peers6}, UDP announce answers) and
 * PEX ({@code added}, {@code added6}, ...) all use it. Pure functions over bytes.
 */
public final class CompactPeers {

    /** Bytes per IPv4 peer: address and port (BEP 23). */
    public static final int IPV4_LENGTH = 6;
    /** Bytes per IPv6 peer: address and port (BEP 7). */
    public static final int IPV6_LENGTH = 18;

    private CompactPeers() {
    }

    /**
     * Decodes {@code length} bytes from {@code offset}: IPv4 when {@code ipv6} is false. Peers
     * with port 0 are skipped: nobody can connect to them.
     *
     * @throws PeerAddressException when the length is not a whole number of peers, or more than
     *                              {@code maxPeers}
     */
    public static List<InetSocketAddress> decode(byte[] data, int offset, int length, boolean ipv6, int maxPeers)
            throws PeerAddressException {
        int entry = ipv6 ? IPV6_LENGTH : IPV4_LENGTH;
        if (length % entry != 0) {
            throw new PeerAddressException(length + " bytes are not a whole number of " + entry + "-byte "
                    + (ipv6 ? "IPv6" : "IPv4") + " peers");
        }
        int count = length / entry;
        if (count > maxPeers) {
            throw new PeerAddressException(count + " peers, more than the limit of " + maxPeers);
        }
        List<InetSocketAddress> peers = new ArrayList<>(count);
        int addressLength = entry - 2;
        for (int at = offset; at < offset + length; at += entry) {
            byte[] address = new byte[addressLength];
            System.arraycopy(data, at, address, 0, addressLength);
            int port = (data[at + addressLength] & 0xff) << 8 | data[at + addressLength + 1] & 0xff;
            if (port != 0) {
                peers.add(new InetSocketAddress(address(address), port));
            }
        }
        return peers;
    }

    public static List<InetSocketAddress> decode(byte[] data, boolean ipv6, int maxPeers) throws PeerAddressException {
        return decode(data, 0, data.length, ipv6, maxPeers);
    }

    /** The compact form of the peers of one family ({@code ipv6} or not); others and unresolved ones are left out. */
    public static byte[] encode(List<InetSocketAddress> peers, boolean ipv6) {
        int entry = ipv6 ? IPV6_LENGTH : IPV4_LENGTH;
        List<InetSocketAddress> family = ofFamily(peers, ipv6);
        byte[] out = new byte[family.size() * entry];
        int at = 0;
        for (InetSocketAddress peer : family) {
            byte[] address = peer.getAddress().getAddress();
            System.arraycopy(address, 0, out, at, address.length);
            out[at + address.length] = (byte) (peer.getPort() >> 8);
            out[at + address.length + 1] = (byte) peer.getPort();
            at += entry;
        }
        return out;
    }

    /** The resolved peers of one family, in order. IPv4-mapped IPv6 addresses count as IPv4, as the JDK reads them. */
    public static List<InetSocketAddress> ofFamily(List<InetSocketAddress> peers, boolean ipv6) {
        List<InetSocketAddress> family = new ArrayList<>();
        for (InetSocketAddress peer : peers) {
            InetAddress address = peer.getAddress();
            if (address != null && !peer.isUnresolved()
                    && (ipv6 ? address instanceof Inet6Address : address instanceof Inet4Address)) {
                family.add(peer);
            }
        }
        return family;
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a 4- or 16-byte address is always valid", e);
        }
    }
}
