package org.swarmport.portal.feed;

import java.time.Instant;

/**
 * One torrent as a feed item: what RSS and Torznab both say about it, with absolute links.
 *
 * @param detailsUrl  the torrent's page, {@code …/torrent?id=7}
 * @param downloadUrl its .torrent, {@code …/download/7.torrent}, with the asker's apikey if any
 * @param infoHash    the v1 info-hash in hex, else the v2 one: what clients match on
 */
record FeedItem(long id, String title, String detailsUrl, String downloadUrl, long size, int categoryId,
                String categoryName, Instant published, String description, String infoHash, String magnet,
                long seeders, long leechers) {
}
