package org.swarmport.tracker.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.swarmport.tracker.swarm.AnnounceEvent;

/**
 * The message shapes of webtorrent's bittorrent-tracker (lib/server/parse-websocket.js,
 * lib/client/websocket-tracker.js), and what a hostile client may send instead.
 */
class WsRequestParserTest {

    private final WsRequestParser parser = new WsRequestParser(10);

    private static String reasonFor(String text) {
        return assertThrows(WsRequestException.class, () -> new WsRequestParser(10).parse(text)).getMessage();
    }

    @Test
    void announceWithOffersKeepsBinaryStringsAndSdp() {
        WsRequest.Announce announce = (WsRequest.Announce) parser.parse(
                Messages.withOffers(Binary.of(1), Binary.of(2), 0, 3));
        assertEquals(Binary.of(1), announce.infoHash());
        assertEquals(Binary.of(2), announce.peerId());
        assertTrue(announce.seeder());
        assertEquals(3, announce.offers().size());
        assertEquals(new WsRequest.Offer(Binary.of(1000), "v=0 offer 0"), announce.offers().get(0));
        assertNull(announce.answer());
    }

    @Test
    void answerNamesThePeerAndTheOfferItAnswers() {
        WsRequest.Announce announce = (WsRequest.Announce) parser.parse(
                Messages.answer(Binary.of(1), Binary.of(2), Binary.of(3), Binary.of(4)));
        assertEquals(new WsRequest.Answer(Binary.of(3), Binary.of(4), "v=0 answer"), announce.answer());
        assertFalse(announce.leftKnown(), "an answer carries no left");
    }

    @Test
    void eventsAreBep3sAndBittorrentTrackersNamesForARegularAnnounce() {
        assertEquals(AnnounceEvent.STARTED, event("\"started\""));
        assertEquals(AnnounceEvent.STOPPED, event("\"stopped\""));
        assertEquals(AnnounceEvent.COMPLETED, event("\"completed\""));
        assertEquals(AnnounceEvent.NONE, event("\"update\""));
        assertEquals(AnnounceEvent.NONE, event("\"paused\""));
        assertEquals(AnnounceEvent.NONE, event("null"));
        assertTrue(reasonFor(Messages.announce(Binary.of(1), Binary.of(2)).add("event", "exploded").build().toString())
                .startsWith("invalid event"));
    }

    private AnnounceEvent event(String json) {
        String text = Messages.announce(Binary.of(1), Binary.of(2)).build().toString();
        text = text.substring(0, text.length() - 1) + ",\"event\":" + json + "}";
        return ((WsRequest.Announce) parser.parse(text)).event();
    }

    @Test
    void offersBeyondTheLimitOrNumwantAreDropped() {
        assertEquals(10, ((WsRequest.Announce) parser.parse(Messages.withOffers(Binary.of(1), Binary.of(2), 5, 500)))
                .offers().size());
        String two = Messages.withOffers(Binary.of(1), Binary.of(2), 5, 5).replace("\"numwant\":5", "\"numwant\":2");
        assertEquals(2, ((WsRequest.Announce) parser.parse(two)).offers().size());
    }

    @Test
    void scrapeTakesOneHashOrAnArray() {
        assertEquals(List.of(Binary.of(1)), ((WsRequest.Scrape) parser.parse(
                "{\"action\":\"scrape\",\"info_hash\":" + quoted(Binary.of(1)) + "}")).infoHashes());
        assertEquals(List.of(Binary.of(1), Binary.of(2)), ((WsRequest.Scrape) parser.parse(
                "{\"action\":\"scrape\",\"info_hash\":[" + quoted(Binary.of(1)) + "," + quoted(Binary.of(2)) + "]}"))
                .infoHashes());
    }

