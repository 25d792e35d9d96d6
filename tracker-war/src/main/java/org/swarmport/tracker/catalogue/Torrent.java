package org.swarmport.tracker.catalogue;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A torrent the tracker knows. */
@Entity
@Table(schema = "tracker", name = "torrent")
@NamedQuery(name = Torrent.COUNT, query = "select count(t) from Torrent t")
@NamedQuery(name = Torrent.HASHES, query = "select t.swarmHash, t.infoHashV1, t.infoHashV2 from Torrent t")
@NamedQuery(name = Torrent.COUNTS_OF, query = "select t.swarmHash, t.seeders, t.leechers, t.completed from Torrent t"
        + " where t.swarmHash in :swarmHashes")
@NamedQuery(name = Torrent.DUPLICATE, query = "select t.id from Torrent t where t.infoHashV1 = :v1"
        + " or t.infoHashV2 = :v2 or t.swarmHash = :swarmHash order by t.id")
@NamedQuery(name = Torrent.BY_V1_OR_SWARM, query = "select t from Torrent t where t.infoHashV1 = :hash or t.swarmHash = :hash")
@NamedQuery(name = Torrent.BY_V2, query = "select t from Torrent t where t.infoHashV2 = :hash")
@NamedQuery(name = Torrent.PAGE, query = "select t from Torrent t where t.id > :after order by t.id")
@NamedQuery(name = Torrent.EXISTING_OF, query = "select t.id from Torrent t where t.id in :ids order by t.id")
@NamedQuery(name = Torrent.TAGS_OF, query = "select t.id, tag from Torrent t join t.tags tag where t.id in :ids")
@NamedQuery(name = Torrent.PATHS_OF, query = "select t.id, f.path from Torrent t join t.files f where t.id in :ids"
        + " order by t.id, index(f)")
@NamedQuery(name = Torrent.FILES, query = "select f.path, f.length from Torrent t join t.files f where t.id = :id"
        + " order by index(f)")
@NamedQuery(name = Torrent.DETAILS, query = "select t from Torrent t left join fetch t.tags where t.id = :id",
        hints = @QueryHint(name = "org.hibernate.readOnly", value = "true"))
@NamedQuery(name = Torrent.BY_UPLOADER, query = "select t from Torrent t where t.uploader = :uploader order by t.id desc")
@NamedQuery(name = Torrent.COUNT_BY_UPLOADER, query = "select count(t) from Torrent t where t.uploader = :uploader")
public class Torrent {

    public static final String COUNT = "Torrent.count";
    public static final String HASHES = "Torrent.hashes";
    public static final String COUNTS_OF = "Torrent.countsOf";
    public static final String DUPLICATE = "Torrent.duplicate";
    public static final String BY_V1_OR_SWARM = "Torrent.byV1OrSwarm";
    public static final String BY_V2 = "Torrent.byV2";
    /** Keyset pages in id order: {@code after} is the last id of the page before. */
    public static final String PAGE = "Torrent.page";
    /** Each row: torrent id, tag. */
    public static final String TAGS_OF = "Torrent.tagsOf";
    public static final String EXISTING_OF = "Torrent.existingOf";
    /** Each row: torrent id, path; in file order within each torrent. */
    public static final String PATHS_OF = "Torrent.pathsOf";
    /** Each row: path, length; in file order. */
    public static final String FILES = "Torrent.files";
    /** One torrent with its tags in one select, read-only: what a details answer reads. */
    public static final String DETAILS = "Torrent.details";
    /** An uploader's torrents, newest first. */
    public static final String BY_UPLOADER = "Torrent.byUploader";
    public static final String COUNT_BY_UPLOADER = "Torrent.countByUploader";

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

    @Column(name = "piece_length", nullable = false)
    private long pieceLength;

    @Column(name = "private_torrent", nullable = false)
    private boolean privateTorrent;

    /** A Torznab top-level category id, one of {@link Category#ALL}. */
    @Column(nullable = false)
    private int category = Category.OTHER.id();

    /** What the uploader calls it; null for the metainfo's name. Never the info dictionary's name, which the info-hash covers. */
    @Column(length = 1024)
    private String title;

    @Column(length = 65536)
    private String description;

    @Column(length = 200)
    private String uploader;

    /** Of {@link #files}, which only the queries read whole. */
    @Column(name = "file_count", nullable = false)
    private int fileCount;

    @ElementCollection
    @CollectionTable(schema = "tracker", name = "torrent_tag", joinColumns = @JoinColumn(name = "torrent_id"))
    @Column(name = "tag", nullable = false, length = 32)
    private Set<String> tags = new TreeSet<>();

    /** Pad files left out; a torrent may have 100,000, so details read them through {@link #FILES} in pages. */
    @ElementCollection
    @CollectionTable(schema = "tracker", name = "torrent_file", joinColumns = @JoinColumn(name = "torrent_id"))
    @OrderColumn(name = "file_index")
    private List<TorrentFile> files = new ArrayList<>();

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

    /** What the metainfo says beyond the identity; set once, when the torrent is added. */
    void describeContent(long pieceLength, boolean privateTorrent, List<TorrentFile> contentFiles) {
        this.pieceLength = pieceLength;
        this.privateTorrent = privateTorrent;
        this.files = new ArrayList<>(contentFiles);
        this.fileCount = contentFiles.size();
    }

    /** What the uploader says about it: the parts of a torrent an editor may change. */
    void label(String title, Category category, Collection<String> tags, String description) {
        this.title = title;
        this.category = category.id();
        this.tags.clear();
        this.tags.addAll(tags);
        this.description = description;
    }

    void uploadedBy(String uploader) {
        this.uploader = uploader;
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

    /** The name in the metainfo's info dictionary. */
    public String name() {
        return name;
    }

    /** The uploader's title, or null when none was given. */
    public String title() {
        return title;
    }

    /** What the catalogue shows, indexes and sorts by: the title, else the metainfo's name. */
    public String displayName() {
        return title != null ? title : name;
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

    public long pieceLength() {
        return pieceLength;
    }

    public boolean isPrivate() {
        return privateTorrent;
    }

    public Category category() {
        return Category.byId(category).orElse(Category.OTHER);
    }

    /** Sorted. */
    public List<String> tags() {
        return List.copyOf(new TreeSet<>(tags));
    }

    public String description() {
        return description;
    }

    public String uploader() {
        return uploader;
    }

    public int fileCount() {
        return fileCount;
    }
}
