package org.swarmport.portal.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportReasonTest {

    @Test
    void theFiveReasonsHaveTheCodesTheTableAllows() {
        assertEquals(List.of("spam", "illegal", "wrong-category", "fake", "other"),
                Arrays.stream(ReportReason.values()).map(ReportReason::code).toList());
    }

    @Test
    void aReasonIsFoundByItsCode() {
        assertEquals(Optional.of(ReportReason.WRONG_CATEGORY), ReportReason.fromCode("wrong-category"));
    }

    @Test
    void anythingElseAFormCouldSendIsNoReason() {
        for (String forged : new String[] {null, "", " spam", "SPAM", "WRONG_CATEGORY", "<script>", "spam;drop"}) {
            assertEquals(Optional.empty(), ReportReason.fromCode(forged), forged);
        }
    }

    @Test
    void detailsAreOptional() {
        assertEquals(Optional.empty(), ReportReason.detailsProblem(null));
        assertEquals(Optional.empty(), ReportReason.detailsProblem(""));
    }

    @Test
    void detailsUpToFiveHundredCharactersAfterTrimming() {
        assertEquals(Optional.empty(), ReportReason.detailsProblem("  " + "d".repeat(500) + "\n"));
        assertEquals(Optional.of("At most 500 characters."), ReportReason.detailsProblem("d".repeat(501)));
    }

    @Test
    void detailsWithControlCharactersAreRefused() {
        assertTrue(ReportReason.detailsProblem("escape \u001b[31m").isPresent());
    }

    @Test
    void oneOpenReportPerTargetIsKeyedByKindAndId() {
        assertEquals("torrent:7", ReportTarget.torrent(7).key());
        assertEquals("comment:42", ReportTarget.comment(42, 7).key());
        assertEquals(7, ReportTarget.comment(42, 7).torrentId());
    }
}
