package org.swarmport.peer.tracker;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.swarmport.peer.discovery.CompactPeers;
import org.swarmport.peer.discovery.PeerAddressException;
import org.swarmport.peer.metainfo.InfoHash;

/**
 * The packets of the UDP tracker protocol (BEP 15, with BEP 41's URL data option): requests
 * written, answers read. Pure functions over bytes; {@link UdpTrackerClient} does the sending,
 * the waiting and the retransmitting. All integers are big-endian.
 */
final class UdpTrackerPacket {

    /** The magic constant that opens a connect request. */
    static final long PROTOCOL_ID = 0x41727101980L;
    static final int ACTION_CONNECT = 0;
    static final int ACTION_ANNOUNCE = 1;
    static final int ACTION_SCRAPE = 2;
    static final int ACTION_ERROR = 3;
    /** BEP 15: "Up to about 74 torrents can be scraped at once." */
    static final int MAX_SCRAPE_HASHES = 74;
    static final int ANNOUNCE_REQUEST_LENGTH = 98;
    /** BEP 41 option types. */
    static final int OPTION_END = 0;
    static final int OPTION_NOP = 1;
    static final int OPTION_URL_DATA = 2;

    /** What a tracker can answer; each carries the transaction id it answers. */
    sealed interface Answer permits Connected, Announced, Scraped, Failed {
        int transactionId();
    }

    record Connected(int transactionId, long connectionId) implements Answer {
    }

    record Announced(int transactionId, AnnounceResponse response) implements Answer {
    }

    record Scraped(int transactionId, List<ScrapeStats> stats) implements Answer {
    }

    /** Action 3: the tracker's error message. */
    record Failed(int transactionId, String message) implements Answer {
    }

    private UdpTrackerPacket() {
    }

    static byte[] connect(int transactionId) {
        return ByteBuffer.allocate(16).putLong(PROTOCOL_ID).putInt(ACTION_CONNECT).putInt(transactionId).array();
    }

    /**
     * An announce, followed by {@code urlData} (the announce URL's path and query, BEP 41) as
     * URL data options of at most 255 bytes each and an end-of-options byte.
     */
    static byte[] announce(long connectionId, int transactionId, AnnounceRequest request, String urlData) {
        byte[] url = urlData.getBytes(StandardCharsets.UTF_8);
        int chunks = (url.length + 254) / 255;
        int options = url.length == 0 ? 0 : url.length + 2 * chunks + 1;
        ByteBuffer packet = ByteBuffer.allocate(ANNOUNCE_REQUEST_LENGTH + options)
                .putLong(connectionId)
                .putInt(ACTION_ANNOUNCE)
                .putInt(transactionId)
                .put(request.wireInfoHash())
                .put(request.peerId())
                .putLong(request.downloaded())
                .putLong(request.left())
                .putLong(request.uploaded())
                .putInt(request.event().udpCode())
                .putInt(0) // IP address: 0, the tracker uses the packet's source
                .putInt(request.key())
                .putInt(request.numWant())
                .putShort((short) request.port());
        for (int at = 0; at < url.length; at += 255) {
            int length = Math.min(255, url.length - at);
            packet.put((byte) OPTION_URL_DATA).put((byte) length).put(url, at, length);
        }
        if (url.length > 0) {
            packet.put((byte) OPTION_END);
        }
        return packet.array();
    }

    static byte[] scrape(long connectionId, int transactionId, List<InfoHash> hashes) {
        if (hashes.isEmpty() || hashes.size() > MAX_SCRAPE_HASHES) {
            throw new IllegalArgumentException("a UDP scrape carries 1.." + MAX_SCRAPE_HASHES + " hashes, not " + hashes.size());
        }
        ByteBuffer packet = ByteBuffer.allocate(16 + 20 * hashes.size())
                .putLong(connectionId).putInt(ACTION_SCRAPE).putInt(transactionId);
        hashes.forEach(hash -> packet.put(hash.truncated()));
        return packet.array();
    }

    /**
     * Reads an answer.
     *
     * @param ipv6Peers whether peers are 18 bytes: BEP 15 sends IPv6 peers to a client that
     *                  reached the tracker over IPv6
     * @throws TrackerException when the packet is shorter than its action needs, its peers are
     *                          not whole, there are more than {@code maxPeers}, or the action
     *                          is unknown
     */
    static Answer read(byte[] data, int length, boolean ipv6Peers, int maxPeers) throws TrackerException {
        if (length < 8) {
            throw TrackerException.failed("UDP tracker answer of " + length + " bytes is shorter than its 8-byte header");
        }
        ByteBuffer packet = ByteBuffer.wrap(data, 0, length);
        int action = packet.getInt();
        int transactionId = packet.getInt();
        switch (action) {
            case ACTION_CONNECT:
                need(length, 16, "connect");
                return new Connected(transactionId, packet.getLong());
            case ACTION_ANNOUNCE:
                need(length, 20, "announce");
                long interval = packet.getInt() & 0xffffffffL;
                long leechers = packet.getInt() & 0xffffffffL;
                long seeders = packet.getInt() & 0xffffffffL;
                if (interval > HttpTrackerResponse.MAX_INTERVAL_SECONDS) {
                    throw TrackerException.failed("UDP tracker interval " + interval + " is beyond "
                            + HttpTrackerResponse.MAX_INTERVAL_SECONDS + " seconds");
                }
                List<InetSocketAddress> peers;
                try {
                    peers = CompactPeers.decode(data, 20, length - 20, ipv6Peers, maxPeers);
                } catch (PeerAddressException e) {
                    throw TrackerException.failed("UDP tracker announce answer: " + e.getMessage());
                }
                return new Announced(transactionId, new AnnounceResponse(Duration.ofSeconds(interval), Duration.ZERO,
                        peers, OptionalInt.of((int) Math.min(Integer.MAX_VALUE, seeders)),
                        OptionalInt.of((int) Math.min(Integer.MAX_VALUE, leechers)), Optional.empty()));
            case ACTION_SCRAPE:
                if ((length - 8) % 12 != 0) {
                    throw TrackerException.failed("UDP tracker scrape answer of " + length
                            + " bytes is not a whole number of 12-byte entries");
                }
                List<ScrapeStats> stats = new ArrayList<>();
                while (packet.remaining() >= 12) {
                    stats.add(new ScrapeStats(count(packet.getInt()), count(packet.getInt()), count(packet.getInt())));
                }
                return new Scraped(transactionId, stats);
            case ACTION_ERROR:
                return new Failed(transactionId, TrackerText.of(data, 8, length - 8));
            default:
                throw TrackerException.failed("UDP tracker answer has unknown action " + action);
        }
    }

    /** The BEP 41 URL data for {@code announce}: its path and query, or nothing for a bare {@code udp://host:port}. */
    static String urlData(URI announce) {
        String path = announce.getRawPath() == null ? "" : announce.getRawPath();
        String query = announce.getRawQuery();
        return query == null ? path : path + "?" + query;
    }

    private static void need(int length, int needed, String action) throws TrackerException {
        if (length < needed) {
            throw TrackerException.failed("UDP tracker " + action + " answer of " + length + " bytes is shorter than "
                    + needed);
        }
    }

    /** Counts are unsigned 32-bit on the wire. */
    private static int count(int wire) {
        return wire < 0 ? Integer.MAX_VALUE : wire;
    }
}
