package org.swarmport.tracker.announce;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import org.swarmport.peer.bencode.BEncoder;
import org.swarmport.tracker.swarm.PeerBuffer;
import org.swarmport.tracker.swarm.SwarmCounts;

/**
 * The bencoded answer to an announce (BEP 3), written straight from the registry's peer
 * buffers. Keys are pre-encoded and written in the sorted order BEP 3 requires.
 */
public final class AnnounceResponse {

    private static final byte[] COMPLETE = ascii("complete");
    private static final byte[] DOWNLOADED = ascii("downloaded");
    private static final byte[] INCOMPLETE = ascii("incomplete");
    private static final byte[] INTERVAL = ascii("interval");
    private static final byte[] MIN_INTERVAL = ascii("min interval");
    private static final byte[] PEERS = ascii("peers");
    private static final byte[] PEERS6 = ascii("peers6");
    private static final byte[] IP = ascii("ip");
    private static final byte[] PORT = ascii("port");
    private static final byte[] FAILURE_REASON = ascii("failure reason");

    private AnnounceResponse() {
    }

    /**
     * {@code complete}, {@code downloaded}, {@code incomplete}, {@code interval},
     * {@code min interval}, then the peers: compact, IPv4 in {@code peers} (BEP 23) and IPv6
     * in {@code peers6} (BEP 7); or, when the client asked for {@code compact=0}, one
     * {@code peers} list of {@code ip}/{@code port} dictionaries for both families. Peer ids
     * are not stored, so the dictionary model has none, as in opentracker.
     */
    public static void write(BEncoder out, SwarmCounts counts, int interval, int minInterval,
            PeerBuffer ipv4, PeerBuffer ipv6, boolean compact) {
        out.beginDictionary()
                .string(COMPLETE).integer(counts.seeders())
                .string(DOWNLOADED).integer(counts.completed())
                .string(INCOMPLETE).integer(counts.leechers())
                .string(INTERVAL).integer(interval)
                .string(MIN_INTERVAL).integer(minInterval);
        if (compact) {
            out.string(PEERS).string(ipv4.bytes(), 0, ipv4.length());
            if (ipv6.count() > 0) {
                out.string(PEERS6).string(ipv6.bytes(), 0, ipv6.length());
            }
        } else {
            out.string(PEERS).beginList();
            writeDictionaries(out, ipv4);
            writeDictionaries(out, ipv6);
            out.end();
        }
        out.end();
    }

    public static byte[] failure(String reason) {
        return new BEncoder(32 + reason.length()).beginDictionary()
                .string(FAILURE_REASON).string(reason)
                .end().toByteArray();
    }

    private static void writeDictionaries(BEncoder out, PeerBuffer peers) {
        byte[] bytes = peers.bytes();
        int addressLength = peers.width() - 2;
        for (int at = 0; at < peers.length(); at += peers.width()) {
            int port = (bytes[at + addressLength] & 0xff) << 8 | bytes[at + addressLength + 1] & 0xff;
            out.beginDictionary()
                    .string(IP).string(addressText(bytes, at, addressLength))
                    .string(PORT).integer(port)
                    .end();
        }
    }

    private static String addressText(byte[] bytes, int at, int length) {
        byte[] address = java.util.Arrays.copyOfRange(bytes, at, at + length);
        try {
            // From raw bytes: a literal, never a name lookup.
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("peer address of " + length + " bytes", e);
        }
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
