package org.swarmport.portal.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.swarmport.portal.tracker.Category;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class CapsDocumentTest {

    private static Document parse(ByteArrayOutputStream out) throws Exception {
        return FeedXml.parse(out.toByteArray());
    }

    private static Element first(Document document, String name) {
        return (Element) document.getElementsByTagName(name).item(0);
    }

    @Test
    void capsListLimitsSearchModesAndCategories() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CapsDocument.write(out, "http://site", List.of(new Category(2000, "Movies"), new Category(5000, "TV")));
        Document caps = parse(out);

        assertEquals("caps", caps.getDocumentElement().getTagName());
        assertEquals("100", first(caps, "limits").getAttribute("max"));
        assertEquals("50", first(caps, "limits").getAttribute("default"));
        assertEquals("yes", first(caps, "search").getAttribute("available"));
        assertEquals("q", first(caps, "search").getAttribute("supportedParams"));
        assertEquals("q,season,ep", first(caps, "tv-search").getAttribute("supportedParams"));
        assertEquals("yes", first(caps, "movie-search").getAttribute("available"));
        assertEquals("no", first(caps, "music-search").getAttribute("available"));
        assertEquals(2, caps.getElementsByTagName("category").getLength());
        assertEquals("5000", ((Element) caps.getElementsByTagName("category").item(1)).getAttribute("id"));
        assertEquals("TV", ((Element) caps.getElementsByTagName("category").item(1)).getAttribute("name"));
    }

    @Test
    void anErrorIsOneElementWithCodeAndEscapedDescription() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CapsDocument.error(out, TorznabError.noSuchFunction("<x\u0001\"&>"));
        Document error = parse(out);

        assertEquals("error", error.getDocumentElement().getTagName());
        assertEquals("202", error.getDocumentElement().getAttribute("code"));
        assertEquals("No such function (<x\ufffd\"&>)", error.getDocumentElement().getAttribute("description"));
    }
}
