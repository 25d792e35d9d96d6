package org.swarmport.tracker.catalogue;

import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.time.format.DateTimeFormatter;
import org.swarmport.tracker.api.JsonAnswerWriter;

/** {@code GET /torrents/{id}}'s answer, the portal's torrent page's one call, without reflection. */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class TorrentDetailsWriter extends JsonAnswerWriter<TorrentDetails> {

    public TorrentDetailsWriter() {
        super(TorrentDetails.class);
    }

    /** The members of {@link TorrentDetails} in name order ({@code isPrivate} is written as {@code private}). */
    @Override
    protected void write(TorrentDetails torrent, JsonGenerator json) {
        json.writeStartObject();
        date(json, "addedAt", torrent.addedAt(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        category(json, torrent.category());
        json.write("completed", torrent.completed());
        string(json, "description", torrent.description());
        json.write("fileCount", torrent.fileCount());
        if (torrent.files() != null) {
            json.writeStartArray("files");
            for (TorrentDetails.File file : torrent.files()) {
                json.writeStartObject().write("length", file.length());
                string(json, "path", file.path());
                json.writeEnd();
            }
            json.writeEnd();
        }
        json.write("id", torrent.id());
        string(json, "infoHashV1", torrent.infoHashV1());
        string(json, "infoHashV2", torrent.infoHashV2());
        string(json, "infoName", torrent.infoName());
        json.write("leechers", torrent.leechers());
        string(json, "magnet", torrent.magnet());
        string(json, "name", torrent.name());
        json.write("pieceLength", torrent.pieceLength()).write("private", torrent.isPrivate())
                .write("seeders", torrent.seeders());
        strings(json, "tags", torrent.tags());
        string(json, "title", torrent.title());
        json.write("totalSize", torrent.totalSize());
        string(json, "uploader", torrent.uploader());
        json.writeEnd();
    }
}
