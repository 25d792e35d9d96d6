package org.swarmport.portal.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.swarmport.portal.tracker.Category;
import org.swarmport.portal.tracker.SearchHit;

class FeedItemsTest {

    private static final String V1 = "0123456789abcdef0123456789abcdef01234567";
    private static final Instant ADDED = Instant.parse("2026-12-01T10:00:00Z");

    private static SearchHit hit(Category category, List<String> tags, String magnet) {
        return new SearchHit(7, "Show.S01E02", V1, null, 1536, category, tags, ADDED, 3, 4, 9, magnet);
    }

    @Test
    void anItemIsMadeFromTheHitAloneWithItsMagnet() {
        String magnet = "magnet:?xt=urn:btih:" + V1 + "&dn=Show.S01E02&tr=http%3A%2F%2Ft%2Fannounce";

        FeedItem item = FeedItems.of(List.of(hit(new Category(5000, "TV"), List.of("hd", "x264"), magnet)),
                "http://site", "k ey").get(0);

        assertEquals(new FeedItem(7, "Show.S01E02", "http://site/torrent?id=7", "http://site/download/7.torrent?apikey=k+ey",
                1536, 5000, "TV", ADDED, "TV, 1.50 KiB, 3 seeders, 4 leechers, tags: hd, x264", V1, magnet, 3, 4), item);
    }

    @Test
    void aHitWithoutCategoryTagsOrMagnetStillMakesAnItem() {
        FeedItem item = FeedItems.of(List.of(hit(null, List.of(), null)), "http://site", null).get(0);

        assertEquals("http://site/download/7.torrent", item.downloadUrl());
        assertEquals("Other, 1.50 KiB, 3 seeders, 4 leechers", item.description());
        assertEquals(8000, item.categoryId());
        assertNull(item.magnet(), "no magneturl attribute then, rather than a made-up one");
    }
}
