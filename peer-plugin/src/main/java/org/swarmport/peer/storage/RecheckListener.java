package org.swarmport.peer.storage;

/**
 * Told about each piece a recheck hashes, so a command line can draw a progress bar and an
 * engine can announce pieces as they are found. Called on the checking thread.
 */
@FunctionalInterface
public interface RecheckListener {

    /** Ignores everything. */
    RecheckListener NONE = (piece, verified, done, total) -> { };

    /**
     * @param piece    the piece just checked
     * @param verified whether its data matched its hash
     * @param done     pieces checked so far in this recheck, this one included
     * @param total    pieces this recheck will check
     */
    void checked(int piece, boolean verified, int done, int total);
}
