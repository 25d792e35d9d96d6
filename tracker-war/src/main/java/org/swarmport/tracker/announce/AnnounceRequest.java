package org.swarmport.tracker.announce;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.swarmport.tracker.swarm.AnnounceEvent;

/**
 * One {@code GET /announce} (BEP 3), as the client sent it. Built by
 * {@link AnnounceRequestParser}; nothing here is checked against the swarm or the
 * configuration yet (access mode, whether {@code ip} is honoured), that is the
 * servlet's business.
 *
 * <p>The byte arrays belong to the record and are not copied (this runs on every
 * announce): do not modify them.
 *
 * @param infoHash   20 bytes; a v2 info-hash arrives truncated to 20 bytes (BEP 52)
 * @param peerId     20 bytes
 * @param port       1..65535
 * @param uploaded   bytes uploaded since {@code started}, 0 when absent
 * @param downloaded bytes downloaded since {@code started}, 0 when absent
 * @param left       bytes still to download, or {@link #LEFT_UNKNOWN} when absent
 * @param event      {@link AnnounceEvent#NONE} for a regular interval announce
 * @param numWant    0..{@link #MAX_NUMWANT}, {@link #DEFAULT_NUMWANT} when absent or negative
 * @param compact    false only for {@code compact=0}: the dictionary model (BEP 23)
 * @param noPeerId   {@code no_peer_id} given and not 0: omit peer ids in the dictionary model
 * @param key        the client's {@code key}, or {@code null}
 * @param trackerId  the {@code trackerid} an earlier response gave, or {@code null}
 * @param ip         the address or host name the client claims ({@code ip}), or {@code null}
 * @param ipv4       the first {@code ipv4} hint (BEP 7), or {@code null}
 * @param ipv6       the first {@code ipv6} hint (BEP 7), or {@code null}
 */
public record AnnounceRequest(
        byte[] infoHash,
        byte[] peerId,
        int port,
        long uploaded,
        long downloaded,
        long left,
        AnnounceEvent event,
        int numWant,
        boolean compact,
        boolean noPeerId,
        byte[] key,
        byte[] trackerId,
        String ip,
        String ipv4,
        String ipv6) {

    /**
     * {@code left} was not sent. BEP 3 requires it, but clients that omit it exist; like
     * opentracker, such a peer is a leecher (it only becomes a seeder on {@code left=0}).
     */
    public static final long LEFT_UNKNOWN = -1;

    /** numwant when absent or negative (DESIGN.md, Tracker engine; opentracker uses the same). */
    public static final int DEFAULT_NUMWANT = 50;

    /** numwant above this is lowered to it (DESIGN.md, Tracker engine). */
    public static final int MAX_NUMWANT = 200;

    public AnnounceRequest {
        if (infoHash == null || infoHash.length != 20) {
            throw new IllegalArgumentException("infoHash must be 20 bytes");
        }
        if (peerId == null || peerId.length != 20) {
            throw new IllegalArgumentException("peerId must be 20 bytes");
        }
        Objects.requireNonNull(event, "event");
    }

    /** Whether the peer has the whole torrent: only an explicit {@code left=0} says so. */
    public boolean isSeeder() {
        return left == 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AnnounceRequest that
                && Arrays.equals(infoHash, that.infoHash)
                && Arrays.equals(peerId, that.peerId)
                && port == that.port
                && uploaded == that.uploaded
                && downloaded == that.downloaded
                && left == that.left
                && event == that.event
                && numWant == that.numWant
                && compact == that.compact
                && noPeerId == that.noPeerId
                && Arrays.equals(key, that.key)
                && Arrays.equals(trackerId, that.trackerId)
                && Objects.equals(ip, that.ip)
                && Objects.equals(ipv4, that.ipv4)
                && Objects.equals(ipv6, that.ipv6);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(infoHash) * 31 + Arrays.hashCode(peerId) + port;
    }

    @Override
    public String toString() {
        HexFormat hex = HexFormat.of();
        return "AnnounceRequest[infoHash=" + hex.formatHex(infoHash)
                + ", peerId=" + hex.formatHex(peerId)
                + ", port=" + port
                + ", uploaded=" + uploaded
                + ", downloaded=" + downloaded
                + ", left=" + left
                + ", event=" + event
                + ", numWant=" + numWant
                + ", compact=" + compact
                + ", noPeerId=" + noPeerId
                + ", key=" + (key == null ? null : hex.formatHex(key))
                + ", trackerId=" + (trackerId == null ? null : hex.formatHex(trackerId))
                + ", ip=" + ip
                + ", ipv4=" + ipv4
                + ", ipv6=" + ipv6 + "]";
    }
}
