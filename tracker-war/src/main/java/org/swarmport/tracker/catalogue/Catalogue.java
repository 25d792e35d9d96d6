package org.swarmport.tracker.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.Collection;

/** The torrents this tracker knows, as stored in the {@code tracker} schema. */
@ApplicationScoped
public class Catalogue {

    @PersistenceContext(unitName = "tracker")
    EntityManager em;

    public long count() {
        return em.createNamedQuery(Torrent.COUNT, Long.class).getSingleResult();
    }

    /**
     * Writes a batch of counts in one transaction; swarms the catalogue does not hold (open
     * mode) change nothing. Answers how many torrents were updated.
     */
    @Transactional
    public int updateCounts(Collection<SwarmCountsUpdate> updates) {
        Query update = em.createNamedQuery(Torrent.UPDATE_COUNTS);
        int updated = 0;
        for (SwarmCountsUpdate counts : updates) {
            updated += update.setParameter("seeders", counts.seeders())
                    .setParameter("leechers", counts.leechers())
                    .setParameter("completedIncrement", counts.completedIncrement())
                    .setParameter("swarmHash", counts.swarmHash())
                    .executeUpdate();
        }
        return updated;
    }
}
