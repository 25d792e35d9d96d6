package org.swarmport.tracker.catalogue;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the search index is told of a torrent in the catalogue: everything it indexes, and the
 * counts it shows and sorts by. Built by the catalogue from its entities; the search package
 * never reads the database itself.
 *
 * @param infoHashV1 40 lowercase hex, or null for a v2-only torrent
 * @param infoHashV2 64 lowercase hex, or null for a v1-only torrent
 * @param swarmHash  the key of the torrent's swarm (v1, else v2 truncated): what count batches name
 * @param files      every file's path inside the torrent, {@code /}-separated, pad files left out
 */
public record CataloguedTorrent(long id, String infoHashV1, String infoHashV2, String swarmHash, String name,
                                String description, Category category, List<String> tags, List<String> files,
                                long totalSize, OffsetDateTime addedAt, long seeders, long leechers, long completed) {

    public CataloguedTorrent {
        tags = List.copyOf(tags);
        files = List.copyOf(files);
    }
}
