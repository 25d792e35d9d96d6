package org.swarmport.tracker.swarm;

/**
 * What announce and scrape report about a swarm (BEP 48 names: {@code complete},
 * {@code incomplete}, {@code downloaded}).
 *
 * @param seeders   peers with nothing left to download, IPv4 and IPv6 together
 * @param leechers  peers still downloading, IPv4 and IPv6 together
 * @param completed completed events counted while this registry held the swarm
 */
public record SwarmCounts(int seeders, int leechers, int completed) {

    public static final SwarmCounts NONE = new SwarmCounts(0, 0, 0);

    /** One torrent's counts from two sets of peers (the registry's and the browsers'). */
    public SwarmCounts plus(SwarmCounts other) {
        if (other.seeders == 0 && other.leechers == 0 && other.completed == 0) {
            return this;    // the usual case on the hot path: no browser peers
        }
        return new SwarmCounts(seeders + other.seeders, leechers + other.leechers, completed + other.completed);
    }
}
