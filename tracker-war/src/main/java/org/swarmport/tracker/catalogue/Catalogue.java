package org.swarmport.tracker.catalogue;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.swarmport.peer.metainfo.FileEntry;
import org.swarmport.peer.metainfo.InfoHash;
import org.swarmport.peer.metainfo.Metainfo;

/**
 * The torrents this tracker knows, as stored in the {@code tracker} schema. Every change fires
 * a {@link CatalogueChange}, which observers see once the transaction has committed.
 *
 * <p>Writers are called inside the caller's transaction (the API's resources begin it); the
 * read-only {@link #forEach} runs without one, page by page.
 */
@ApplicationScoped
public class Catalogue implements CatalogueSource {

    /** Torrents per page when the whole catalogue is read. */
    static final int PAGE_SIZE = 1_000;

    /** Swarms per JDBC batch when counts are written. */
    static final int COUNTS_BATCH = 500;

    /** The columns are {@link Torrent}'s; completed is added to, the live counts are replaced. */
    private static final String UPDATE_COUNTS_SQL = "update tracker.torrent set seeders = ?, leechers = ?,"
            + " completed = completed + ? where swarm_hash = ?";

    @PersistenceContext(unitName = "tracker")
    EntityManager em;

    @Resource(lookup = "java:jboss/datasources/SwarmportDS")
    DataSource dataSource;

    @Inject
    Event<CatalogueChange> changes;

    @Inject
    KnownTorrents knownTorrents;

    @Override
    public long count() {
        return em.createNamedQuery(Torrent.COUNT, Long.class).getSingleResult();
    }

    /** The id of a torrent already stored under one of {@code metainfo}'s info-hashes. */
    public OptionalLong duplicateOf(Metainfo metainfo) {
        String v1 = metainfo.infoHashV1().map(InfoHash::hex).orElse(null);
        String v2 = metainfo.infoHashV2().map(InfoHash::hex).orElse(null);
        List<Long> ids = em.createNamedQuery(Torrent.DUPLICATE, Long.class)
                .setParameter("v1", v1 == null ? "" : v1)
                .setParameter("v2", v2 == null ? "" : v2)
                .setParameter("swarmHash", Torrent.swarmHash(v1, v2))
                .setMaxResults(1)
                .getResultList();
        return ids.isEmpty() ? OptionalLong.empty() : OptionalLong.of(ids.get(0));
    }

    /** Stores a parsed torrent and the file it came from; the caller has checked {@link #duplicateOf}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Torrent add(Metainfo metainfo, TorrentLabels labels, String uploader) {
        Torrent torrent = new Torrent(metainfo.infoHashV1().map(InfoHash::hex).orElse(null),
                metainfo.infoHashV2().map(InfoHash::hex).orElse(null), metainfo.name(), metainfo.totalLength(),
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
        List<TorrentFile> files = new ArrayList<>();
        for (FileEntry file : metainfo.contentFiles()) {
            files.add(new TorrentFile(file.path().toString(), file.length()));
        }
        torrent.describeContent(metainfo.pieceLength(), metainfo.isPrivate(), files);
        torrent.label(labels.title(), labels.category(), labels.tags(), labels.description());
        torrent.uploadedBy(uploader);
        em.persist(torrent);
        em.persist(new StoredMetainfo(torrent.id(), metainfo.rawBytes()));
        changes.fire(new CatalogueChange.Stored(view(torrent, files.stream().map(TorrentFile::path).toList())));
        return torrent;
    }

    public Optional<Torrent> find(long id) {
        return Optional.ofNullable(em.find(Torrent.class, id));
    }

    /**
     * A torrent to read, not to change: its tags come in the same select (a join fetch), and
     * Hibernate keeps no snapshot to dirty-check. Needs no transaction: a details answer is one
     * read, and the JTA transaction around it cost more than the select.
     */
    public Optional<Torrent> findToRead(long id) {
        return single(em.createNamedQuery(Torrent.DETAILS, Torrent.class).setParameter("id", id).getResultList());
    }

