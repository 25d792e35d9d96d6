package org.swarmport.tracker.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The torrents this tracker knows, as stored in the {@code tracker} schema. */
@ApplicationScoped
public class Catalogue {

    @PersistenceContext(unitName = "tracker")
    EntityManager em;

    public long count() {
        return em.createNamedQuery(Torrent.COUNT, Long.class).getSingleResult();
    }
}
