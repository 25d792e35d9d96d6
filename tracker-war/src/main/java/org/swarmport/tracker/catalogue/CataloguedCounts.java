package org.swarmport.tracker.catalogue;

/**
 * A swarm's counts as the catalogue holds them once a batch has committed: absolute values,
 * completed included, so whoever follows the catalogue (the search index) copies them and can
 * never drift from it, whatever batches it missed.
 */
public record CataloguedCounts(String swarmHash, int seeders, int leechers, long completed) {
}
