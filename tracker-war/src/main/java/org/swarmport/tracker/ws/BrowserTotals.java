package org.swarmport.tracker.ws;

/**
 * The browser peers' part of the tracker's totals, for the stats page and metrics.
 *
 * @param swarms        swarms with browser peers
 * @param browserOnlySwarms of those, swarms the registry holds no HTTP or UDP peer of: what
 *                      the registry's swarm count lacks, since a torrent is one swarm whatever
 *                      its peers speak
 * @param seeders       browser peers seeding
 * @param leechers      browser peers downloading
 */
public record BrowserTotals(long swarms, long browserOnlySwarms, long seeders, long leechers) {
}
