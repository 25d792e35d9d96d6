package org.swarmport.peer.metainfo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed, validated .torrent file (BEP 3, BEP 52): what to download, how it is hashed, and
 * where to announce it. Immutable; made by {@link MetainfoParser} and {@link MetainfoBuilder}.
 *
 * <p>The raw bytes are kept: the info-hashes are over the info dictionary exactly as it was in
 * the file, and a catalogue must hand out the very file it was given.
 */
public final class Metainfo {

    private final byte[] raw;
    private final int infoStart;
    private final int infoEnd;
    private final MetainfoVersion version;
    private final InfoHash infoHashV1;
    private final InfoHash infoHashV2;
    private final String name;
    private final List<FileEntry> files;
    private final long pieceLength;
    private final int pieceCount;
    private final byte[] piecesV1;
    private final Map<PiecesRoot, byte[]> pieceLayers;
    private final boolean isPrivate;
    private final List<List<String>> trackerTiers;
    private final List<String> webSeeds;
    private final Instant creationDate;
    private final String comment;
    private final String createdBy;

    Metainfo(byte[] raw, int infoStart, int infoEnd, MetainfoVersion version, InfoHash infoHashV1, InfoHash infoHashV2,
             String name, List<FileEntry> files, long pieceLength, int pieceCount, byte[] piecesV1,
             Map<PiecesRoot, byte[]> pieceLayers, boolean isPrivate, List<List<String>> trackerTiers,
             List<String> webSeeds, Instant creationDate, String comment, String createdBy) {
        this.raw = raw;
        this.infoStart = infoStart;
        this.infoEnd = infoEnd;
        this.version = version;
        this.infoHashV1 = infoHashV1;
        this.infoHashV2 = infoHashV2;
        this.name = name;
        this.files = List.copyOf(files);
        this.pieceLength = pieceLength;
        this.pieceCount = pieceCount;
        this.piecesV1 = piecesV1;
        this.pieceLayers = Map.copyOf(pieceLayers);
        this.isPrivate = isPrivate;
        List<List<String>> tiers = new ArrayList<>();
        for (List<String> tier : trackerTiers) {
            tiers.add(List.copyOf(tier));
        }
        this.trackerTiers = List.copyOf(tiers);
        this.webSeeds = List.copyOf(webSeeds);
        this.creationDate = creationDate;
        this.comment = comment;
        this.createdBy = createdBy;
    }

    public MetainfoVersion version() {
        return version;
    }

    /** The SHA-1 info-hash, for v1 and hybrid torrents. */
    public Optional<InfoHash> infoHashV1() {
        return Optional.ofNullable(infoHashV1);
    }

    /** The SHA-256 info-hash, for v2 and hybrid torrents. */
    public Optional<InfoHash> infoHashV2() {
        return Optional.ofNullable(infoHashV2);
    }

    /** The v2 hash when there is one, else the v1 hash: libtorrent's {@code info_hash_t::get_best()}. */
    public InfoHash bestInfoHash() {
        return infoHashV2 != null ? infoHashV2 : infoHashV1;
    }

    /** Every info-hash of the torrent, v1 first: one for v1 and v2, two for a hybrid. */
    public List<InfoHash> infoHashes() {
        List<InfoHash> hashes = new ArrayList<>(2);
        infoHashV1().ifPresent(hashes::add);
        infoHashV2().ifPresent(hashes::add);
        return hashes;
    }

    /** The suggested name of the file (single-file torrent) or of the top directory. */
    public String name() {
        return name;
    }

    /**
     * The files in piece-space order. For v1 and hybrid torrents that is the v1 list, pad files
     * included (marked {@link FileEntry#padding()}); for v2-only torrents the file tree's order.
     */
    public List<FileEntry> files() {
        return files;
    }

    /** The files that hold data: {@link #files()} without the pad files. */
    public List<FileEntry> contentFiles() {
        return files.stream().filter(file -> !file.padding()).toList();
    }

