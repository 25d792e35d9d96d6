package org.swarmport.tracker.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.swarmport.tracker.catalogue.Category;

class SearchResultsWriterTest {

    /** The expected text is what JSON-B (Yasson 3.0.4, WildFly 39's) wrote for the same record. */
    @Test
    void writesWhatJsonBWroteMembersInNameOrderNullsLeftOut() {
        SearchResults.Hit hit = new SearchResults.Hit(7, "Show.S01E02.1080p \"x\" <b>é", "aa".repeat(20), null,
                1234567890123L, Category.TV, List.of("1080p", "x264"), Instant.parse("2026-12-02T01:02:00Z"), 5, 6, 7,
                "magnet:?xt=urn:btih:" + "aa".repeat(20) + "&dn=Show&tr=http%3A%2F%2Ft");
        SearchResults.Hit bare = new SearchResults.Hit(8, "n", null, "bb".repeat(32), 1, null, List.of(),
                Instant.parse("2026-12-02T01:02:03.456Z"), 0, 0, 0, null);
        SearchResults results = new SearchResults(List.of(hit, bare), 2, new TreeMap<>(Map.of("5000", 1L, "", 1L)));

        assertEquals("{\"categories\":{\"\":1,\"5000\":1},\"hits\":[{\"added\":\"2026-12-02T01:02:00Z\","
                + "\"category\":{\"id\":5000,\"name\":\"TV\"},\"completed\":7,\"id\":7,"
                + "\"infoHashV1\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",\"leechers\":6,"
                + "\"magnet\":\"magnet:?xt=urn:btih:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&dn=Show&tr=http%3A%2F%2Ft\","
                + "\"name\":\"Show.S01E02.1080p \\\"x\\\" <b>é\",\"seeders\":5,\"size\":1234567890123,"
                + "\"tags\":[\"1080p\",\"x264\"]},{\"added\":\"2026-12-02T01:02:03.456Z\",\"completed\":0,\"id\":8,"
                + "\"infoHashV2\":\"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\",\"leechers\":0,"
                + "\"name\":\"n\",\"seeders\":0,\"size\":1,\"tags\":[]}],\"total\":2}", written(results));
    }

    @Test
    void noHitsIsAnEmptyArray() {
        assertEquals("{\"categories\":{},\"hits\":[],\"total\":0}", written(new SearchResults(List.of(), 0, Map.of())));
    }

    private static String written(SearchResults results) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SearchResultsWriter().writeTo(results, SearchResults.class, SearchResults.class, null, null, null, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
