package org.swarmport.platform;

import jakarta.persistence.EntityManager;
import jakarta.transaction.UserTransaction;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.swarmport.tracker.catalogue.Torrent;

/** A torrent the platform tests store in the tracker's catalogue from inside the server. */
final class MarkerTorrent {

    private MarkerTorrent() {
    }

    static void store(EntityManager em, UserTransaction tx, String name) throws Exception {
        byte[] hash = new byte[20];
        ThreadLocalRandom.current().nextBytes(hash);
        tx.begin();
        em.persist(new Torrent(HexFormat.of().formatHex(hash), null, name, 1, OffsetDateTime.now(ZoneOffset.UTC)));
        tx.commit();
    }

    static List<Torrent> find(EntityManager em, String name) {
        return em.createQuery("select t from Torrent t where t.name = :name", Torrent.class)
                .setParameter("name", name)
                .getResultList();
    }

    static void removeAll(EntityManager em, UserTransaction tx, String name) throws Exception {
        tx.begin();
        find(em, name).forEach(em::remove);
        tx.commit();
    }
}
