package org.swarmport.portal.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.ProcessingException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonAnswerReaderTest {

    private static <T> T read(JsonAnswerReader<T> reader, Class<T> type, String json) {
        return reader.readFrom(type, type, null, null, null, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** As the tracker's SearchResultsWriter writes it: members in name order, nulls left out. */
    @Test
    void searchResultsAsTheTrackerWritesThem() {
        SearchResults results = read(new SearchResultsReader(), SearchResults.class, """
                {"categories":{"2000":1,"5000":21},"hits":[{"added":"2026-12-01T22:56:59Z",\
                "category":{"id":5000,"name":"TV"},"completed":40,"id":7,"infoHashV1":"ab","leechers":3,\
                "magnet":"magnet:?xt=urn:btih:ab&dn=x","name":"<b>Show</b> & \\"q\\"","seeders":12,"size":1610612736,\
                "tags":["hd","x"],"future":{"a":[1,2]}},{"completed":0,"id":8,"leechers":0,"name":"n","seeders":0,\
                "size":1,"tags":[]}],"total":22}""");

        assertEquals(22, results.total());
        assertEquals(Map.of("2000", 1L, "5000", 21L), results.categories());
        assertEquals(new SearchHit(7, "<b>Show</b> & \"q\"", "ab", null, 1610612736L, new Category(5000, "TV"),
                List.of("hd", "x"), Instant.parse("2026-12-01T22:56:59Z"), 12, 3, 40, "magnet:?xt=urn:btih:ab&dn=x"),
                results.hits().get(0));
        assertEquals(new SearchHit(8, "n", null, null, 1, null, List.of(), null, 0, 0, 0, null), results.hits().get(1));
    }

    @Test
    void torrentDetailsAsTheTrackerWritesThem() {
        TorrentDetails t = read(new TorrentDetailsReader(), TorrentDetails.class, """
                {"addedAt":"2026-12-01T22:56:59.123Z","category":{"id":2000,"name":"Movies"},"completed":5,\
                "description":"First line <b>\\nSecond","fileCount":2,"files":[{"length":60000,"path":"F/video/a.mkv"},\
                {"length":5,"path":"F/readme.txt"}],"id":9,"infoHashV1":"aa","infoHashV2":"bb","infoName":"F",\
                "leechers":1,"magnet":"magnet:?x","name":"Feature","pieceLength":16384,"private":false,"seeders":4,\
                "tags":["hd"],"title":"Feature","totalSize":60005,"uploader":"ann"}""");

        assertEquals(new TorrentDetails(9, "aa", "bb", "Feature", 60005, new Category(2000, "Movies"), List.of("hd"),
                "First line <b>\nSecond", OffsetDateTime.parse("2026-12-01T22:56:59.123Z"), 4, 1, 5, 2,
                List.of(new TorrentDetails.File("F/video/a.mkv", 60000), new TorrentDetails.File("F/readme.txt", 5)),
                "magnet:?x", "ann", "Feature", "F"), t);
    }

    @Test
    void nullMembersAreTheRecordsDefaults() {
        TorrentDetails t = read(new TorrentDetailsReader(), TorrentDetails.class,
                "{\"id\":3,\"category\":null,\"tags\":null,\"files\":null,\"description\":null,\"seeders\":null}");
        assertEquals(3, t.id());
        assertNull(t.category());
        assertEquals(List.of(), t.tags());
        assertEquals(List.of(), t.files());
        assertEquals(0, t.seeders());
    }

    @Test
    void aMalformedAnswerIsAProcessingException() {
        for (String bad : List.of("", "[]", "{\"total\":\"many\"}", "{\"hits\":[1]}", "{\"total\":1.5}",
                "{\"hits\":[{\"added\":\"yesterday\"}]}", "{\"total\":1", "{\"total\":99999999999999999999}")) {
            assertThrows(ProcessingException.class, () -> read(new SearchResultsReader(), SearchResults.class, bad), bad);
        }
        assertThrows(ProcessingException.class,
                () -> read(new TorrentDetailsReader(), TorrentDetails.class, "{\"seeders\":3000000000}"));
    }
}
