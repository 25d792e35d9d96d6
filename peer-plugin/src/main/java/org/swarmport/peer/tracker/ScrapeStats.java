package org.swarmport.peer.tracker;

/**
 * One torrent's counts from a scrape (BEP 48, BEP 15).
 *
 * @param seeders   peers with the whole torrent ({@code complete})
 * @param completed downloads ever finished ({@code downloaded})
 * @param leechers  peers still downloading ({@code incomplete})
 */
public record ScrapeStats(int seeders, int completed, int leechers) {
}
