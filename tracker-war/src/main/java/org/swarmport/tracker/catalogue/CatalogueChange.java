package org.swarmport.tracker.catalogue;

import java.util.List;

/**
 * CDI events the catalogue fires after a transaction that changed it has committed
 * ({@code @Observes(during = TransactionPhase.AFTER_SUCCESS)}), so the search index follows
 * every create, update, delete and count batch without the catalogue knowing about it.
 */
public sealed interface CatalogueChange {

    /** Created, or edited (name, description, category, tags): the whole torrent as it is now. */
    record Stored(CataloguedTorrent torrent) implements CatalogueChange {
    }

    record Removed(long id, String swarmHash) implements CatalogueChange {
    }

    /** A batch of counts from the swarm registry: each torrent's counts as the catalogue now holds them. */
    record Counts(List<CataloguedCounts> counts) implements CatalogueChange {
        public Counts {
            counts = List.copyOf(counts);
        }
    }
}
