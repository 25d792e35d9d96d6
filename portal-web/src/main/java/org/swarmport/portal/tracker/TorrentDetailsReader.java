package org.swarmport.portal.tracker;

import jakarta.json.stream.JsonParser;
import java.time.OffsetDateTime;
import java.util.List;

/** {@code GET /torrents/{id}}'s answer ({@link TorrentDetails}), read as {@link JsonAnswerReader} says. */
public class TorrentDetailsReader extends JsonAnswerReader<TorrentDetails> {

    public TorrentDetailsReader() {
        super(TorrentDetails.class);
    }

    @Override
    protected TorrentDetails read(JsonParser json) {
        long id = 0, totalSize = 0, completed = 0;
        int seeders = 0, leechers = 0, fileCount = 0;
        String v1 = null, v2 = null, name = null, description = null, magnet = null, uploader = null, title = null,
                infoName = null;
        Category category = null;
        List<String> tags = null;
        List<TorrentDetails.File> files = null;
        OffsetDateTime addedAt = null;
        for (String key = nextKey(json); key != null; key = nextKey(json)) {
            switch (key) {
                case "id" -> id = number(json);
                case "infoHashV1" -> v1 = string(json);
                case "infoHashV2" -> v2 = string(json);
                case "name" -> name = string(json);
                case "totalSize" -> totalSize = number(json);
                case "category" -> category = category(json);
                case "tags" -> tags = strings(json);
                case "description" -> description = string(json);
                case "addedAt" -> {
                    String text = string(json);
                    addedAt = text == null ? null : OffsetDateTime.parse(text);
                }
                case "seeders" -> seeders = intNumber(json);
                case "leechers" -> leechers = intNumber(json);
                case "completed" -> completed = number(json);
                case "fileCount" -> fileCount = intNumber(json);
                case "files" -> files = objects(json, "a file", TorrentDetailsReader::file);
                case "magnet" -> magnet = string(json);
                case "uploader" -> uploader = string(json);
                case "title" -> title = string(json);
                case "infoName" -> infoName = string(json);
                default -> skip(json);
            }
        }
        return new TorrentDetails(id, v1, v2, name, totalSize, category, tags, description, addedAt, seeders, leechers,
                completed, fileCount, files, magnet, uploader, title, infoName);
    }

    private static TorrentDetails.File file(JsonParser json) {
        String path = null;
        long length = 0;
        for (String key = nextKey(json); key != null; key = nextKey(json)) {
            switch (key) {
                case "path" -> path = string(json);
                case "length" -> length = number(json);
                default -> skip(json);
            }
        }
        return new TorrentDetails.File(path, length);
    }
}
