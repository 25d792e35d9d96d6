package org.swarmport.tracker.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Observes the catalogue's changes the way the search index does: after the transaction succeeded. */
@ApplicationScoped
public class RecordedChanges {

    private final List<CatalogueChange> changes = new CopyOnWriteArrayList<>();

    void record(@Observes(during = TransactionPhase.AFTER_SUCCESS) CatalogueChange change) {
        changes.add(change);
    }

    List<CatalogueChange> changes() {
        return List.copyOf(changes);
    }

    void clear() {
        changes.clear();
    }
}
