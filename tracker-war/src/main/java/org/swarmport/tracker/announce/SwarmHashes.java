package org.swarmport.tracker.announce;

/** Which swarm an announced info-hash belongs to, as far as the catalogue knows. */
public interface SwarmHashes {

    /**
     * The 20-byte hash the torrent's swarm is keyed by (its v1 hash, or its v2 hash truncated),
     * or null when the catalogue does not know the torrent. A hybrid torrent's two hashes
     * answer the same swarm hash, so v1 and v2 peers meet (BEP 52).
     */
    byte[] swarmHashOf(byte[] infoHash);
}
