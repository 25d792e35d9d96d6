package org.swarmport.peer.pex;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import org.swarmport.peer.bencode.BDecoder;
import org.swarmport.peer.bencode.BDictionary;
import org.swarmport.peer.bencode.BEncoder;
import org.swarmport.peer.bencode.BString;
import org.swarmport.peer.bencode.BValue;
import org.swarmport.peer.bencode.BencodeException;
import org.swarmport.peer.bencode.BencodeLimits;
import org.swarmport.peer.discovery.CompactPeers;
import org.swarmport.peer.discovery.PeerAddressException;

/**
 * One {@code ut_pex} message (BEP 11): peers connected since the last message ({@code added},
 * {@code added6} with their {@code .f} flags) and peers gone ({@code dropped},
 * {@code dropped6}), all in the compact format (BEP 23, BEP 7). IPv4 and IPv6 peers are kept
 * together here and split by family on the wire. Pure functions over bytes; the engine does
 * the BEP 10 framing.
 */
public record PexMessage(List<PexPeer> added, List<InetSocketAddress> dropped) {

    /** Most peers {@link PexState} puts in {@code added} (and in {@code dropped}) of one message. */
    public static final int MAX_ADDED = 50;
    /**
     * Most peers accepted in any one field of a received message: twice what a well-behaved
     * peer sends, like libtorrent's receive limit; more is flooding.
     */
    public static final int MAX_RECEIVED_PER_FIELD = 100;
    /** Four compact strings of at most 100 IPv6 peers and two flag strings fit easily. */
    private static final BencodeLimits LIMITS = BencodeLimits.of(16 * 1024, 1, MAX_RECEIVED_PER_FIELD * 18, 16);

    public PexMessage {
        added = List.copyOf(added);
        dropped = List.copyOf(dropped);
    }

    /**
     * Reads a message; keys other than the six of BEP 11 are ignored.
     *
     * @throws PexException when it is not a bencoded dictionary within the limits, a field is
     *                      not a string, a compact string is not a whole number of peers, a
     *                      field holds more than {@link #MAX_RECEIVED_PER_FIELD} peers, or a
     *                      flags string does not have one byte per added peer
     */
    public static PexMessage parse(byte[] payload, int offset, int length) throws PexException {
        BValue value;
        try {
            value = BDecoder.decode(payload, offset, length, LIMITS);
        } catch (BencodeException e) {
            throw new PexException("not a bencoded message: " + e.getMessage(), e);
        }
        if (value.type() != BValue.Type.DICTIONARY) {
            throw new PexException("message is " + value.type().withArticle() + ", expected a dictionary");
        }
        BDictionary message = (BDictionary) value;
        List<PexPeer> added = new ArrayList<>();
        added(message, "added", false, added);
        added(message, "added6", true, added);
        List<InetSocketAddress> dropped = new ArrayList<>();
        dropped.addAll(peers(message, "dropped", false));
        dropped.addAll(peers(message, "dropped6", true));
        return new PexMessage(added, dropped);
    }

    public static PexMessage parse(byte[] payload) throws PexException {
        return parse(payload, 0, payload.length);
    }

    /** The bencoded payload; empty fields are left out. */
    public byte[] encode() {
        List<PexPeer> added4 = new ArrayList<>();
        List<PexPeer> added6 = new ArrayList<>();
        for (PexPeer peer : added) {
            InetAddress address = peer.address().getAddress(); // null when unresolved: not advertised
            if (address instanceof Inet6Address) {
                added6.add(peer);
            } else if (address instanceof Inet4Address) {
                added4.add(peer);
            }
        }
        // Keys in raw byte order (BEP 3): added, added.f, added6, added6.f, dropped, dropped6.
        BEncoder out = new BEncoder(64 + 19 * (added.size() + dropped.size())).beginDictionary();
        writeAdded(out, "added", added4, false);
        writeAdded(out, "added6", added6, true);
        writePeers(out, "dropped", CompactPeers.encode(dropped, false));
        writePeers(out, "dropped6", CompactPeers.encode(dropped, true));
        return out.end().toByteArray();
    }

    private static void writeAdded(BEncoder out, String key, List<PexPeer> peers, boolean ipv6) {
        if (peers.isEmpty()) {
            return;
        }
        List<InetSocketAddress> addresses = new ArrayList<>(peers.size());
        byte[] flags = new byte[peers.size()];
        for (int i = 0; i < peers.size(); i++) {
            addresses.add(peers.get(i).address());
            flags[i] = (byte) peers.get(i).flags();
        }
        out.string(key).string(CompactPeers.encode(addresses, ipv6));
        out.string(key + ".f").string(flags);
    }

    private static void writePeers(BEncoder out, String key, byte[] compact) {
        if (compact.length > 0) {
            out.string(key).string(compact);
        }
    }

    private static void added(BDictionary message, String key, boolean ipv6, List<PexPeer> into) throws PexException {
        byte[] compact = bytes(message, key);
        if (compact == null) {
            return;
        }
        decode(compact, 0, compact.length, ipv6, key);
        int entry = ipv6 ? CompactPeers.IPV6_LENGTH : CompactPeers.IPV4_LENGTH;
        int count = compact.length / entry;
        byte[] flags = bytes(message, key + ".f");
        if (flags != null && flags.length != count) {
            throw new PexException(key + ".f has " + flags.length + " flags for " + count + " peers");
        }
        // Entry by entry, so that each peer keeps its own flags even where a port-0 entry is skipped.
        for (int i = 0; i < count; i++) {
            List<InetSocketAddress> one = decode(compact, i * entry, entry, ipv6, key);
            if (!one.isEmpty()) {
                into.add(new PexPeer(one.get(0), flags == null ? 0 : flags[i] & 0xff));
            }
        }
    }

    private static List<InetSocketAddress> peers(BDictionary message, String key, boolean ipv6) throws PexException {
        byte[] compact = bytes(message, key);
        return compact == null ? List.of() : decode(compact, 0, compact.length, ipv6, key);
    }

    private static List<InetSocketAddress> decode(byte[] compact, int offset, int length, boolean ipv6, String key)
            throws PexException {
        try {
            return CompactPeers.decode(compact, offset, length, ipv6, MAX_RECEIVED_PER_FIELD);
        } catch (PeerAddressException e) {
            throw new PexException(key + ": " + e.getMessage());
        }
    }

    private static byte[] bytes(BDictionary message, String key) throws PexException {
        BValue value = message.get(key);
        if (value == null) {
            return null;
        }
        if (value.type() != BValue.Type.STRING) {
            throw new PexException(key + " is " + value.type().withArticle() + ", expected a string");
        }
        return ((BString) value).bytes();
    }
}
