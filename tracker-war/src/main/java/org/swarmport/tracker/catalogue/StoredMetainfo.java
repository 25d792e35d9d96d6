package org.swarmport.tracker.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A torrent's .torrent file exactly as uploaded. An entity of its own, apart from
 * {@link Torrent}, so that reading details or paging through the catalogue never loads it.
 */
@Entity
@Table(schema = "tracker", name = "torrent_metainfo")
@NamedQuery(name = StoredMetainfo.DELETE, query = "delete from StoredMetainfo m where m.torrentId = :id")
public class StoredMetainfo {

    public static final String DELETE = "StoredMetainfo.delete";

    @Id
    @Column(name = "torrent_id")
    private Long torrentId;

    @Column(name = "metainfo", nullable = false)
    private byte[] bytes;

    protected StoredMetainfo() {
    }

    public StoredMetainfo(long torrentId, byte[] bytes) {
        this.torrentId = torrentId;
        this.bytes = bytes;
    }

    public byte[] bytes() {
        return bytes;
    }
}
