package org.swarmport.peer.tracker;

import java.util.Arrays;
import java.util.Objects;

import org.swarmport.peer.metainfo.InfoHash;

/**
 * What a client tells a tracker in an announce (BEP 3, BEP 15): which torrent, who we are,
 * where to reach us, how far we are. A v2 {@code infoHash} travels
 * {@link InfoHash#truncated() truncated} to 20 bytes (BEP 52); a hybrid torrent is announced
 * once with each of its hashes.
 *
 * @param infoHash   the torrent
 * @param peerId     our 20-byte peer id
 * @param port       where we accept peer connections, 1..65535
 * @param uploaded   bytes sent to peers since {@code started}
 * @param downloaded bytes received from peers since {@code started}
 * @param left       bytes still needed for the selected files
 * @param event      {@link AnnounceEvent#NONE} for a regular announce
 * @param numWant    peers wanted, 0 for a {@code stopped}
 * @param key        a random number that stays the same for the session, so that a tracker can
 *                   tell us apart from others behind our IP address, and recognise us when it
 *                   changes
 */
public record AnnounceRequest(InfoHash infoHash, byte[] peerId, int port, long uploaded, long downloaded, long left,
                              AnnounceEvent event, int numWant, int key) {

    public static final int PEER_ID_LENGTH = 20;

    public AnnounceRequest {
        Objects.requireNonNull(infoHash, "infoHash");
        Objects.requireNonNull(event, "event");
        if (peerId.length != PEER_ID_LENGTH) {
            throw new IllegalArgumentException("a peer id has 20 bytes, not " + peerId.length);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port outside 1..65535: " + port);
        }
        if (uploaded < 0 || downloaded < 0 || left < 0) {
            throw new IllegalArgumentException("negative transfer figure");
        }
        if (numWant < 0) {
            throw new IllegalArgumentException("negative numWant " + numWant);
        }
        peerId = peerId.clone();
    }

    @Override
    public byte[] peerId() {
        return peerId.clone();
    }

    /** The 20 bytes trackers see. */
    public byte[] wireInfoHash() {
        return infoHash.truncated();
    }

    /** The same announce with another event and peer count. */
    public AnnounceRequest with(AnnounceEvent newEvent, int newNumWant) {
        return new AnnounceRequest(infoHash, peerId, port, uploaded, downloaded, left, newEvent, newNumWant, key);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AnnounceRequest r && infoHash.equals(r.infoHash) && Arrays.equals(peerId, r.peerId)
                && port == r.port && uploaded == r.uploaded && downloaded == r.downloaded && left == r.left
                && event == r.event && numWant == r.numWant && key == r.key;
    }

    @Override
    public int hashCode() {
        return Objects.hash(infoHash, Arrays.hashCode(peerId), port, uploaded, downloaded, left, event, numWant, key);
    }

    @Override
    public String toString() {
        return "AnnounceRequest[" + infoHash + ", port=" + port + ", uploaded=" + uploaded + ", downloaded="
                + downloaded + ", left=" + left + ", event=" + event + ", numWant=" + numWant + "]";
    }
}