    @Test
    void scrapeOfTooManyHashesIsRefused() {
        StringBuilder text = new StringBuilder("{\"action\":\"scrape\",\"info_hash\":[");
        for (int i = 0; i <= WsRequestParser.MAX_SCRAPE_HASHES; i++) {
            text.append(i == 0 ? "" : ",").append(quoted(Binary.of(i)));
        }
        assertTrue(reasonFor(text.append("]}").toString()).startsWith("too many info_hash"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "{", "[1,2]", "\"announce\"", "42", "{\"action\":\"announce\"",
            "{\"action\":1}", "{\"action\":\"connect\"}", "{}", "null"})
    void nonJsonOrUnknownActionIsAFailureReason(String text) {
        String reason = reasonFor(text);
        assertTrue(reason.startsWith("not a JSON message") || reason.startsWith("a message must be")
                || reason.startsWith("invalid action"), reason);
    }

    @Test
    void deepNestingIsRefusedWithoutBlowingTheStack() {
        String deep = "{\"action\":\"announce\",\"x\":" + "[".repeat(30_000) + "]".repeat(30_000) + "}";
        assertTrue(reasonFor(deep).startsWith("not a JSON message"));
        String nestedInAnOffer = Messages.withOffers(Binary.of(1), Binary.of(2), 0, 1)
                .replace("\"type\":\"offer\"", "\"type\":\"offer\",\"x\":[[[[[[[[1]]]]]]]]");
        assertTrue(reasonFor(nestedInAnOffer).startsWith("not a JSON message"));
    }

    @Test
    void bracketsInsideStringsDoNotCountAsNesting() {
        assertEquals(1, WsRequestParser.depth("{\"sdp\":\"[[[[{{{{\\\"[[[[\"}"));
    }

    @Test
    void hashesOf19Or21CharactersAreRefused() {
        String nineteen = Binary.of(1).substring(1);
        String twentyOne = Binary.of(1) + "x";
        assertTrue(reasonFor(Messages.announce(nineteen, Binary.of(2)).build().toString()).startsWith("invalid info_hash"));
        assertTrue(reasonFor(Messages.announce(twentyOne, Binary.of(2)).build().toString()).startsWith("invalid info_hash"));
        assertTrue(reasonFor(Messages.announce(Binary.of(1), nineteen).build().toString()).startsWith("invalid peer_id"));
    }

    @Test
    void codePointsAbove255AreNotBytes() {
        String withEuro = "\u20ac" + Binary.of(1).substring(1);
        String withEmoji = "\ud83d\ude00" + Binary.of(1).substring(2);
        assertTrue(reasonFor(Messages.announce(withEuro, Binary.of(2)).build().toString()).startsWith("invalid info_hash"));
        assertTrue(reasonFor(Messages.announce(withEmoji, Binary.of(2)).build().toString()).startsWith("invalid info_hash"));
    }

    @Test
    void wrongTypesAreNamedInTheReason() {
        assertTrue(reasonFor("{\"action\":\"announce\",\"info_hash\":12345,\"peer_id\":\"x\"}")
                .startsWith("invalid info_hash"));
        assertTrue(reasonFor(Messages.announce(Binary.of(1), Binary.of(2)).add("left", "lots").build().toString())
                .startsWith("invalid left"));
        assertTrue(reasonFor(Messages.announce(Binary.of(1), Binary.of(2)).add("left", -1).build().toString())
                .startsWith("invalid left"));
        assertTrue(reasonFor(Messages.announce(Binary.of(1), Binary.of(2)).add("offers", "many").build().toString())
                .startsWith("invalid offers"));
        assertTrue(reasonFor(Messages.announce(Binary.of(1), Binary.of(2))
                .add("offers", WsRequestParser.JSON.createArrayBuilder().add(1)).build().toString())
                .startsWith("invalid offers"));
        assertTrue(reasonFor(Messages.answer(Binary.of(1), Binary.of(2), Binary.of(3), Binary.of(4))
                .replace("\"type\":\"answer\"", "\"type\":\"offer\"")).startsWith("invalid answer"));
        assertTrue(reasonFor(Messages.announce(Binary.of(1), Binary.of(2))
                .add("answer", WsRequestParser.JSON.createObjectBuilder().add("type", "answer").add("sdp", "x"))
                .build().toString()).startsWith("invalid to_peer_id"));
    }

    @Test
    void hostileNumbersStayCheap() {
        String huge = Messages.announce(Binary.of(1), Binary.of(2)).build().toString()
                .replace("\"uploaded\":0", "\"uploaded\":1e999999999");
        assertTrue(reasonFor(huge).startsWith("invalid uploaded"));
        String tiny = Messages.announce(Binary.of(1), Binary.of(2)).build().toString()
                .replace("\"uploaded\":0", "\"uploaded\":1e-999999999");
        assertEquals(Binary.of(1), ((WsRequest.Announce) parser.parse(tiny)).infoHash());
    }

    private static String quoted(String binary) {
        return WsRequestParser.JSON.createValue(binary).toString();
    }
}
