package org.swarmport.portal.browse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.swarmport.portal.tracker.Category;

/** The search page's facets, paging and category menu, written in Java: the markup the page's Facelets wrote, escaped. */
class SearchControlsTest {

    private static final String HOSTILE = "<script>alert(\"x\")</script> & 'q'";

    private interface Writing {
        void to(EscapingResponseWriter out) throws Exception;
    }

    private static String html(Writing writing) throws Exception {
        EscapingResponseWriter out = new EscapingResponseWriter();
        writing.to(out);
        assertEquals("", out.raw.toString(), "nothing is written unescaped");
        return out.html();
    }

    @Test
    void facetsAreAllCategoriesThenEachWithItsCountTheSelectedOneMarked() throws Exception {
        String html = html(out -> CategoryFacets.write(out, null, "?q=a", List.of(
                new CategoryFacet("Movies", 12, "?q=a&category=2000", true),
                new CategoryFacet("TV", 3, "?q=a&category=5000", false))));

        assertEquals("<nav class=\"facets\" aria-label=\"Filter by category\"><ul>"
                + "<li><a href=\"?q=a\">All categories</a></li>"
                + "<li><a class=\"facet selected\" href=\"?q=a&amp;category=2000\" aria-current=\"true\">Movies (12)</a></li>"
                + "<li><a class=\"facet\" href=\"?q=a&amp;category=5000\" aria-current=\"false\">TV (3)</a></li>"
                + "</ul></nav>", html);
    }

    @Test
    void noFacetsAreNoMarkup() throws Exception {
        assertEquals("", html(out -> CategoryFacets.write(out, null, "?", List.of())));
    }

    @Test
    void pagingIsPreviousNumbersAndNextWithTheCurrentPageUnlinked() throws Exception {
        String html = html(out -> PagingLinks.write(out, null, "?q=a", List.of(
                new PageLink(1, "?q=a", false), new PageLink(2, "?q=a&page=2", true), new PageLink(9, "?q=a&page=9", false)),
                "?q=a&page=3"));

        assertEquals("<nav class=\"paging\" aria-label=\"Pages of results\"><ul>"
                + "<li><a id=\"page-previous\" rel=\"prev\" href=\"?q=a\">Previous</a></li>"
                + "<li><a class=\"page-number\" href=\"?q=a\" aria-label=\"Page 1\">1</a></li>"
                + "<li><span class=\"page-current\" aria-current=\"page\">2</span></li>"
                + "<li><a class=\"page-number\" href=\"?q=a&amp;page=9\" aria-label=\"Page 9\">9</a></li>"
                + "<li><a id=\"page-next\" rel=\"next\" href=\"?q=a&amp;page=3\">Next</a></li>"
                + "</ul></nav>", html);
    }

    @Test
    void theFirstAndTheLastPageHaveNoPreviousOrNextLink() throws Exception {
        String first = html(out -> PagingLinks.write(out, null, null,
                List.of(new PageLink(1, "?", true), new PageLink(2, "?page=2", false)), "?page=2"));
        String last = html(out -> PagingLinks.write(out, null, "?",
                List.of(new PageLink(1, "?", false), new PageLink(2, "?page=2", true)), null));

        assertFalse(first.contains("page-previous"), first);
        assertTrue(first.contains("id=\"page-next\""), first);
        assertTrue(last.contains("id=\"page-previous\""), last);
        assertFalse(last.contains("page-next"), last);
    }

    @Test
    void theCategoryMenuIsAnyThenEveryCategoryWithTheAskedOneSelected() throws Exception {
        Category movies = new Category(2000, "Movies");
        String html = html(out -> CategorySelect.write(out, null, List.of(new Category(1000, "Console"), movies),
                new Category(2000, "Movies")));

        assertEquals("<select id=\"category\" name=\"category\"><option value=\"\">Any</option>"
                + "<option value=\"1000\">Console</option>"
                + "<option value=\"2000\" selected=\"selected\">Movies</option></select>", html);
    }

    @Test
    void withNoCategoryAskedNoneIsSelected() throws Exception {
        String html = html(out -> CategorySelect.write(out, null, List.of(new Category(1000, "Console")), null));

        assertFalse(html.contains("selected"), html);
    }

    @Test
    void scriptQuotesAndAmpersandsComeOutEscaped() throws Exception {
        String facets = html(out -> CategoryFacets.write(out, null, HOSTILE, List.of(new CategoryFacet(HOSTILE, 1, HOSTILE, false))));
        String paging = html(out -> PagingLinks.write(out, null, HOSTILE, List.of(new PageLink(1, HOSTILE, false)), HOSTILE));
        String menu = html(out -> CategorySelect.write(out, null, List.of(new Category(1, HOSTILE)), null));

        for (String html : List.of(facets, paging, menu)) {
            assertFalse(html.contains("<script>"), html);
        }
        assertTrue(facets.contains("href=\"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 'q'\""), facets);
        assertTrue(facets.contains(">&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; 'q' (1)</a>"), facets);
        assertTrue(paging.contains("href=\"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 'q'\""), paging);
        assertTrue(menu.contains("<option value=\"1\">&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; 'q'</option>"), menu);
    }
}
