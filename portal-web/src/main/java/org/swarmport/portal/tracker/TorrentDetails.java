package org.swarmport.portal.tracker;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A torrent as {@code GET /api/v1/torrents/{id}} answers it, as far as the portal reads it.
 * {@code files} holds at most the tracker's first 10,000 files; {@code fileCount} says how many
 * there are. {@code name} is what to show: the uploader's {@code title} (null when none was
 * given), else {@code infoName}, the .torrent's own name. {@code uploader} is the uploading
 * account's username (null for torrents published otherwise).
 */
public record TorrentDetails(long id, String infoHashV1, String infoHashV2, String name, long totalSize,
                             Category category, List<String> tags, String description, OffsetDateTime addedAt,
                             int seeders, int leechers, long completed, int fileCount, List<File> files,
                             String magnet, String uploader, String title, String infoName) {

    public TorrentDetails {
        tags = tags == null ? List.of() : List.copyOf(tags);
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** One file: its {@code /}-separated path inside the torrent and its length. */
    public record File(String path, long length) {
    }
}
