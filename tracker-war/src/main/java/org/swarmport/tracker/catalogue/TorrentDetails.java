package org.swarmport.tracker.catalogue;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A torrent as {@code GET /torrents/{id}} answers it. {@code name} is what to show: the
 * uploader's {@code title} when there is one (else absent), otherwise {@code infoName}, the
 * name in the .torrent's info dictionary. {@code files} holds at most the first
 * {@value #MAX_FILES} files; {@code fileCount} says how many there are.
 */
public record TorrentDetails(long id, String infoHashV1, String infoHashV2, String name, long totalSize,
                             long pieceLength, @JsonbProperty("private") boolean isPrivate, Category category,
                             List<String> tags, String description, String uploader, OffsetDateTime addedAt,
                             int seeders, int leechers, long completed, int fileCount, List<File> files,
                             String magnet, String title, String infoName) {

    static final int MAX_FILES = 10_000;

    public record File(String path, long length) {
    }

    static TorrentDetails of(Torrent torrent, List<TorrentFile> files, String announceUrl) {
        return new TorrentDetails(torrent.id(), torrent.infoHashV1(), torrent.infoHashV2(), torrent.displayName(),
                torrent.totalSize(), torrent.pieceLength(), torrent.isPrivate(), torrent.category(), torrent.tags(),
                torrent.description(), torrent.uploader(), torrent.addedAt(), torrent.seeders(), torrent.leechers(),
                torrent.completed(), torrent.fileCount(),
                files.stream().map(file -> new File(file.path(), file.length())).toList(),
                MagnetLink.of(torrent.infoHashV1(), torrent.infoHashV2(), torrent.displayName(), announceUrl),
                torrent.title(), torrent.name());
    }
}
