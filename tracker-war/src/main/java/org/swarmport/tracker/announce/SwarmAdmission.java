package org.swarmport.tracker.announce;

import org.swarmport.tracker.config.TrackerMode;

/**
 * Which swarm an info-hash is tracked in under the access mode, the same for every protocol
 * (HTTP, UDP): in {@code registered} mode only the catalogue's torrents have one; in
 * {@code open} mode any hash does, and the catalogue still joins a hybrid torrent's v1 and v2
 * hashes (BEP 52) so both kinds of peers meet.
 */
public final class SwarmAdmission {

    static final String UNREGISTERED = "unregistered torrent: this tracker only tracks torrents in its catalogue";

    private final SwarmHashes catalogue;
    private final TrackerMode mode;

    public SwarmAdmission(SwarmHashes catalogue, TrackerMode mode) {
        this.catalogue = catalogue;
        this.mode = mode;
    }

    /** The 20-byte swarm hash {@code infoHash} is tracked under, or null when it is not tracked. */
    public byte[] swarmOf(byte[] infoHash) {
        byte[] known = catalogue.swarmHashOf(infoHash);
        if (known != null) {
            return known;
        }
        return mode == TrackerMode.REGISTERED ? null : infoHash;
    }

    /**
     * As {@link #swarmOf}, for an announce, which must be refused when the hash is not tracked.
     *
     * @throws TrackerRequestException naming the reason, for the client's user
     */
    public byte[] announcedSwarmOf(byte[] infoHash) {
        byte[] swarm = swarmOf(infoHash);
        if (swarm == null) {
            throw new TrackerRequestException(UNREGISTERED);
        }
        return swarm;
    }
}
