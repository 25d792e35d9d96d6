package org.swarmport.tracker.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class TorrentDetailsWriterTest {

    /** The expected texts are what JSON-B (Yasson 3.0.4, WildFly 39's) wrote for the same records. */
    @Test
    void writesWhatJsonBWroteWithControlCharactersEscaped() {
        TorrentDetails details = new TorrentDetails(9, "aa".repeat(20), null, "Name", 99, 16384, true, Category.MOVIES,
                List.of("a"), "line1\nline2\t\u0001", null, OffsetDateTime.parse("2026-12-02T01:02:00Z"), 1, 2, 3, 2,
                List.of(new TorrentDetails.File("d/f.txt", 5), new TorrentDetails.File("g", 94)),
                "magnet:?xt=urn:btih:aa&dn=Name", null, "Name");

        assertEquals("{\"addedAt\":\"2026-12-02T01:02:00Z\",\"category\":{\"id\":2000,\"name\":\"Movies\"},\"completed\":3,"
                + "\"description\":\"line1\\nline2\\t\\u0001\",\"fileCount\":2,"
                + "\"files\":[{\"length\":5,\"path\":\"d/f.txt\"},{\"length\":94,\"path\":\"g\"}],\"id\":9,"
                + "\"infoHashV1\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",\"infoName\":\"Name\",\"leechers\":2,"
                + "\"magnet\":\"magnet:?xt=urn:btih:aa&dn=Name\",\"name\":\"Name\",\"pieceLength\":16384,\"private\":true,"
                + "\"seeders\":1,\"tags\":[\"a\"],\"totalSize\":99}", written(details));
    }

    @Test
    void writesTitleUploaderAndAnOffsetWithFractionsAsJsonBDid() {
        TorrentDetails details = new TorrentDetails(10, null, "bb".repeat(32), "N", 1, 1, false, null, List.of(), null,
                "alice", OffsetDateTime.parse("2026-12-02T01:02:03.5+02:00"), 0, 0, 0, 0, List.of(), "m", "T", "N");

        assertEquals("{\"addedAt\":\"2026-12-02T01:02:03.5+02:00\",\"completed\":0,\"fileCount\":0,\"files\":[],\"id\":10,"
                + "\"infoHashV2\":\"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\",\"infoName\":\"N\","
                + "\"leechers\":0,\"magnet\":\"m\",\"name\":\"N\",\"pieceLength\":1,\"private\":false,\"seeders\":0,"
                + "\"tags\":[],\"title\":\"T\",\"totalSize\":1,\"uploader\":\"alice\"}", written(details));
    }

    @Test
    void writesOnlyItsOwnType() {
        TorrentDetailsWriter writer = new TorrentDetailsWriter();
        assertTrue(writer.isWriteable(TorrentDetails.class, TorrentDetails.class, null, null));
        assertFalse(writer.isWriteable(UploadsPage.class, UploadsPage.class, null, null));
    }

    private static String written(TorrentDetails details) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TorrentDetailsWriter().writeTo(details, TorrentDetails.class, TorrentDetails.class, null, null, null, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
