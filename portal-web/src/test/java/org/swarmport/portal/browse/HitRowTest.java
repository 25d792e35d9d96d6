package org.swarmport.portal.browse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.swarmport.portal.tracker.Category;
import org.swarmport.portal.tracker.SearchHit;

class HitRowTest {

    @Test
    void cellsAreWrittenOnceAsTheTableShowsThem() {
        HitRow row = HitRow.of(List.of(new SearchHit(7, "<b>Show</b>", null, null, 3L << 29, new Category(5000, "TV"),
                List.of(), Instant.parse("2026-12-01T22:56:59Z"), 12, 3, 40, null))).get(0);
        assertEquals(7, row.getId());
        assertEquals("<b>Show</b>", row.getName()); // escaped by Facelets when written, not here
        assertEquals("TV", row.getCategory());
        assertEquals("1.50 GiB", row.getSize());
        assertEquals(12, row.getSeeders());
        assertEquals(3, row.getLeechers());
        assertEquals("2026-12-01T22:56:59Z", row.getAddedIso());
        assertEquals("2026-12-01 22:56 UTC", row.getAdded());
    }

    @Test
    void noCategoryAndNoDateAreEmpty() {
        HitRow row = new HitRows().of(List.of(new SearchHit(8, "n", null, null, 1, null, List.of(), null, 0, 0, 0, null))).get(0);
        assertEquals("", row.getCategory());
        assertEquals("", row.getAddedIso());
        assertEquals("", row.getAdded());
        assertEquals(List.of(), new HitRows().of(null));
    }
}
