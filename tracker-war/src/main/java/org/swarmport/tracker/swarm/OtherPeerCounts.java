package org.swarmport.tracker.swarm;

/**
 * Counts of a swarm's peers that the registry does not hold: browser peers (WebTorrent), who
 * have no IP:port to hand to HTTP or UDP clients but belong to the same torrent. HTTP and UDP
 * answers add them to the registry's counts, so {@code complete}/{@code incomplete} are one
 * torrent's numbers whatever protocol its peers speak.
 */
@FunctionalInterface
public interface OtherPeerCounts {

    /** No peers outside the registry (tests, or a tracker without the WebSocket endpoint). */
    OtherPeerCounts NONE = swarmHash -> SwarmCounts.NONE;

    /** The counts of the swarm keyed by the first 20 bytes of {@code swarmHash}; zeros when none. */
    SwarmCounts of(byte[] swarmHash);

    /** One torrent's numbers: the registry's counts of the swarm plus these peers'. */
    default SwarmCounts withRegistry(SwarmRegistry registry, byte[] swarmHash) {
        return registry.scrape(swarmHash).orElse(SwarmCounts.NONE).plus(of(swarmHash));
    }
}
