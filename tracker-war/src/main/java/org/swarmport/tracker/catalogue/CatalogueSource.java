package org.swarmport.tracker.catalogue;

import java.util.function.Consumer;

/**
 * The whole catalogue, read in one pass, for rebuilding the search index when it is missing,
 * corrupt or of an older layout. Implemented by the catalogue over the database.
 */
public interface CatalogueSource {

    /** Every torrent, in id order, streamed: never the whole catalogue in memory at once. */
    void forEach(Consumer<CataloguedTorrent> sink);

    long count();
}
