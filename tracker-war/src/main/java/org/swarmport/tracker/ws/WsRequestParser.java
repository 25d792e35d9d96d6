package org.swarmport.tracker.ws;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.swarmport.tracker.swarm.AnnounceEvent;

/**
 * Reads one text message of webtorrent's WebSocket tracker protocol (the shapes of
 * bittorrent-tracker's {@code lib/server/parse-websocket.js} and
 * {@code lib/client/websocket-tracker.js}). Pure: text in, {@link WsRequest} out, or a
 * {@link WsRequestException} whose message says what is wrong. Nothing else escapes.
 */
final class WsRequestParser {

    /** Looking the provider up costs a service-loader scan: once per class, not per message. */
    static final JsonProvider JSON = JsonProvider.provider();

    /**
     * The protocol's messages nest 3 deep (message, offers, offer, description); checked
     * before parsing, so a hostile message is refused in one pass over its characters.
     */
    static final int MAX_DEPTH = 8;

    /** A scrape's answer grows with every hash; this bounds it at a few KiB. */
    static final int MAX_SCRAPE_HASHES = 64;

    private final int maxOffers;

    WsRequestParser(int maxOffers) {
        this.maxOffers = maxOffers;
    }

    WsRequest parse(String text) {
        JsonObject message = object(text);
        JsonValue action = message.get("action");
        if (action instanceof JsonString name && name.getString().equals("announce")) {
            return announce(message);
        }
        if (action instanceof JsonString name && name.getString().equals("scrape")) {
            return scrape(message);
        }
        throw new WsRequestException("invalid action: expected \"announce\" or \"scrape\"");
    }

    private static JsonObject object(String text) {
        if (depth(text) > MAX_DEPTH) {
            throw new WsRequestException("not a JSON message of this protocol: nested deeper than " + MAX_DEPTH);
        }
        JsonValue value;
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            value = reader.readValue();
        } catch (JsonException e) {
            // JsonParsingException included; its message may quote the input, so it is not echoed.
            throw new WsRequestException("not a JSON message");
        }
        if (value instanceof JsonObject object) {
            return object;
        }
        throw new WsRequestException("a message must be a JSON object");
    }

    /** The deepest nesting of objects and arrays, strings skipped; a scan, no parse. */
    static int depth(String text) {
        int depth = 0;
        int deepest = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                deepest = Math.max(deepest, ++depth);
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return deepest;
    }

    private WsRequest.Announce announce(JsonObject message) {
        String infoHash = binary(message, "info_hash");
        String peerId = binary(message, "peer_id");
        AnnounceEvent event = event(message.get("event"));
        Double left = number(message, "left");
        number(message, "uploaded");
        number(message, "downloaded");
        Double numwant = number(message, "numwant");
        WsRequest.Answer answer = null;
        if (message.containsKey("answer") && message.get("answer") != JsonValue.NULL) {
            answer = new WsRequest.Answer(binary(message, "to_peer_id"), binary(message, "offer_id"),
                    sdp(message.get("answer"), "answer", "answer"));
        }
        List<WsRequest.Offer> offers = offers(message.get("offers"),
                numwant == null ? maxOffers : (int) Math.min(numwant, maxOffers));
        return new WsRequest.Announce(infoHash, peerId, event, left != null && left == 0, left != null,
                offers, answer);
    }

    private static WsRequest.Scrape scrape(JsonObject message) {
        JsonValue hashes = message.get("info_hash");
        if (hashes == null || hashes == JsonValue.NULL) {
            return new WsRequest.Scrape(List.of());
        }
        if (hashes instanceof JsonString) {
            return new WsRequest.Scrape(List.of(binary(message, "info_hash")));
        }
        if (!(hashes instanceof JsonArray array)) {
            throw new WsRequestException("invalid info_hash: a 20-character string or an array of them");
        }
        if (array.size() > MAX_SCRAPE_HASHES) {
            throw new WsRequestException("too many info_hash values: at most " + MAX_SCRAPE_HASHES + " per scrape");
        }
        List<String> infoHashes = new ArrayList<>(array.size());
        for (JsonValue hash : array) {
            infoHashes.add(binary(hash, "info_hash"));
        }
        return new WsRequest.Scrape(infoHashes);
    }

    /** Up to {@code wanted} offers; the client may send more than the tracker relays. */
    private static List<WsRequest.Offer> offers(JsonValue value, int wanted) {
        if (value == null || value == JsonValue.NULL) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw new WsRequestException("invalid offers: an array of {offer, offer_id}");
        }
        List<WsRequest.Offer> offers = new ArrayList<>(Math.min(array.size(), wanted));
        for (JsonValue entry : array) {
            if (offers.size() == wanted) {
                break;
            }
            if (!(entry instanceof JsonObject offer)) {
                throw new WsRequestException("invalid offers: each one is {offer: {type, sdp}, offer_id}");
            }
            offers.add(new WsRequest.Offer(binary(offer, "offer_id"), sdp(offer.get("offer"), "offer", "offer")));
        }
        return offers;
    }

    /** A session description {@code {type, sdp}} of the expected type; only its SDP is kept. */
    private static String sdp(JsonValue value, String type, String field) {
        if (value instanceof JsonObject description
                && description.get("type") instanceof JsonString actual && actual.getString().equals(type)
                && description.get("sdp") instanceof JsonString sdp && !sdp.getString().isEmpty()) {
            return sdp.getString();
        }
        throw new WsRequestException("invalid " + field + ": {\"type\": \"" + type + "\", \"sdp\": \"...\"}");
    }

    private static String binary(JsonObject message, String field) {
        return binary(message.get(field), field);
    }

    /** A 20-character string of code points 0–255, as bittorrent-tracker's client sends a 20-byte value. */
    private static String binary(JsonValue value, String field) {
        if (value instanceof JsonString string) {
            String text = string.getString();
            if (text.length() == 20 && text.chars().allMatch(c -> c <= 0xFF)) {
                return text;
            }
        }
        throw new WsRequestException("invalid " + field + ": 20 bytes as a string of 20 characters U+0000-U+00FF");
    }

    /**
     * A non-negative number, as a JSON number or a numeric string; null when absent. Read
     * through its double value, which stays cheap for hostile literals such as 1e999999999.
     */
    private static Double number(JsonObject message, String field) {
        JsonValue value = message.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        double number = Double.NaN;
        if (value instanceof JsonNumber json) {
            number = json.doubleValue();
        } else if (value instanceof JsonString text && text.getString().length() <= 20) {
            try {
                number = Double.parseDouble(text.getString());
            } catch (NumberFormatException e) {
                number = Double.NaN;
            }
        }
        if (!(number >= 0) || Double.isInfinite(number)) {
            throw new WsRequestException("invalid " + field + ": a number, 0 or more");
        }
        return number;
    }

    /** BEP 3's events, and bittorrent-tracker's "update"/"empty" and BEP 21's "paused" for a regular announce. */
    private static AnnounceEvent event(JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return AnnounceEvent.NONE;
        }
        if (value instanceof JsonString name) {
            switch (name.getString()) {
                case "", "update", "empty", "paused":
                    return AnnounceEvent.NONE;
                case "started":
                    return AnnounceEvent.STARTED;
                case "completed":
                    return AnnounceEvent.COMPLETED;
                case "stopped":
                    return AnnounceEvent.STOPPED;
                default:
                    break;
            }
        }
        throw new WsRequestException("invalid event: started, stopped, completed, update or none");
    }
}
