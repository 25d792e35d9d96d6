package org.swarmport.portal.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class RssDocumentTest {

    private static final String HOSTILE = "<script>alert(1)</script> & \"quotes\" ]]> <![CDATA[x]]>";
    private static final Instant ADDED = Instant.parse("2026-03-04T05:06:07Z");

    private static FeedItem item(String title, String description) {
        return new FeedItem(7, title, "http://site/torrent?id=7", "http://site/download/7.torrent?apikey=k&x=<y>", 12345,
                5000, "TV", ADDED, description, "0123456789abcdef0123456789abcdef01234567",
                "magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567&dn=a&tr=http%3A%2F%2Ft", 3, 4);
    }

    private static FeedChannel channel() {
        return new FeedChannel("Swarmport: " + HOSTILE, "http://site/search?q=a&sort=added", "d", "http://site/rss?q=a");
    }

    private static Document parse(byte[] xml) throws Exception {
        return FeedXml.parse(xml);
    }

    private static String text(Element parent, String name) {
        return FeedXml.text(parent, name);
    }

    @Test
    void hostileTextIsEscapedAndComesBackAsWritten() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RssDocument.rss(out, channel(), List.of(item(HOSTILE, HOSTILE + "\nsecond line")));
        String raw = out.toString(StandardCharsets.UTF_8);
        assertFalse(raw.contains("<script>"), raw);

        Document rss = parse(out.toByteArray());
        Element item = (Element) rss.getElementsByTagName("item").item(0);
        assertEquals("2.0", rss.getDocumentElement().getAttribute("version"));
        assertEquals(HOSTILE, text(item, "title"));
        assertEquals(HOSTILE + "\nsecond line", text(item, "description"));
        assertEquals("Swarmport: " + HOSTILE, text((Element) rss.getElementsByTagName("channel").item(0), "title"));
        Element enclosure = (Element) item.getElementsByTagName("enclosure").item(0);
        assertEquals("http://site/download/7.torrent?apikey=k&x=<y>", enclosure.getAttribute("url"));
        assertEquals("12345", enclosure.getAttribute("length"));
        assertEquals("application/x-bittorrent", enclosure.getAttribute("type"));
    }

    @Test
    void itemsHaveLinkGuidDateAndCategory_RSS2() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RssDocument.rss(out, channel(), List.of(item("A.Show.S01E02", "")));
        Element item = (Element) parse(out.toByteArray()).getElementsByTagName("item").item(0);

        assertEquals("http://site/torrent?id=7", text(item, "link"));
        assertEquals("http://site/torrent?id=7", text(item, "guid"));
        assertEquals("Wed, 4 Mar 2026 05:06:07 GMT", text(item, "pubDate"));
        assertEquals("TV", text(item, "category"));
        assertEquals(0, item.getElementsByTagNameNS(RssDocument.TORZNAB, "attr").getLength(), "plain RSS has no Torznab attributes");
    }

    @Test
    void forbiddenControlCharactersDoNotBreakTheDocument() throws Exception {
        String name = "bell\u0007 nul\u0000 esc\u001b vt\u000b ffff\uffff lone\ud800 pair\ud83d\ude00 tab\tend";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RssDocument.torznab(out, channel(), List.of(item(name, name)), new RssDocument.Slice(0, 1));

        Element item = (Element) parse(out.toByteArray()).getElementsByTagName("item").item(0);
        assertEquals("bell\ufffd nul\ufffd esc\ufffd vt\ufffd ffff\ufffd lone\ufffd pair\ud83d\ude00 tab\tend", text(item, "title"));
    }

    @Test
    void torznabItemsCarryEveryAttributeTheToolsRead() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RssDocument.torznab(out, channel(), List.of(item("A.Show.S01E02", "")), new RssDocument.Slice(40, 123));
        Document rss = parse(out.toByteArray());
        Element item = (Element) rss.getElementsByTagName("item").item(0);

        Map<String, String> attributes = new HashMap<>(FeedXml.torznabAttributes(item));
        assertTrue(attributes.remove("magneturl").startsWith("magnet:?xt=urn:btih:"), attributes.toString());
        assertEquals(Map.of("category", "5000", "size", "12345", "seeders", "3", "leechers", "4", "peers", "7",
                "infohash", "0123456789abcdef0123456789abcdef01234567",
                "downloadvolumefactor", "1", "uploadvolumefactor", "1"), attributes);
        assertEquals("12345", text(item, "size"));
        assertEquals("http://site/torrent?id=7#comments", text(item, "comments"));
        Element response = (Element) rss.getElementsByTagNameNS(RssDocument.TORZNAB, "response").item(0);
        assertEquals("40", response.getAttribute("offset"));
        assertEquals("123", response.getAttribute("total"));
    }

    @Test
    void anEmptyFeedIsStillAChannel() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RssDocument.rss(out, channel(), List.of());
        Document rss = parse(out.toByteArray());
        assertEquals(1, rss.getElementsByTagName("channel").getLength());
        assertEquals(0, rss.getElementsByTagName("item").getLength());
        Element self = (Element) rss.getElementsByTagNameNS(RssDocument.ATOM, "link").item(0);
        assertEquals("self", self.getAttribute("rel"));
        assertEquals("http://site/rss?q=a", self.getAttribute("href"));
    }
}
