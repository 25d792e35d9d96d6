package org.swarmport.tracker.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.UserTransaction;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.swarmport.tracker.TrackerDeployment;

/**
 * Runs inside the server against whichever database the datasource points at (H2, or
 * PostgreSQL in CI): the entity must match the schema Flyway created.
 */
@ExtendWith(ArquillianExtension.class)
class CatalogueIT {

    @Deployment
    static WebArchive deployment() {
        return TrackerDeployment.war().addClass(CatalogueIT.class);
    }

    @Inject
    Catalogue catalogue;

    @PersistenceContext(unitName = "tracker")
    EntityManager em;

    @Inject
    UserTransaction tx;

    private static String randomHex(int bytes) {
        byte[] hash = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(hash);
        return HexFormat.of().formatHex(hash);
    }

    @Test
    void storedTorrentIsCountedAndReadBackUnchanged() throws Exception {
        long before = catalogue.count();
        OffsetDateTime added = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        Torrent torrent = new Torrent(randomHex(20), randomHex(32), "Some.Release.2026.1080p", 1L << 33, added);

        tx.begin();
        em.persist(torrent);
        tx.commit();
        try {
            assertNotNull(torrent.id());
            assertEquals(before + 1, catalogue.count());
            em.clear();
            Torrent read = em.find(Torrent.class, torrent.id());
            assertEquals(torrent.infoHashV1(), read.infoHashV1());
            assertEquals(torrent.infoHashV2(), read.infoHashV2());
            assertEquals(1L << 33, read.totalSize());
            assertEquals(added.toInstant(), read.addedAt().toInstant());
        } finally {
            tx.begin();
            em.remove(em.find(Torrent.class, torrent.id()));
            tx.commit();
        }
    }

    @Test
    void sameInfoHashCannotBeStoredTwice() throws Exception {
        String hash = randomHex(20);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        tx.begin();
        Torrent first = new Torrent(hash, null, "first", 1, now);
        em.persist(first);
        tx.commit();
        try {
            tx.begin();
            // With identity keys the insert, and so the violation, happens at persist.
            assertThrows(PersistenceException.class, () -> {
                em.persist(new Torrent(hash, null, "second", 1, now));
                em.flush();
            });
            tx.rollback();
        } finally {
            tx.begin();
            em.remove(em.find(Torrent.class, first.id()));
            tx.commit();
        }
    }
}
