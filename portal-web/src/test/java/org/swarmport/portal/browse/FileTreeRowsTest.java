package org.swarmport.portal.browse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FileTreeRowsTest {

    private static String rows(List<FileTreeRow> rows) throws Exception {
        EscapingResponseWriter out = new EscapingResponseWriter();
        FileTreeRows.write(out, null, rows);
        assertEquals("", out.raw.toString(), "nothing is written unescaped");
        return out.html();
    }

    @Test
    void aFolderAndAFileAreWhatThePageMarkupWrote() throws Exception {
        String html = rows(List.of(new FileTreeRow("Show", 0, 2048, true), new FileTreeRow("a.mkv", 1, 100, false)));

        assertEquals("<tr class=\"folder depth-0\" data-depth=\"0\"><th scope=\"row\" style=\"padding-left: 0.5rem\">"
                + "<span class=\"visually-hidden\">Folder, level 1: </span><span class=\"entry-name\">Show/</span></th>"
                + "<td class=\"size\">2.00 KiB</td></tr>"
                + "<tr class=\"file depth-1\" data-depth=\"1\"><th scope=\"row\" style=\"padding-left: 1.75rem\">"
                + "<span class=\"visually-hidden\">File, level 2: </span><span class=\"entry-name\">a.mkv</span></th>"
                + "<td class=\"size\">100 B</td></tr>", html);
    }

    @Test
    void scriptQuotesAndAmpersandsInANameComeOutEscaped() throws Exception {
        String html = rows(List.of(new FileTreeRow("<script>alert(\"x\")</script> & 'q'", 2, 1, true)));

        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("<span class=\"entry-name\">&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; 'q'/</span>"), html);
    }

    @Test
    void noRowsNothing() throws Exception {
        assertEquals("", rows(List.of()));
    }
}
