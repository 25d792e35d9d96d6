package org.swarmport.peer.metainfo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.swarmport.peer.bencode.BDictionary;
import org.swarmport.peer.bencode.BEncoder;
import org.swarmport.peer.bencode.BList;
import org.swarmport.peer.bencode.BString;
import org.swarmport.peer.bencode.BValue;

/**
 * Creates a .torrent file: hashes the content and writes v1 (BEP 3), v2 (BEP 52) or hybrid
 * metainfo, hybrid by default, as libtorrent does.
 *
 * <pre>{@code
 * Metainfo torrent = MetainfoBuilder.of(Path.of("release"))
 *         .tracker("https://tracker.example/announce")
 *         .webSeed("https://cdn.example/release/")
 *         .build();
 * Files.write(Path.of("release.torrent"), torrent.rawBytes());
 * }</pre>
 *
 * <p>Each file is read once, as a stream, feeding the SHA-1 piece hasher and the file's SHA-256
 * merkle tree together. The output is deterministic: files in the file tree's order (sorted
 * by UTF-8 bytes, component by component, for every version, so that a hybrid's two lists
 * agree as BEP 52 requires), dictionary keys sorted by the encoder, and no creation date unless
 * one is given. In a hybrid, a pad file (BEP 47, path {@code .pad/<length>} as libtorrent
 * names it) follows every file that does not end on a piece boundary and is followed by more
 * data; there is no pad after the last one.
 *
 * <p>What {@link #build()} returns is the output parsed back by {@link MetainfoParser}, so
 * the builder can only hand out torrents the parser accepts.
 */
public final class MetainfoBuilder {

    /** The automatic piece length stays within 16 KiB..16 MiB and aims at 1,000 to 2,000 pieces. */
    static final long MIN_AUTOMATIC_PIECE_LENGTH = 16 * 1024;
    static final long MAX_AUTOMATIC_PIECE_LENGTH = 16 * 1024 * 1024;
    static final long TARGET_MAX_PIECES = 2_000;

    private static final int READ_BUFFER = 64 * MerkleTree.BLOCK_SIZE;

    private final String name;
    private final boolean singleFile;
    private final List<Entry> entries = new ArrayList<>();
    private MetainfoVersion version = MetainfoVersion.HYBRID;
    private long pieceLength;
    private final List<List<String>> tiers = new ArrayList<>();
    private final Set<String> webSeeds = new LinkedHashSet<>();
    private boolean isPrivate;
    private String comment;
    private String createdBy;
    private Instant creationDate;

    private record Entry(FilePath path, ContentSource content) {
    }

    private MetainfoBuilder(String name, boolean singleFile) {
        String defect = FilePath.defectOfComponent(Objects.requireNonNull(name, "name"));
        if (defect != null) {
            throw new IllegalArgumentException("name: " + defect);
        }
        this.name = name;
        this.singleFile = singleFile;
    }

    /** A single-file torrent (BEP 3 {@code length}): the file's name is the torrent's name. */
    public static MetainfoBuilder singleFile(String name, ContentSource content) {
        MetainfoBuilder builder = new MetainfoBuilder(name, true);
        builder.entries.add(new Entry(FilePath.of(name), Objects.requireNonNull(content, "content")));
        return builder;
    }

    /** A multi-file torrent whose files go under a directory named {@code name}; add them with {@link #add}. */
    public static MetainfoBuilder directory(String name) {
        return new MetainfoBuilder(name, false);
    }

    /**
     * A torrent of a file, or of a directory and the regular files under it. Symbolic links are
     * neither followed nor included, so a link cannot pull files from outside the directory in.
     */
    public static MetainfoBuilder of(Path fileOrDirectory) throws IOException {
        Path root = fileOrDirectory.toAbsolutePath().normalize();
        String name = root.getFileName() == null ? "" : root.getFileName().toString();
        if (Files.isRegularFile(root, LinkOption.NOFOLLOW_LINKS)) {
            return singleFile(name, ContentSource.of(root));
        }
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(fileOrDirectory + " is neither a regular file nor a directory");
        }
        MetainfoBuilder builder = directory(name);
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (attributes.isRegularFile()) {
                    List<String> components = new ArrayList<>();
                    for (Path part : root.relativize(file)) {
                        components.add(part.toString());
                    }
                    builder.add(FilePath.of(components), ContentSource.of(file));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return builder;
    }

    /** Adds a file at {@code path} under the torrent's directory. */
    public MetainfoBuilder add(FilePath path, ContentSource content) {
        if (singleFile) {
            throw new IllegalStateException("a single-file torrent holds exactly one file");
        }
        entries.add(new Entry(Objects.requireNonNull(path, "path"), Objects.requireNonNull(content, "content")));
        return this;
    }

    /** V1, V2 or HYBRID (the default). */
    public MetainfoBuilder version(MetainfoVersion version) {
        this.version = Objects.requireNonNull(version, "version");
        return this;
    }