    /**
     * The torrent with this info-hash, lowercase hex: 64 digits a v2 hash, 40 a v1 hash or a
     * v2 hash truncated (what v2 clients announce, BEP 52), also of a hybrid.
     */
    public Optional<Torrent> findByHash(String hex) {
        if (hex.length() == 64) {
            return single(em.createNamedQuery(Torrent.BY_V2, Torrent.class).setParameter("hash", hex).getResultList());
        }
        Optional<Torrent> byV1 = single(em.createNamedQuery(Torrent.BY_V1_OR_SWARM, Torrent.class)
                .setParameter("hash", hex).getResultList());
        if (byV1.isPresent()) {
            return byV1;
        }
        // A hybrid's truncated v2 hash is no column of its own; the hashes in memory know its swarm.
        byte[] swarmHash = knownTorrents.swarmHashOf(HexFormat.of().parseHex(hex));
        if (swarmHash == null) {
            return Optional.empty();
        }
        return single(em.createNamedQuery(Torrent.BY_V1_OR_SWARM, Torrent.class)
                .setParameter("hash", HexFormat.of().formatHex(swarmHash)).getResultList());
    }

    private static Optional<Torrent> single(List<Torrent> torrents) {
        return torrents.isEmpty() ? Optional.empty() : Optional.of(torrents.get(0));
    }

