package org.swarmport.tracker.ws;

import java.util.List;
import org.swarmport.tracker.swarm.AnnounceEvent;

/**
 * One message from a browser peer, as webtorrent's bittorrent-tracker client sends them: an
 * announce (possibly carrying offers, or an answer to one offer) or a scrape.
 *
 * <p>{@code info_hash}, {@code peer_id}, {@code to_peer_id} and {@code offer_id} stay as the
 * 20-character "binary strings" the client sends (each char one byte, code points 0–255):
 * they are sent back the same way, and {@link #bytes} turns one into the 20 bytes the
 * catalogue knows.
 */
sealed interface WsRequest {

    /**
     * @param seeder  {@code left == 0}; a message without {@code left} (an answer) is not a seeder
     * @param offers  at most {@link WsLimits#maxOffers()}, the rest dropped; empty when none
     * @param answer  the SDP answer to relay to {@code toPeerId}, or null
     */
    record Announce(String infoHash, String peerId, AnnounceEvent event, boolean seeder, boolean leftKnown,
                    List<Offer> offers, Answer answer) implements WsRequest {
    }

    /** @param infoHashes empty: the client asked for nothing specific */
    record Scrape(List<String> infoHashes) implements WsRequest {
    }

    /** A WebRTC offer for one other peer of the swarm, rebuilt from its {@code type} and {@code sdp}. */
    record Offer(String offerId, String sdp) {
    }

    /** A WebRTC answer to the offer {@code offerId} that {@code toPeerId} sent. */
    record Answer(String toPeerId, String offerId, String sdp) {
    }

    /** The 20 bytes of a checked binary string. */
    static byte[] bytes(String binary) {
        byte[] bytes = new byte[binary.length()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) binary.charAt(i);
        }
        return bytes;
    }
}