    /** A fixed piece length; without one it is chosen from the total size ({@link #automaticPieceLength}). */
    public MetainfoBuilder pieceLength(long pieceLength) {
        if (pieceLength <= 0 || pieceLength > MetainfoParser.MAX_PIECE_LENGTH) {
            throw new IllegalArgumentException("piece length must be within 1.." + MetainfoParser.MAX_PIECE_LENGTH);
        }
        this.pieceLength = pieceLength;
        return this;
    }

    /** Adds a tier of trackers tried in order (BEP 12); the first tracker of the first tier is also {@code announce}. */
    public MetainfoBuilder trackerTier(List<String> urls) {
        List<String> tier = new ArrayList<>();
        for (String url : urls) {
            String trimmed = url.strip();
            if (trimmed.isEmpty()) {
                throw new IllegalArgumentException("tracker URL is blank");
            }
            tier.add(trimmed);
        }
        if (tier.isEmpty()) {
            throw new IllegalArgumentException("a tracker tier needs a tracker");
        }
        tiers.add(List.copyOf(tier));
        return this;
    }

    /** Adds a tier of one tracker. */
    public MetainfoBuilder tracker(String url) {
        return trackerTier(List.of(url));
    }

    /** Adds a web seed (BEP 19). */
    public MetainfoBuilder webSeed(String url) {
        if (url.isBlank()) {
            throw new IllegalArgumentException("web seed URL is blank");
        }
        webSeeds.add(url.strip());
        return this;
    }

    /** Sets the private flag (BEP 27), which is part of the info dictionary and so of the info-hash. */
    public MetainfoBuilder privateTorrent(boolean isPrivate) {
        this.isPrivate = isPrivate;
        return this;
    }

    public MetainfoBuilder comment(String comment) {
        this.comment = comment;
        return this;
    }

    public MetainfoBuilder createdBy(String createdBy) {
        this.createdBy = createdBy;
        return this;
    }

    /** Writes a creation date; left out by default so that the same content always makes the same file. */
    public MetainfoBuilder creationDate(Instant creationDate) {
        this.creationDate = creationDate;
        return this;
    }

    /**
     * The smallest power of two from 16 KiB that cuts {@code totalLength} into at most 2,000
     * pieces, capped at 16 MiB: between 1,000 and 2,000 pieces for anything from 32 MiB to
     * 32 GiB, like mktorrent's and libtorrent's choice of a "reasonable" piece count.
     */
    public static long automaticPieceLength(long totalLength) {
        long length = MIN_AUTOMATIC_PIECE_LENGTH;
        while (length < MAX_AUTOMATIC_PIECE_LENGTH && (totalLength + length - 1) / length > TARGET_MAX_PIECES) {
            length *= 2;
        }
        return length;
    }

    /**
     * Hashes the content and returns the torrent.
     *
     * @throws IOException              when a file cannot be read, or changed length while being hashed
     * @throws IllegalArgumentException when the content cannot make a valid torrent (no data, two
     *                                  files at one path, a piece length v2 does not allow)
     */
    public Metainfo build() throws IOException {
        List<Entry> files = new ArrayList<>(entries);
        files.sort((a, b) -> a.path().compareTo(b.path()));
        checkPaths(files);
        long total = 0;
        for (Entry file : files) {
            total = Math.addExact(total, file.content().length());
        }
        if (total == 0) {
            throw new IllegalArgumentException("the torrent would hold no data: every file is empty");
        }
        long chosen = pieceLength > 0 ? pieceLength : automaticPieceLength(total);
        if (version.hasV2() && (chosen < MetainfoParser.MIN_V2_PIECE_LENGTH || Long.bitCount(chosen) != 1)) {
            throw new IllegalArgumentException(
                    "a v2 or hybrid piece length must be a power of two of at least 16 KiB, not " + chosen);
        }
        byte[] torrent = encode(files, chosen);
        try {
            return MetainfoParser.parse(torrent);
        } catch (MetainfoException e) {
            throw new IllegalStateException("the builder wrote a torrent its parser refuses: " + e.getMessage(), e);
        }
    }

    private static void checkPaths(List<Entry> sorted) {
        Set<FilePath> seen = new HashSet<>();
        for (int i = 0; i < sorted.size(); i++) {
            FilePath path = sorted.get(i).path();
            if (!seen.add(path)) {
                throw new IllegalArgumentException("two files at " + path);
            }
            // Sorted, a directory's contents come right after a file of the same name.
            if (i + 1 < sorted.size() && sorted.get(i + 1).path().startsWith(path)) {
                throw new IllegalArgumentException(path + " is both a file and a directory");
            }
        }
    }