    /** The first {@code max} files of a torrent, in the metainfo's order. */
    public List<TorrentFile> files(long torrentId, int max) {
        List<Object[]> rows = em.createNamedQuery(Torrent.FILES, Object[].class)
                .setParameter("id", torrentId).setMaxResults(max).getResultList();
        List<TorrentFile> files = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            files.add(new TorrentFile((String) row[0], ((Number) row[1]).longValue()));
        }
        return files;
    }

    /** The .torrent as uploaded; empty for a torrent stored before the catalogue kept them. */
    public Optional<byte[]> metainfo(long torrentId) {
        StoredMetainfo stored = em.find(StoredMetainfo.class, torrentId);
        return stored == null ? Optional.empty() : Optional.of(stored.bytes());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void relabel(Torrent torrent, TorrentLabels labels) {
        torrent.label(labels.title(), labels.category(), labels.tags(), labels.description());
        em.flush();
        changes.fire(new CatalogueChange.Stored(view(torrent, paths(List.of(torrent.id())).getOrDefault(torrent.id(), List.of()))));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void remove(Torrent torrent) {
        em.createNamedQuery(StoredMetainfo.DELETE).setParameter("id", torrent.id()).executeUpdate();
        em.remove(torrent);
        em.flush();
        changes.fire(new CatalogueChange.Removed(torrent.id(), torrent.swarmHash()));
    }

    /**
     * Writes a batch of counts in one transaction; swarms the catalogue does not hold (open
     * mode) change nothing. Answers the written torrents' counts as they now are, read back in
     * the same transaction: completed is an increment here but absolute in the answer.
     */
    @Transactional
    public List<CataloguedCounts> updateCounts(Collection<SwarmCountsUpdate> updates) {
        writeCounts(updates);
        List<String> written = updates.stream().map(SwarmCountsUpdate::swarmHash).toList();
        List<CataloguedCounts> now = new ArrayList<>(written.size());
        for (int from = 0; from < written.size(); from += PAGE_SIZE) {
            List<String> hashes = written.subList(from, Math.min(written.size(), from + PAGE_SIZE));
            for (Object[] row : em.createNamedQuery(Torrent.COUNTS_OF, Object[].class)
                    .setParameter("swarmHashes", hashes).getResultList()) {
                now.add(new CataloguedCounts((String) row[0], ((Number) row[1]).intValue(), ((Number) row[2]).intValue(),
                        ((Number) row[3]).longValue()));
            }
        }
        return now;
    }

    /**
     * One JDBC batch per {@value #COUNTS_BATCH} swarms instead of one statement per swarm: under
     * load a flush carries tens of thousands of swarms, and a statement each cost about 6 % of
     * the tracker's CPU in the announce benchmark. The statement runs on the transaction's own connection (WildFly shares
     * it within a JTA transaction), so the read-back below sees it.
     */
    private void writeCounts(Collection<SwarmCountsUpdate> updates) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(UPDATE_COUNTS_SQL)) {
            int batched = 0;
            for (SwarmCountsUpdate counts : updates) {
                update.setInt(1, counts.seeders());
                update.setInt(2, counts.leechers());
                update.setLong(3, counts.completedIncrement());
                update.setString(4, counts.swarmHash());
                update.addBatch();
                if (++batched % COUNTS_BATCH == 0) {
                    update.executeBatch();
                }
            }
            if (batched % COUNTS_BATCH != 0) {
                update.executeBatch();
            }
        } catch (SQLException e) {
            throw new PersistenceException("writing the counts of " + updates.size() + " swarms failed", e);
        }
    }

    /**
     * Pages of {@value #PAGE_SIZE} torrents by id (keyset, so a page costs the same at the end
     * as at the start), each with its tags and paths in two more queries. Torrents added
     * while it runs may or may not be seen; the change events tell about them anyway.
     */
    @Override
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void forEach(Consumer<CataloguedTorrent> sink) {
        long after = 0;
        while (true) {
            List<Torrent> page = em.createNamedQuery(Torrent.PAGE, Torrent.class)
                    .setParameter("after", after).setMaxResults(PAGE_SIZE).getResultList();
            if (page.isEmpty()) {
                return;
            }
            List<Long> ids = page.stream().map(Torrent::id).toList();
            Map<Long, List<String>> tags = new HashMap<>();
            for (Object[] row : em.createNamedQuery(Torrent.TAGS_OF, Object[].class).setParameter("ids", ids).getResultList()) {
                tags.computeIfAbsent((Long) row[0], id -> new ArrayList<>()).add((String) row[1]);
            }
            Map<Long, List<String>> paths = paths(ids);
            em.clear();
            for (Torrent torrent : page) {
                List<String> sorted = new ArrayList<>(tags.getOrDefault(torrent.id(), List.of()));
                sorted.sort(null);
                sink.accept(view(torrent, sorted, paths.getOrDefault(torrent.id(), List.of())));
            }
            after = ids.get(ids.size() - 1);
        }
    }

    private Map<Long, List<String>> paths(List<Long> ids) {
        Map<Long, List<String>> paths = new HashMap<>();
        for (Object[] row : em.createNamedQuery(Torrent.PATHS_OF, Object[].class).setParameter("ids", ids).getResultList()) {
            paths.computeIfAbsent((Long) row[0], id -> new ArrayList<>()).add((String) row[1]);
        }
        return paths;
    }

    private static CataloguedTorrent view(Torrent torrent, List<String> paths) {
        return view(torrent, torrent.tags(), paths);
    }

    private static CataloguedTorrent view(Torrent torrent, List<String> tags, List<String> paths) {
        return new CataloguedTorrent(torrent.id(), torrent.infoHashV1(), torrent.infoHashV2(), torrent.swarmHash(),
                torrent.displayName(), torrent.description(), torrent.category(), tags, paths,
                torrent.totalSize(), torrent.addedAt(), torrent.seeders(), torrent.leechers(), torrent.completed());
    }

    /** The newest {@code max} torrents whose uploader is {@code uploader}, and how many there are. */
    public UploadsPage byUploader(String uploader, int max) {
        List<Torrent> torrents = em.createNamedQuery(Torrent.BY_UPLOADER, Torrent.class)
                .setParameter("uploader", uploader).setMaxResults(max).getResultList();
        long total = em.createNamedQuery(Torrent.COUNT_BY_UPLOADER, Long.class).setParameter("uploader", uploader)
                .getSingleResult();
        return new UploadsPage(uploader, total, torrents.stream().map(UploadsPage.Upload::of).toList());
    }

    /** Which of these ids are torrents in the catalogue, in id order. */
    public List<Long> existing(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery(Torrent.EXISTING_OF, Long.class).setParameter("ids", ids).getResultList();
    }
}