    /** Bytes of content, pad files not counted. */
    public long totalLength() {
        long total = 0;
        for (FileEntry file : files) {
            if (!file.padding()) {
                total += file.length();
            }
        }
        return total;
    }

    /** True for a torrent of one file whose path is its {@link #name()} (BEP 3 single-file mode). */
    public boolean isSingleFile() {
        return files.size() == 1 && files.get(0).path().size() == 1;
    }

    public long pieceLength() {
        return pieceLength;
    }

    public int pieceCount() {
        return pieceCount;
    }

    /** The SHA-1 hash of piece {@code index} (BEP 3 {@code pieces}); only for v1 and hybrid torrents. */
    public byte[] pieceHashV1(int index) {
        if (piecesV1 == null) {
            throw new IllegalStateException("a v2-only torrent has no SHA-1 piece hashes");
        }
        if (index < 0 || index >= pieceCount) {
            throw new IndexOutOfBoundsException("piece " + index + " of " + pieceCount);
        }
        return Arrays.copyOfRange(piecesV1, index * 20, index * 20 + 20);
    }

    /**
     * The piece layer of the file with {@code root}: its piece hashes, 32 bytes each (BEP 52).
     * Empty for a file no longer than one piece, whose root is its only piece hash.
     */
    public Optional<byte[]> pieceLayer(PiecesRoot root) {
        byte[] layer = pieceLayers.get(root);
        return layer == null ? Optional.empty() : Optional.of(layer.clone());
    }

    /**
     * The SHA-256 hash that piece {@code index} of {@code file} must match (BEP 52): its entry in
     * the file's piece layer, or for a file no longer than one piece, the file's root.
     */
    public byte[] pieceHashV2(FileEntry file, int index) {
        PiecesRoot root = file.piecesRoot().orElseThrow(
                () -> new IllegalArgumentException(file.path() + " has no pieces root: empty, padding, or not v2"));
        long pieces = (file.length() + pieceLength - 1) / pieceLength;
        if (index < 0 || index >= pieces) {
            throw new IndexOutOfBoundsException("piece " + index + " of " + pieces + " in " + file.path());
        }
        byte[] layer = pieceLayers.get(root);
        if (layer == null) {
            return root.bytes();
        }
        return Arrays.copyOfRange(layer, index * MerkleTree.HASH_LENGTH, (index + 1) * MerkleTree.HASH_LENGTH);
    }

    /** The {@code private} flag (BEP 27): peers only from the torrent's trackers, no DHT, no PEX. */
    public boolean isPrivate() {
        return isPrivate;
    }

    /**
     * The trackers, tier by tier (BEP 12): {@code announce-list} when it names any tracker,
     * else the single {@code announce}; empty for a trackerless torrent. Blank URLs and empty
     * tiers are left out.
     */
    public List<List<String>> trackerTiers() {
        return trackerTiers;
    }

    /** Web seeds (BEP 19 {@code url-list}), each once. */
    public List<String> webSeeds() {
        return webSeeds;
    }

    public Optional<Instant> creationDate() {
        return Optional.ofNullable(creationDate);
    }

    public Optional<String> comment() {
        return Optional.ofNullable(comment);
    }

    public Optional<String> createdBy() {
        return Optional.ofNullable(createdBy);
    }

    /** A copy of the whole .torrent file, byte for byte as it was parsed. */
    public byte[] rawBytes() {
        return raw.clone();
    }

    /** A copy of the info dictionary exactly as in the file: what the info-hashes hash, what ut_metadata sends (BEP 9). */
    public byte[] infoBytes() {
        return Arrays.copyOfRange(raw, infoStart, infoEnd);
    }

    @Override
    public String toString() {
        return "Metainfo[" + version + " " + bestInfoHash() + " " + name + ", " + files.size() + " files, "
                + pieceCount + " pieces of " + pieceLength + "]";
    }
}