    private byte[] encode(List<Entry> files, long chosenPieceLength) throws IOException {
        BDictionary.Builder layers = BDictionary.builder();
        BDictionary.Builder torrent = BDictionary.builder().put("info", info(files, chosenPieceLength, layers));
        if (version.hasV2()) {
            // Written even when empty: libtorrent's newest parser refuses a v2 file without it.
            torrent.put("piece layers", layers.build());
        }
        if (!tiers.isEmpty()) {
            torrent.put("announce", tiers.get(0).get(0));
            if (tiers.size() > 1 || tiers.get(0).size() > 1) {
                List<BValue> list = new ArrayList<>();
                for (List<String> tier : tiers) {
                    list.add(strings(tier));
                }
                torrent.put("announce-list", BList.of(list));
            }
        }
        if (!webSeeds.isEmpty()) {
            torrent.put("url-list", strings(List.copyOf(webSeeds)));
        }
        if (comment != null && !comment.isEmpty()) {
            torrent.put("comment", comment);
        }
        if (createdBy != null && !createdBy.isEmpty()) {
            torrent.put("created by", createdBy);
        }
        if (creationDate != null) {
            torrent.put("creation date", creationDate.getEpochSecond());
        }
        return BEncoder.encode(torrent.build());
    }

    /**
     * Hashes every file once, in order, and returns the info dictionary; each piece layer goes
     * into {@code layers}, keyed by its file's root.
     */
    private BDictionary info(List<Entry> files, long chosenPieceLength, BDictionary.Builder layers) throws IOException {
        V1PieceHasher v1 = version.hasV1() ? new V1PieceHasher(chosenPieceLength) : null;
        BDictionary.Builder info = BDictionary.builder()
                .put("name", name)
                .put("piece length", chosenPieceLength);
        List<BValue> v1Files = new ArrayList<>();
        Map<String, Object> tree = new LinkedHashMap<>();
        Set<PiecesRoot> layered = new HashSet<>();
        int lastData = lastNonEmpty(files);
        byte[] buffer = new byte[READ_BUFFER];
        for (int i = 0; i < files.size(); i++) {
            Entry file = files.get(i);
            V2FileHasher v2 = version.hasV2() ? new V2FileHasher(chosenPieceLength) : null;
            hash(file.content(), buffer, v1, v2);
            long length = file.content().length();
            // Relative to the torrent's directory, or the name itself for a single file.
            List<String> inTorrent = file.path().components();
            v1Files.add(BDictionary.builder().put("length", length).put("path", strings(inTorrent)).build());
            if (v2 != null) {
                BDictionary.Builder leaf = BDictionary.builder().put("length", length);
                V2FileHasher.Result result = v2.finish();
                if (result != null) {
                    leaf.put("pieces root", result.root().bytes());
                    if (result.pieceLayer().length > 0 && layered.add(result.root())) {
                        layers.put(BString.of(result.root().bytes()), BString.of(result.pieceLayer()));
                    }
                }
                put(tree, inTorrent, leaf.build());
            }
            long tail = length % chosenPieceLength;
            if (version == MetainfoVersion.HYBRID && tail != 0 && i < lastData) {
                long pad = chosenPieceLength - tail;
                v1.updateZeros(pad);
                v1Files.add(BDictionary.builder().put("attr", "p").put("length", pad)
                        .put("path", strings(List.of(".pad", Long.toString(pad)))).build());
            }
        }
        if (v1 != null) {
            info.put("pieces", v1.finish());
            if (singleFile) {
                info.put("length", files.get(0).content().length());
            } else {
                info.put("files", BList.of(v1Files));
            }
        }
        if (version.hasV2()) {
            info.put("meta version", 2).put("file tree", toDictionary(tree));
        }
        if (isPrivate) {
            info.put("private", 1);
        }
        return info.build();
    }

    /** Index of the last file with data: no pad file goes after it. */
    private static int lastNonEmpty(List<Entry> files) {
        for (int i = files.size() - 1; i >= 0; i--) {
            if (files.get(i).content().length() > 0) {
                return i;
            }
        }
        return -1;
    }

    private static void hash(ContentSource content, byte[] buffer, V1PieceHasher v1, V2FileHasher v2) throws IOException {
        long expected = content.length();
        long read = 0;
        try (InputStream in = content.open()) {
            int n;
            while ((n = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                read += n;
                if (read > expected) {
                    break;
                }
                if (v1 != null) {
                    v1.update(buffer, 0, n);
                }
                if (v2 != null) {
                    v2.update(buffer, 0, n);
                }
            }
        }
        if (read != expected) {
            throw new IOException(content + " changed while it was hashed: expected " + expected + " bytes");
        }
    }

    private static BList strings(List<String> values) {
        List<BValue> strings = new ArrayList<>(values.size());
        for (String value : values) {
            strings.add(BString.of(value));
        }
        return BList.of(strings);
    }

    /** Files into nested maps, a file as {@code {"": leaf}} (BEP 52). */
    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> tree, List<String> path, BDictionary leaf) {
        Map<String, Object> node = tree;
        for (String component : path) {
            node = (Map<String, Object>) node.computeIfAbsent(component, key -> new LinkedHashMap<String, Object>());
        }
        node.put("", leaf);
    }

    @SuppressWarnings("unchecked")
    private static BDictionary toDictionary(Map<String, Object> node) {
        BDictionary.Builder builder = BDictionary.builder();
        for (Map.Entry<String, Object> child : node.entrySet()) {
            BValue value = child.getValue() instanceof BDictionary leaf
                    ? leaf
                    : toDictionary((Map<String, Object>) child.getValue());
            builder.put(child.getKey(), value);
        }
        return builder.build();
    }
}
