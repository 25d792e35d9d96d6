package org.swarmport.tracker.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A torrent the tracker knows. */
@Entity
@Table(schema = "tracker", name = "torrent")
@NamedQuery(name = Torrent.COUNT, query = "select count(t) from Torrent t")
@NamedQuery(name = Torrent.HASHES, query = "select t.swarmHash, t.infoHashV1, t.infoHashV2 from Torrent t")
@NamedQuery(name = Torrent.UPDATE_COUNTS, query = "update Torrent t set t.seeders = :seeders, t.leechers = :leechers,"
        + " t.completed = t.completed + :completedIncrement where t.swarmHash = :swarmHash")
public class Torrent {

    public static final String COUNT = "Torrent.count";
    public static final String HASHES = "Torrent.hashes";
    public static final String UPDATE_COUNTS = "Torrent.updateCounts";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "info_hash_v1", length = 40)
    private String infoHashV1;

    @Column(name = "info_hash_v2", length = 64)
    private String infoHashV2;

    /** The hash its swarm is keyed by: v1, else v2 truncated to 20 bytes (BEP 52). */
    @Column(name = "swarm_hash", nullable = false, length = 40)
    private String swarmHash;

    @Column(nullable = false, length = 1024)
    private String name;

    @Column(name = "total_size", nullable = false)
    private long totalSize;

    @Column(name = "added_at", nullable = false)
    private OffsetDateTime addedAt;

    /** As the swarm registry last reported them (every SWARMPORT_COUNTS_FLUSH_INTERVAL). */
    private int seeders;

    private int leechers;

    private long completed;

    protected Torrent() {
    }

    public Torrent(String infoHashV1, String infoHashV2, String name, long totalSize, OffsetDateTime addedAt) {
        this.infoHashV1 = infoHashV1;
        this.infoHashV2 = infoHashV2;
        this.swarmHash = swarmHash(infoHashV1, infoHashV2);
        this.name = name;
        this.totalSize = totalSize;
        this.addedAt = addedAt;
    }

    /** v1 hex, else the first 40 hex digits of v2: what a v2 client announces. */
    static String swarmHash(String infoHashV1, String infoHashV2) {
        if (infoHashV1 != null) {
            return infoHashV1;
        }
        if (infoHashV2 == null) {
            throw new IllegalArgumentException("a torrent needs a v1 or a v2 info-hash");
        }
        return infoHashV2.substring(0, 40);
    }

    public Long id() {
        return id;
    }

    public String infoHashV1() {
        return infoHashV1;
    }

    public String infoHashV2() {
        return infoHashV2;
    }

    public String name() {
        return name;
    }

    public long totalSize() {
        return totalSize;
    }

    public OffsetDateTime addedAt() {
        return addedAt;
    }

    public String swarmHash() {
        return swarmHash;
    }

    public int seeders() {
        return seeders;
    }

    public int leechers() {
        return leechers;
    }

    public long completed() {
        return completed;
    }
}
