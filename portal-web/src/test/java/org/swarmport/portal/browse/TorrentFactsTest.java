package org.swarmport.portal.browse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.swarmport.portal.tracker.Category;
import org.swarmport.portal.tracker.TorrentDetails;

class TorrentFactsTest {

    private static final String V1 = "0123456789abcdef0123456789abcdef01234567";
    private static final OffsetDateTime ADDED = OffsetDateTime.of(2026, 12, 2, 6, 5, 0, 0, ZoneOffset.UTC);

    private static TorrentDetails torrent(String category, List<String> tags, String uploader, String v1, String v2) {
        return new TorrentDetails(7, v1, v2, "name", 2048, category == null ? null : new Category(5000, category),
                tags, "description", ADDED, 12, 3, 40, 1, List.of(), "magnet:?xt=urn:btih:" + V1, uploader, null, "name");
    }

    private static String facts(TorrentDetails torrent) throws Exception {
        EscapingResponseWriter out = new EscapingResponseWriter();
        TorrentFacts.write(out, null, torrent, TorrentFacts.userHref("/portal", torrent.uploader()));
        assertEquals("", out.raw.toString(), "nothing is written unescaped");
        return out.html();
    }

    @Test
    void everyFactIsWhatThePageMarkupWrote() throws Exception {
        String html = facts(torrent("TV", List.of("hdr", "x265"), "alice", V1, null));

        assertEquals("<dl class=\"facts\"><dt>Category</dt><dd id=\"torrent-category\">TV</dd>"
                + "<dt>Total size</dt><dd id=\"torrent-size\">2.00 KiB (2048 bytes)</dd>"
                + "<dt>Seeders</dt><dd id=\"torrent-seeders\">12</dd>"
                + "<dt>Leechers</dt><dd id=\"torrent-leechers\">3</dd>"
                + "<dt>Completed</dt><dd id=\"torrent-completed\">40</dd>"
                + "<dt>Added</dt><dd><time datetime=\"2026-12-02T06:05Z\">2026-12-02 06:05 UTC</time></dd>"
                + "<dt>Uploaded by</dt><dd><a id=\"torrent-uploader\" href=\"/portal/user?name=alice\">alice</a></dd>"
                + "<dt>Tags</dt><dd id=\"torrent-tags\">hdr, x265</dd>"
                + "<dt>Info-hash v1</dt><dd><code id=\"info-hash-v1\">" + V1 + "</code></dd></dl>", html);
    }

    @Test
    void noUploaderTagsOrV1HashNoSuchFactsAndAV2HashItsOwn() throws Exception {
        String v2 = V1 + "0123456789abcdef01234567";
        String html = facts(torrent(null, List.of(), null, null, v2));

        assertTrue(html.contains("<dd id=\"torrent-category\"></dd>"), html);
        assertFalse(html.contains("Uploaded by"), html);
        assertFalse(html.contains("Tags"), html);
        assertFalse(html.contains("info-hash-v1"), html);
        assertTrue(html.endsWith("<dt>Info-hash v2</dt><dd><code id=\"info-hash-v2\">" + v2 + "</code></dd></dl>"), html);
    }

    @Test
    void scriptQuotesAndAmpersandsInEveryFieldComeOutEscaped() throws Exception {
        String hostile = "<script>alert(\"x\")</script> & 'q'";
        String html = facts(torrent(hostile, List.of(hostile, "b&c"), hostile, hostile, hostile));

        assertFalse(html.contains("<script>"), html);
        String escaped = "&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; 'q'";
        assertTrue(html.contains("<dd id=\"torrent-category\">" + escaped + "</dd>"), html);
        assertTrue(html.contains("<dd id=\"torrent-tags\">" + escaped + ", b&amp;c</dd>"), html);
        assertTrue(html.contains("<code id=\"info-hash-v1\">" + escaped + "</code>"), html);
        assertTrue(html.contains("<code id=\"info-hash-v2\">" + escaped + "</code>"), html);
        // The uploader's name is URL-encoded in the link (as f:param did) and escaped as its text.
        assertTrue(html.contains("href=\"/portal/user?name=%3Cscript%3Ealert%28%22x%22%29%3C%2Fscript%3E+%26+%27q%27\">"
                + escaped + "</a>"), html);
    }
}
