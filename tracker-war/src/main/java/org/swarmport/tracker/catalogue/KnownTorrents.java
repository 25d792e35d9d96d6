package org.swarmport.tracker.catalogue;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.swarmport.tracker.announce.SwarmHashes;

/**
 * The catalogue's info-hashes in memory, so an announce never waits for the database: in
 * {@code registered} mode they are the torrents the tracker tracks, and in every mode they
 * join a hybrid torrent's v1 and v2 hashes into one swarm.
 *
 * <p>Follows the catalogue's changes as soon as they commit, so a torrent added through the
 * API is announceable, and one deleted is refused, before the API has answered; reloaded
 * every {@value #RELOAD_SECONDS} s as well, and by {@link #refresh()}. When the database does
 * not answer, the last copy stays in use.
 */
@ApplicationScoped
public class KnownTorrents implements SwarmHashes {

    static final long RELOAD_SECONDS = 60;
    private static final Logger LOG = Logger.getLogger(KnownTorrents.class.getName());

    /** 20 bytes as two longs and an int: no array and no String per torrent. */
    record Key(long high, long middle, int low) {
        static Key of(byte[] hash) {
            ByteBuffer bytes = ByteBuffer.wrap(hash);
            return new Key(bytes.getLong(), bytes.getLong(), bytes.getInt());
        }
    }

    @PersistenceContext(unitName = "tracker")
    EntityManager em;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** Read without a lock by announces; changed and replaced under this object's lock. */
    private volatile Map<Key, byte[]> swarmHashes = new ConcurrentHashMap<>();
    private volatile int torrents;
    private ScheduledFuture<?> reloads;

    void start(@Observes @Initialized(ApplicationScoped.class) Object warStarted) {
        refresh();
        reloads = scheduler.scheduleWithFixedDelay(this::refresh, RELOAD_SECONDS, RELOAD_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (reloads != null) {
            reloads.cancel(false);
        }
    }

    @Override
    public byte[] swarmHashOf(byte[] infoHash) {
        return swarmHashes.get(Key.of(infoHash));
    }

    /** Torrents in the catalogue when it was last read. */
    public int size() {
        return torrents;
    }

    /** Reads the catalogue's hashes again; true when it could. */
    public synchronized boolean refresh() {
        try {
            List<Object[]> rows = em.createNamedQuery(Torrent.HASHES, Object[].class).getResultList();
            swarmHashes = new ConcurrentHashMap<>(index(rows));
            torrents = rows.size();
            return true;
        } catch (PersistenceException e) {
            // The schema bean reports an unreachable database once; this keeps the last copy.
            LOG.log(Level.FINE, "catalogue hashes not reloaded", e);
            return false;
        }
    }

    /**
     * A committed change, applied in place. Under the lock, so a {@link #refresh()} that read
     * the database before this commit cannot put back what this removes or drop what it adds.
     */
    synchronized void follow(@Observes(during = TransactionPhase.AFTER_SUCCESS) CatalogueChange change) {
        if (change instanceof CatalogueChange.Stored stored) {
            CataloguedTorrent torrent = stored.torrent();
            boolean isNew = !swarmHashes.containsKey(Key.of(HexFormat.of().parseHex(torrent.swarmHash())));
            swarmHashes.putAll(index(List.<Object[]>of(
                    new Object[] {torrent.swarmHash(), torrent.infoHashV1(), torrent.infoHashV2()})));
            if (isNew) {
                torrents++;
            }
        } else if (change instanceof CatalogueChange.Removed removed) {
            byte[] swarmHash = HexFormat.of().parseHex(removed.swarmHash().trim());
            // A hybrid's truncated v2 key maps to the same swarm hash; few deletes, so one pass is fine.
            if (swarmHashes.values().removeIf(hash -> Arrays.equals(hash, swarmHash))) {
                torrents--;
            }
        }
    }

    /** Each row: swarm hash, v1 hash, v2 hash (hex, the last two nullable). */
    static Map<Key, byte[]> index(List<Object[]> rows) {
        HexFormat hex = HexFormat.of();
        Map<Key, byte[]> index = new HashMap<>(rows.size() * 2);
        for (Object[] row : rows) {
            byte[] swarmHash = hex.parseHex(((String) row[0]).trim());
            index.put(Key.of(swarmHash), swarmHash);
            if (row[1] != null) {
                index.put(Key.of(hex.parseHex(((String) row[1]).trim())), swarmHash);
            }
            if (row[2] != null) {
                index.put(Key.of(hex.parseHex(((String) row[2]).trim().substring(0, 40))), swarmHash);
            }
        }
        return index;
    }
}
