package org.swarmport.tracker.swarm;

/**
 * Registry-wide figures for the stats page and metrics.
 *
 * @param swarms        swarms with at least one peer
 * @param emptySwarms   swarms kept without peers (for their completed count, or until drained)
 * @param seeders       seeding peers, IPv4 and IPv6
 * @param leechers      leeching peers, IPv4 and IPv6
 * @param ipv6Peers     of all peers, those in the IPv6 lists
 * @param refusedAtCap  new peers not remembered since start because their swarm was full
 */
public record RegistryTotals(long swarms, long emptySwarms, long seeders, long leechers,
                             long ipv6Peers, long refusedAtCap) {

    public long peers() {
        return seeders + leechers;
    }
}
