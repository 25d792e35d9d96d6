package org.swarmport.tracker.catalogue;

/** A swarm's counts for the catalogue: the latest seeders and leechers, and completed downloads to add. */
public record SwarmCountsUpdate(String swarmHash, int seeders, int leechers, long completedIncrement) {

    /** This update followed by a later one: the later counts, both increments. */
    SwarmCountsUpdate then(SwarmCountsUpdate later) {
        return new SwarmCountsUpdate(swarmHash, later.seeders, later.leechers, completedIncrement + later.completedIncrement);
    }
}
