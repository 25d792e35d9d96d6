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
public class Torrent {

    public static final String COUNT = "Torrent.count";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "info_hash_v1", length = 40)
    private String infoHashV1;

    @Column(name = "info_hash_v2", length = 64)
    private String infoHashV2;

    @Column(nullable = false, length = 1024)
    private String name;

    @Column(name = "total_size", nullable = false)
    private long totalSize;

    @Column(name = "added_at", nullable = false)
    private OffsetDateTime addedAt;

    protected Torrent() {
    }

    public Torrent(String infoHashV1, String infoHashV2, String name, long totalSize, OffsetDateTime addedAt) {
        this.infoHashV1 = infoHashV1;
        this.infoHashV2 = infoHashV2;
        this.name = name;
        this.totalSize = totalSize;
        this.addedAt = addedAt;
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
}
