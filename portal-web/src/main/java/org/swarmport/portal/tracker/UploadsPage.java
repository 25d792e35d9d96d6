package org.swarmport.portal.tracker;

import java.time.OffsetDateTime;
import java.util.List;

/** What {@code GET /api/v1/torrents?uploader=…} answers: an uploader's newest torrents and how many there are. */
public record UploadsPage(String uploader, long total, List<Upload> torrents) {

    public UploadsPage {
        torrents = torrents == null ? List.of() : List.copyOf(torrents);
    }

    /** One uploaded torrent. */
    public record Upload(long id, String name, long totalSize, Category category, OffsetDateTime addedAt,
                         int seeders, int leechers) {
    }
}
