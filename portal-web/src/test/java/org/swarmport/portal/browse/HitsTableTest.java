package org.swarmport.portal.browse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.swarmport.portal.tracker.Category;
import org.swarmport.portal.tracker.SearchHit;

class HitsTableTest {

    private static final String HOSTILE = "<script>alert(\"x\")</script> & 'q'";

    private static String table(String caption, List<SearchHit> hits, SortLinks sortable) throws Exception {
        EscapingResponseWriter out = new EscapingResponseWriter();
        HitsTable.write(out, null, "/ctx", caption, hits, sortable);
        assertEquals("", out.raw.toString(), "nothing is written unescaped");
        return out.html();
    }

    @Test
    void aRowIsWhatThePageMarkupWrote() throws Exception {
        String html = table("Newest", List.of(new SearchHit(7, "Show.S01E01", null, null, 3L << 29, new Category(5000, "TV"),
                List.of(), Instant.parse("2026-12-01T22:56:59Z"), 12, 3, 40, null)), null);

        assertEquals("<div class=\"table-scroll\"><table class=\"hits\"><caption>Newest</caption><thead><tr>"
                + "<th scope=\"col\" class=\"name\">Name</th><th scope=\"col\" class=\"category\">Category</th>"
                + "<th scope=\"col\" class=\"size\">Size</th><th scope=\"col\" class=\"seeders\">Seeders</th>"
                + "<th scope=\"col\" class=\"leechers\">Leechers</th><th scope=\"col\" class=\"added\">Added</th>"
                + "</tr></thead><tbody><tr><th scope=\"row\" class=\"name\">"
                + "<a class=\"torrent-link\" href=\"/ctx/torrent?id=7\">Show.S01E01</a></th>"
                + "<td class=\"category\">TV</td><td class=\"size\">1.50 GiB</td><td class=\"seeders\">12</td>"
                + "<td class=\"leechers\">3</td><td class=\"added\"><time datetime=\"2026-12-01T22:56:59Z\">"
                + "2026-12-01 22:56 UTC</time></td></tr></tbody></table></div>", html);
    }

    @Test
    void noCategoryAndNoDateAreEmptyCells() throws Exception {
        String html = table("c", List.of(new SearchHit(8, "n", null, null, 1, null, List.of(), null, 0, 0, 0, null)), null);

        assertTrue(html.contains("<td class=\"category\"></td>"), html);
        assertTrue(html.contains("<td class=\"added\"><time></time></td>"), "no empty datetime attribute:\n" + html);
    }

    @Test
    void headersOfASortableTableAreSortLinksExceptTheCategory() throws Exception {
        SortLinks links = new SortLinks() {
            @Override
            public String sortHref(String column) {
                return "?q=a&sort=" + column;
            }

            @Override
            public String ariaSort(String column) {
                return "size".equals(column) ? "ascending" : "none";
            }
        };
        String html = table("c", List.of(), links);

        assertTrue(html.contains("<th scope=\"col\" class=\"size\" aria-sort=\"ascending\">"
                + "<a class=\"sort\" href=\"?q=a&amp;sort=size\">Size</a></th>"), html);
        assertTrue(html.contains("<th scope=\"col\" class=\"category\">Category</th>"), html);
        assertTrue(html.contains("<tbody></tbody>"), html);
    }

    @Test
    void scriptQuotesAndAmpersandsInEveryFieldComeOutEscaped() throws Exception {
        SortLinks hostileLinks = new SortLinks() {
            @Override
            public String sortHref(String column) {
                return "?q=\"><script>x</script>&";
            }

            @Override
            public String ariaSort(String column) {
                return "\"onmouseover=\"x";
            }
        };
        String html = table(HOSTILE, List.of(new SearchHit(9, HOSTILE, null, null, 5, new Category(1, HOSTILE),
                List.of(HOSTILE), Instant.EPOCH, 1, 2, 3, HOSTILE)), hostileLinks);

        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("\"onmouseover"), html);
        assertTrue(html.contains("<caption>&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; 'q'</caption>"), html);
        assertTrue(html.contains("href=\"/ctx/torrent?id=9\">&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; 'q'</a>"), html);
        assertTrue(html.contains("<td class=\"category\">&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; 'q'</td>"), html);
        assertTrue(html.contains("href=\"?q=&quot;&gt;&lt;script&gt;x&lt;/script&gt;&amp;\""), html);
        assertTrue(html.contains("aria-sort=\"&quot;onmouseover=&quot;x\""), html);
    }
}
