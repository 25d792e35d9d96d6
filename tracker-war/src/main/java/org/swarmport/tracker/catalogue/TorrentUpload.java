package org.swarmport.tracker.catalogue;

import jakarta.ws.rs.core.EntityPart;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.swarmport.tracker.api.ApiError;

/**
 * The parts of a {@code POST /torrents} multipart body, read and checked: {@code torrent} (the
 * .torrent file, required), {@code title}, {@code category}, {@code tags} (comma-separated),
 * {@code description}, {@code uploader}. Every part is read with a bound, so no part can make
 * the server hold more than it allows.
 */
record TorrentUpload(byte[] torrent, TorrentLabels labels, String uploader) {

    /** The largest .torrent accepted: a file of 100,000 paths fits, and nothing real is larger. */
    static final int MAX_TORRENT_BYTES = 10 << 20;
    private static final int MAX_FIELD_BYTES = PlainText.MAX_DESCRIPTION_BYTES;
    private static final Set<String> TEXT_PARTS = Set.of("title", "category", "tags", "description", "uploader");

    static TorrentUpload read(List<EntityPart> parts) throws IOException {
        byte[] torrent = null;
        Map<String, String> text = new HashMap<>();
        for (EntityPart part : parts) {
            String name = part.getName();
            if ("torrent".equals(name)) {
                if (torrent != null) {
                    throw new InvalidFieldException("torrent", "sent twice");
                }
                try (InputStream in = part.getContent()) {
                    torrent = bounded(in, MAX_TORRENT_BYTES, 413, "torrent: larger than 10 MiB");
                }
            } else if (TEXT_PARTS.contains(name)) {
                if (text.containsKey(name)) {
                    throw new InvalidFieldException(name, "sent twice");
                }
                try (InputStream in = part.getContent()) {
                    text.put(name, utf8(name, bounded(in, MAX_FIELD_BYTES, 400,
                            name + ": at most " + MAX_FIELD_BYTES + " bytes of UTF-8")));
                }
            } else {
                throw new InvalidFieldException(name == null ? "(unnamed part)" : name,
                        "unknown part: send torrent, title, category, tags, description, uploader");
            }
        }
        if (torrent == null || torrent.length == 0) {
            throw new InvalidFieldException("torrent", "missing: send the .torrent file as the part named torrent");
        }
        String category = text.get("category");
        TorrentLabels labels = new TorrentLabels(PlainText.title(text.get("title")),
                category == null || category.isBlank() ? Category.OTHER : Category.parse(category),
                Tags.parse(text.get("tags")), PlainText.description(text.get("description")));
        return new TorrentUpload(torrent, labels, PlainText.uploader(text.get("uploader")));
    }

    private static byte[] bounded(InputStream in, int max, int status, String tooLarge) throws IOException {
        byte[] read = in.readNBytes(max + 1);
        if (read.length > max) {
            throw ApiError.exception(status, tooLarge);
        }
        return read;
    }

    private static String utf8(String part, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidFieldException(part, "is not UTF-8");
        }
    }
}
