package org.swarmport.tracker.udp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes BEP 15 answers into a buffer the caller owns and reuses: each method writes at the
 * buffer's position, advances it, and returns the number of bytes written. Nothing is
 * allocated per packet. The buffer's byte order is set to big-endian (BEP 15).
 *
 * <p>Every method checks the room it needs before writing and throws
 * {@link IllegalArgumentException} without writing anything when there is not enough — a bug
 * in the caller, since the sizes are fixed and small. The one variable-size answer, announce,
 * instead drops peers until it fits.
 */
public final class UdpResponse {

    /**
     * The largest datagram that crosses any IPv6 path without fragmentation: minimum MTU 1,280
     * minus 40 (IPv6 header) minus 8 (UDP header) is 1,232; 1,220 leaves room for an extension
     * header. Used for IPv4 as well: it gives 200 IPv4 peers (the numwant cap) or 66 IPv6 peers.
     */
    public static final int IPV6_SAFE_DATAGRAM_BYTES = 1220;

    public static final int CONNECT_LENGTH = 16;
    public static final int ANNOUNCE_HEADER_LENGTH = 20;
    public static final int SCRAPE_HEADER_LENGTH = 8;
    public static final int SCRAPE_ENTRY_LENGTH = 12;
    public static final int ERROR_HEADER_LENGTH = 8;

    /**
     * Longest error message sent; longer ones are cut. Room for the longest the tracker has,
     * the access mode's refusal of an unregistered torrent (72 characters), shared with HTTP.
     * Errors go only to senders whose connection id checked out, so their size amplifies
     * nothing.
     */
    public static final int MAX_ERROR_MESSAGE = 100;

    public static final int IPV4_PEER_WIDTH = 6;
    public static final int IPV6_PEER_WIDTH = 18;

    private UdpResponse() {
    }

    /** Connect answer: action 0, transaction_id, connection_id (16 bytes). */
    public static int connect(ByteBuffer out, int transactionId, long connectionId) {
        require(out, CONNECT_LENGTH);
        ByteBuffer be = bigEndian(out);
        be.putInt(UdpRequest.ACTION_CONNECT).putInt(transactionId).putLong(connectionId);
        return CONNECT_LENGTH;
    }

    /**
     * Announce answer: action 1, transaction_id, interval, leechers, seeders, then compact
     * peers. BEP 15: IPv4 peers (6 bytes) answer a request that came over IPv4, IPv6 peers
     * (18 bytes) one that came over IPv6 — the caller picks the list by its socket.
     *
     * <p>Peers are written from the front of {@code peers[offset, offset + length)} while the
     * datagram stays within {@code min(maxDatagramBytes, out.remaining())}; the rest are left
     * out, so an answer never exceeds the cap.
     *
     * @param peerWidth {@link #IPV4_PEER_WIDTH} or {@link #IPV6_PEER_WIDTH}
     * @param length bytes of compact peers, a multiple of {@code peerWidth}
     * @return bytes written; {@code (written - 20) / peerWidth} peers
     */
    public static int announce(ByteBuffer out, int transactionId, int interval, int leechers, int seeders,
            byte[] peers, int offset, int length, int peerWidth, int maxDatagramBytes) {
        if (peerWidth != IPV4_PEER_WIDTH && peerWidth != IPV6_PEER_WIDTH) {
            throw new IllegalArgumentException("peer width " + peerWidth);
        }
        if (length % peerWidth != 0 || offset < 0 || length < 0 || offset > peers.length - length) {
            throw new IllegalArgumentException("peers [" + offset + ", +" + length + ") of " + peers.length);
        }
        int limit = Math.min(maxDatagramBytes, out.remaining());
        require(out, ANNOUNCE_HEADER_LENGTH);
        if (maxDatagramBytes < ANNOUNCE_HEADER_LENGTH) {
            throw new IllegalArgumentException("maxDatagramBytes " + maxDatagramBytes);
        }
        int peerCount = Math.min(length / peerWidth, (limit - ANNOUNCE_HEADER_LENGTH) / peerWidth);
        ByteBuffer be = bigEndian(out);
        be.putInt(UdpRequest.ACTION_ANNOUNCE).putInt(transactionId)
                .putInt(interval).putInt(leechers).putInt(seeders)
                .put(peers, offset, peerCount * peerWidth);
        return ANNOUNCE_HEADER_LENGTH + peerCount * peerWidth;
    }

    /** Scrape answer header: action 2, transaction_id; follow with one entry per hash. */
    public static int scrapeHeader(ByteBuffer out, int transactionId) {
        require(out, SCRAPE_HEADER_LENGTH);
        bigEndian(out).putInt(UdpRequest.ACTION_SCRAPE).putInt(transactionId);
        return SCRAPE_HEADER_LENGTH;
    }

    /**
     * One scrape entry, in the request's hash order. BEP 15's order on the wire is seeders,
     * completed, leechers — not the announce answer's leechers-then-seeders.
     */
    public static int scrapeEntry(ByteBuffer out, int seeders, int completed, int leechers) {
        require(out, SCRAPE_ENTRY_LENGTH);
        bigEndian(out).putInt(seeders).putInt(completed).putInt(leechers);
        return SCRAPE_ENTRY_LENGTH;
    }

    /**
     * Error answer: action 3, transaction_id, message. The message is sent as ASCII without a
     * terminator (BEP 15: the rest of the packet), control and non-ASCII characters replaced by
     * {@code '?'}, cut to {@link #MAX_ERROR_MESSAGE} characters.
     */
    public static int error(ByteBuffer out, int transactionId, String message) {
        int messageLength = Math.min(message.length(), MAX_ERROR_MESSAGE);
        require(out, ERROR_HEADER_LENGTH + messageLength);
        ByteBuffer be = bigEndian(out);
        be.putInt(UdpRequest.ACTION_ERROR).putInt(transactionId);
        for (int i = 0; i < messageLength; i++) {
            char c = message.charAt(i);
            be.put(c >= 0x20 && c < 0x7F ? (byte) c : (byte) '?');
        }
        return ERROR_HEADER_LENGTH + messageLength;
    }

    private static void require(ByteBuffer out, int bytes) {
        if (out.remaining() < bytes) {
            throw new IllegalArgumentException("needs " + bytes + " bytes, buffer has " + out.remaining());
        }
    }

    private static ByteBuffer bigEndian(ByteBuffer out) {
        return out.order() == ByteOrder.BIG_ENDIAN ? out : out.order(ByteOrder.BIG_ENDIAN);
    }
}
