package org.swarmport.portal.tracker;

import java.time.Instant;
import java.util.List;

/**
 * One torrent in a page of search results, as {@code GET /api/v1/search} answers it.
 *
 * @param magnet the magnet link the torrent's details give (null from a tracker before it had one)
 */
public record SearchHit(long id, String name, String infoHashV1, String infoHashV2, long size, Category category,
                        List<String> tags, Instant added, long seeders, long leechers, long completed, String magnet) {
}
