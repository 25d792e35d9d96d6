package org.swarmport.tracker.swarm;

/**
 * The {@code event} of an announce (BEP 3; BEP 15 numbers them 0–3 in the same order as
 * {@link #NONE}, {@link #COMPLETED}, {@link #STARTED}, {@link #STOPPED}).
 */
public enum AnnounceEvent {
    /**
     * A regular announce, sent every interval. BEP 21's {@code paused} (an upload-only client
     * that stopped transferring) arrives as this too: the peer is still in the swarm and its
     * {@code left} already says whether it is a seeder.
     */
    NONE,
    /** The download finished; counted once per peer in the swarm's completed counter. */
    COMPLETED,
    /** The first announce of a session; handled like {@link #NONE}. */
    STARTED,
    /** The peer leaves: it is removed at once and is sent no peers. */
    STOPPED
}
