package org.swarmport.tracker.swarm;

/**
 * Receives swarm counts from {@link SwarmRegistry#drainChanged} and
 * {@link SwarmRegistry#forEachSwarm}. Called without any registry lock held.
 */
@FunctionalInterface
public interface SwarmCountsSink {

    /**
     * @param infoHash            20 bytes, in a buffer the registry reuses for the next call:
     *                            copy it if you keep it
     * @param completed           the swarm's completed counter in this registry
     * @param completedIncrement  completed events not yet handed out by a drain. The catalogue
     *                            should add this to its stored count instead of storing
     *                            {@code completed}: the in-memory counter starts again from 0
     *                            after a restart or after an idle swarm was dropped
     */
    void accept(byte[] infoHash, int seeders, int leechers, int completed, int completedIncrement);
}
