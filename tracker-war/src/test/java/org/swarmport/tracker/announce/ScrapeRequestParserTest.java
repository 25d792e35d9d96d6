package org.swarmport.tracker.announce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ScrapeRequestParserTest {

    private static byte[] hash(int n) {
        return AnnounceRequestParserTest.sha1("torrent " + n);
    }

    private static String query(int count) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < count; i++) {
            query.append(i == 0 ? "" : "&").append("info_hash=").append(ClientEscaping.everyByte(hash(i)));
        }
        return query.toString();
    }

    private static String rejection(String query) {
        return assertThrows(TrackerRequestException.class, () -> ScrapeRequestParser.parse(query)).getMessage();
    }

    @Test
    void singleInfoHashAsLibtorrentScrapesIt_BEP48() {
        ScrapeRequest request = ScrapeRequestParser.parse("info_hash=" + ClientEscaping.libtorrent(hash(1)));
        assertFalse(request.isFullScrape());
        assertEquals(1, request.infoHashes().size());
        assertArrayEquals(hash(1), request.infoHashes().get(0));
    }

    @Test
    void manyInfoHashesAsTransmissionMultiScrapesThemKeepTheirOrder_BEP48() {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            query.append(i == 0 ? "" : "&").append("info_hash=").append(ClientEscaping.transmission(hash(i)));
        }
        ScrapeRequest request = ScrapeRequestParser.parse(query.toString());
        assertEquals(60, request.infoHashes().size());
        for (int i = 0; i < 60; i++) {
            assertArrayEquals(hash(i), request.infoHashes().get(i));
        }
    }

    @Test
    void noInfoHashAsksForAFullScrape_BEP48() {
        assertTrue(ScrapeRequestParser.parse(null).isFullScrape());
        assertTrue(ScrapeRequestParser.parse("").isFullScrape());
        assertTrue(ScrapeRequestParser.parse("passkey=abc").isFullScrape());
    }

    @Test
    void otherParametersAreIgnored() {
        ScrapeRequest request = ScrapeRequestParser.parse("peer_id=-XX-%ZZ&info_hash=" + ClientEscaping.aria2(hash(2)) + "&passkey=x");
        assertArrayEquals(hash(2), request.infoHashes().get(0));
    }

    @Test
    void theSameInfoHashTwiceIsKeptOnce() {
        String once = "info_hash=" + ClientEscaping.everyByte(hash(3));
        String lower = "info_hash=" + ClientEscaping.everyByte(hash(3)).toLowerCase();
        ScrapeRequest request = ScrapeRequestParser.parse(once + "&" + lower + "&" + query(1));
        assertEquals(2, request.infoHashes().size());
        assertArrayEquals(hash(3), request.infoHashes().get(0));
        assertArrayEquals(hash(0), request.infoHashes().get(1));
    }

    @Test
    void upToTheMaximumIsAcceptedAndOneMoreIsRefused() {
        assertEquals(74, ScrapeRequestParser.parse(query(74)).infoHashes().size());
        assertEquals("too many info_hash: at most 74 per scrape", rejection(query(75)));
    }

    @Test
    void maximumIsConfigurable() {
        assertEquals(2, ScrapeRequestParser.parse(query(2), 2).infoHashes().size());
        TrackerRequestException refused = assertThrows(TrackerRequestException.class,
                () -> ScrapeRequestParser.parse(query(3), 2));
        assertEquals("too many info_hash: at most 2 per scrape", refused.getMessage());
        assertEquals(500, ScrapeRequestParser.parse(query(500), 500).infoHashes().size());
        assertThrows(IllegalArgumentException.class, () -> ScrapeRequestParser.parse("", 0));
    }

    @Test
    void eachInfoHashMustBeTwentyBytes_BEP48_BEP52() {
        assertEquals("invalid info_hash: must be 20 bytes, got 19",
                rejection(query(2) + "&info_hash=" + ClientEscaping.everyByte(new byte[19])));
        assertEquals("invalid info_hash: must be 20 bytes, got 32",
                rejection("info_hash=" + ClientEscaping.everyByte(AnnounceRequestParserTest.sha256("v2"))));
        assertEquals("invalid info_hash: must be 20 bytes, got 0", rejection("info_hash="));
        assertEquals("invalid info_hash: malformed percent escape", rejection("info_hash=%4"));
    }

    @Test
    void queryLongerThanTheMaximumCountCanNeedIsRefused() {
        String tooLong = "x=" + "y".repeat(4096 + 74 * 71);
        assertEquals("invalid query: longer than " + (4096 + 74 * 71) + " characters", rejection(tooLong));
    }

    @Test
    void requestsWithTheSameHashesAreEqual() {
        assertEquals(ScrapeRequestParser.parse(query(3)), ScrapeRequestParser.parse(query(3).toLowerCase()));
        assertEquals(ScrapeRequestParser.parse(query(3)).hashCode(), ScrapeRequestParser.parse(query(3)).hashCode());
        assertFalse(Arrays.equals(hash(1), hash(2)));
    }
}
