package org.swarmport.tracker.ws;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

/** Messages as webtorrent's bittorrent-tracker client writes them (lib/client/websocket-tracker.js). */
final class Messages {

    private Messages() {
    }

    static JsonObjectBuilder announce(String infoHash, String peerId) {
        return WsRequestParser.JSON.createObjectBuilder()
                .add("action", "announce")
                .add("info_hash", infoHash)
                .add("peer_id", peerId)
                .add("uploaded", 0)
                .add("downloaded", 0);
    }

    /** An announce with {@code count} offers whose ids are Binary.of(1000 + i). */
    static String withOffers(String infoHash, String peerId, long left, int count) {
        JsonArrayBuilder offers = WsRequestParser.JSON.createArrayBuilder();
        for (int i = 0; i < count; i++) {
            offers.add(WsRequestParser.JSON.createObjectBuilder()
                    .add("offer", WsRequestParser.JSON.createObjectBuilder().add("type", "offer").add("sdp", "v=0 offer " + i))
                    .add("offer_id", Binary.of(1000 + i)));
        }
        return announce(infoHash, peerId).add("left", left).add("numwant", count).add("offers", offers)
                .build().toString();
    }

    static String answer(String infoHash, String peerId, String toPeerId, String offerId) {
        return announce(infoHash, peerId)
                .add("to_peer_id", toPeerId)
                .add("offer_id", offerId)
                .add("answer", WsRequestParser.JSON.createObjectBuilder().add("type", "answer").add("sdp", "v=0 answer"))
                .build().toString();
    }
}
