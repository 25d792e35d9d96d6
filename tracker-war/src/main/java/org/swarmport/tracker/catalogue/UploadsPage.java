package org.swarmport.tracker.catalogue;

import java.time.OffsetDateTime;
import java.util.List;

/** What {@code GET /torrents?uploader=…} answers: the newest of an uploader's torrents and their total. */
public record UploadsPage(String uploader, long total, List<Upload> torrents) {

    static final int MAX_LIMIT = 100;

    /** One torrent as a list of uploads shows it. */
    public record Upload(long id, String name, long totalSize, Category category, OffsetDateTime addedAt,
                         int seeders, int leechers) {

        static Upload of(Torrent torrent) {
            return new Upload(torrent.id(), torrent.name(), torrent.totalSize(), torrent.category(), torrent.addedAt(),
                    torrent.seeders(), torrent.leechers());
        }
    }
}
