package org.swarmport.tracker.ws;

import jakarta.json.JsonObjectBuilder;
import java.util.Map;
import org.swarmport.tracker.swarm.SwarmCounts;

/**
 * The JSON messages the WebSocket tracker sends, in the shapes webtorrent's client reads
 * ({@code lib/client/websocket-tracker.js}): binary strings go out as the same 20-char
 * strings that came in.
 */
final class WsMessages {

    private WsMessages() {
    }

    /** The answer to an announce; {@code complete}/{@code incomplete} count every protocol's peers. */
    static String announced(String infoHash, SwarmCounts counts, int interval) {
        return WsRequestParser.JSON.createObjectBuilder()
                .add("action", "announce")
                .add("interval", interval)
                .add("info_hash", infoHash)
                .add("complete", counts.seeders())
                .add("incomplete", counts.leechers())
                .build().toString();
    }

    /** An offer relayed to a peer, under the info_hash that peer announced with (a hybrid's v1 or v2). */
    static String offer(String toInfoHash, String fromPeerId, WsRequest.Offer offer) {
        return relay(toInfoHash, fromPeerId, offer.offerId())
                .add("offer", description("offer", offer.sdp()))
                .build().toString();
    }

    /** An answer relayed to the peer whose offer it answers. */
    static String answer(String toInfoHash, String fromPeerId, WsRequest.Answer answer) {
        return relay(toInfoHash, fromPeerId, answer.offerId())
                .add("answer", description("answer", answer.sdp()))
                .build().toString();
    }

    /** @param files info_hash as asked → counts; {@code downloaded} is the completed count */
    static String scraped(Map<String, SwarmCounts> files, int interval) {
        JsonObjectBuilder byHash = WsRequestParser.JSON.createObjectBuilder();
        files.forEach((infoHash, counts) -> byHash.add(infoHash, WsRequestParser.JSON.createObjectBuilder()
                .add("complete", counts.seeders())
                .add("incomplete", counts.leechers())
                .add("downloaded", counts.completed())));
        return WsRequestParser.JSON.createObjectBuilder()
                .add("action", "scrape")
                .add("files", byHash)
                .add("flags", WsRequestParser.JSON.createObjectBuilder().add("min_request_interval", interval))
                .build().toString();
    }

    /** A message that could not be read: only the reason, as bittorrent-tracker answers then. */
    static String failure(String reason) {
        return WsRequestParser.JSON.createObjectBuilder().add("failure reason", reason).build().toString();
    }

    /**
     * A refused announce or scrape: with its action (and info_hash for an announce), so the
     * client reports the reason as a warning for that torrent.
     */
    static String failure(String action, String infoHash, String reason) {
        JsonObjectBuilder message = WsRequestParser.JSON.createObjectBuilder()
                .add("action", action)
                .add("failure reason", reason);
        if (infoHash != null) {
            message.add("info_hash", infoHash);
        }
        return message.build().toString();
    }

    private static JsonObjectBuilder relay(String toInfoHash, String fromPeerId, String offerId) {
        return WsRequestParser.JSON.createObjectBuilder()
                .add("action", "announce")
                .add("info_hash", toInfoHash)
                .add("peer_id", fromPeerId)
                .add("offer_id", offerId);
    }

    /** Rebuilt from type and SDP only: nothing else a sender put in reaches another peer. */
    private static JsonObjectBuilder description(String type, String sdp) {
        return WsRequestParser.JSON.createObjectBuilder().add("type", type).add("sdp", sdp);
    }
}
