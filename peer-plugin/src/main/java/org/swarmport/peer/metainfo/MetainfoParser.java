package org.swarmport.peer.metainfo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.swarmport.peer.bencode.BDecoder;
import org.swarmport.peer.bencode.BDictionary;
import org.swarmport.peer.bencode.BEncoder;
import org.swarmport.peer.bencode.BList;
import org.swarmport.peer.bencode.BString;
import org.swarmport.peer.bencode.BValue;
import org.swarmport.peer.bencode.BencodeException;

/**
 * Reads a .torrent file into a {@link Metainfo}: v1 (BEP 3), v2 (BEP 52) or hybrid, with
 * BEP 12 tracker tiers, BEP 19 web seeds, BEP 27's private flag and BEP 47's pad files and
 * attributes. A pure function over bytes: no I/O, safe on hostile input, every defect a
 * {@link MetainfoException} naming the field. The package documentation lists which rules are
 * strict and which lenient, and why.
 */
public final class MetainfoParser {

    /** libtorrent's ceiling: INT_MAX / 2, so block arithmetic on a piece never overflows an int. */
    static final long MAX_PIECE_LENGTH = Integer.MAX_VALUE / 2;
    /** BEP 52: "It must be a power of two and at least 16KiB." */
    static final long MIN_V2_PIECE_LENGTH = MerkleTree.BLOCK_SIZE;
    private static final int SHA1_LENGTH = 20;
    /** 9999-12-31T23:59:59Z, the largest date every system can print. */
    private static final long MAX_CREATION_DATE = 253_402_300_799L;

    private final byte[] data;
    private final MetainfoLimits limits;
    /** When not null, piece layers are not required but listed here (root → piece count). */
    private Map<PiecesRoot, Integer> layersPending;

    private MetainfoParser(byte[] data, MetainfoLimits limits) {
        this.data = data;
        this.limits = limits;
    }

    /** Parses {@code torrent} under {@link MetainfoLimits#DEFAULT}. */
    public static Metainfo parse(byte[] torrent) throws MetainfoException {
        return parse(torrent, MetainfoLimits.DEFAULT);
    }

    public static Metainfo parse(byte[] torrent, MetainfoLimits limits) throws MetainfoException {
        return new MetainfoParser(torrent.clone(), limits).parse();
    }

    /**
     * Parses a bare info dictionary, as fetched from peers with {@code ut_metadata} (BEP 9),
     * as if it were the .torrent file {@code {announce-list, info, url-list}}: the trackers
     * and web seeds come from the magnet link, one tracker list per tier. Every rule of
     * {@link #parse(byte[])} applies, so a v2 file larger than a piece fails for want of
     * {@code piece layers}, which BEP 52 keeps outside the info dictionary. The returned
     * {@link Metainfo#rawBytes()} is that synthetic file, ready to be saved.
     */
    public static Metainfo parseInfo(byte[] info, List<List<String>> trackerTiers, List<String> webSeeds)
            throws MetainfoException {
        return parseInfo(info, trackerTiers, webSeeds, Map.of());
    }

    /**
     * {@link #parseInfo(byte[], List, List)} with the {@code piece layers} a v2 or hybrid torrent
     * needs, fetched from peers (BEP 52 hash requests), keyed by pieces root: they go into the
     * synthetic file, where the usual rules check each against its root.
     */
    public static Metainfo parseInfo(byte[] info, List<List<String>> trackerTiers, List<String> webSeeds,
            Map<PiecesRoot, byte[]> pieceLayers) throws MetainfoException {
        return parse(synthetic(info, trackerTiers, webSeeds, pieceLayers));
    }

    /**
     * The piece layers a bare info dictionary needs before it is a usable torrent; none for a v1
     * dictionary and for one whose files all fit in a piece. Every other rule of
     * {@link #parse(byte[])} applies, so a dictionary that would fail for another reason fails here.
     */
    public static PieceLayersNeeded missingPieceLayers(byte[] info) throws MetainfoException {
        MetainfoParser parser = new MetainfoParser(synthetic(info, List.of(), List.of(), Map.of()), MetainfoLimits.DEFAULT);
        parser.layersPending = new LinkedHashMap<>();
        Metainfo parsed = parser.parse();
        return new PieceLayersNeeded(parsed.pieceLength(), parser.layersPending);
    }

    private static byte[] synthetic(byte[] info, List<List<String>> trackerTiers, List<String> webSeeds,
            Map<PiecesRoot, byte[]> pieceLayers) {
        BEncoder torrent = new BEncoder(info.length + 256 + pieceLayers.values().stream().mapToInt(l -> l.length + 40).sum())
                .beginDictionary();
        if (!trackerTiers.isEmpty()) {
            torrent.string("announce-list").beginList();
            for (List<String> tier : trackerTiers) {
                torrent.beginList();
                tier.forEach(torrent::string);
                torrent.end();
            }
            torrent.end();
        }
        torrent.string("info").encoded(info, 0, info.length);
        if (!pieceLayers.isEmpty()) {
            // bencoded dictionary keys are sorted as raw bytes
            List<PiecesRoot> roots = new ArrayList<>(pieceLayers.keySet());
            roots.sort((a, b) -> Arrays.compareUnsigned(a.bytes(), b.bytes()));
            torrent.string("piece layers").beginDictionary();
            for (PiecesRoot root : roots) {
                torrent.string(root.bytes()).string(pieceLayers.get(root));
            }
            torrent.end();
        }
        if (!webSeeds.isEmpty()) {
            torrent.string("url-list").beginList();
            webSeeds.forEach(torrent::string);
            torrent.end();
        }
        return torrent.end().toByteArray();
    }

    private Metainfo parse() throws MetainfoException {
        BValue decoded;
        try {
            decoded = BDecoder.decode(data, limits.bencode());
        } catch (BencodeException e) {
            throw new MetainfoException(e);
        }
        BDictionary root = Fields.dictionary(decoded, "torrent");
        BDictionary info = Fields.dictionary(Fields.required(root, "info", "info"), "info");

        MetainfoVersion version = version(info);
        long pieceLength = pieceLength(info, version);
        String name = Fields.text(Fields.required(info, "name", "info.name"), "info.name");
        String nameDefect = FilePath.defectOfComponent(name);
        if (nameDefect != null) {
            throw new MetainfoException("info.name", nameDefect);
        }

        List<FileEntry> files;
        int pieceCount;
        byte[] pieces = null;
        if (version.hasV1()) {
            files = v1Files(info, name);
            pieces = pieces(info, files, pieceLength);
            pieceCount = pieces.length / SHA1_LENGTH;
        } else {
            files = List.of();
            pieceCount = 0;
        }
        Map<PiecesRoot, byte[]> layers = Map.of();
        if (version.hasV2()) {
            BDictionary tree = Fields.dictionary(Fields.required(info, "file tree", "info.file tree"), "info.file tree");
            FileTree v2 = FileTree.read(tree, name, info.containsKey("files"), pieceLength, limits);
            if (version == MetainfoVersion.HYBRID) {
                files = matchHybrid(files, pieceCount, v2);
            } else {
                files = v2.files();
                pieceCount = v2.pieceCount();
            }
            if (layersPending != null) {
                for (FileEntry file : files) {
                    if (FileTree.needsPieceLayer(file, pieceLength)) {
                        layersPending.putIfAbsent(file.piecesRoot().orElseThrow(),
                                (int) ((file.length() + pieceLength - 1) / pieceLength));
                    }
                }
            } else {
                layers = pieceLayers(root, files, pieceLength);
            }
        }
        checkPaths(files);
        long content = files.stream().filter(file -> !file.padding()).mapToLong(FileEntry::length).sum();
        if (content == 0) {
            // libtorrent refuses these too (torrent_invalid_length): there is nothing to share.
            throw new MetainfoException("info", "the torrent holds no data: every file is empty or padding");
        }

        InfoHash v1 = version.hasV1() ? InfoHash.ofInfo(InfoHash.Version.V1, data, info.rawStart(), info.rawLength()) : null;
        InfoHash v2 = version.hasV2() ? InfoHash.ofInfo(InfoHash.Version.V2, data, info.rawStart(), info.rawLength()) : null;
        return new Metainfo(data, info.rawStart(), info.rawEnd(), version, v1, v2, name, files, pieceLength, pieceCount,
                pieces, layers, isPrivate(info), trackerTiers(root), webSeeds(root), creationDate(root),
                displayText(root, "comment"), displayText(root, "created by"));
    }

    /**
     * {@code meta version} 2 makes a v2 torrent (BEP 52); a v2 torrent that also has the v1 keys
     * ({@code pieces} with {@code length} or {@code files}) is a hybrid.
     */
    private static MetainfoVersion version(BDictionary info) throws MetainfoException {
        BValue meta = info.get("meta version");
        long metaVersion = meta == null ? 1 : Fields.integer(meta, "info.meta version");
        boolean hasV1Files = info.containsKey("length") || info.containsKey("files");
        if (metaVersion == 1) {
            if (info.containsKey("file tree")) {
                throw new MetainfoException("info.file tree", "present without meta version 2 (BEP 52)");
            }
            return MetainfoVersion.V1;
        }
        if (metaVersion != 2) {
            throw new MetainfoException("info.meta version", metaVersion + " is not supported, only 1 and 2 are");
        }
        if (!hasV1Files) {
            if (info.containsKey("pieces")) {
                throw new MetainfoException("info.pieces", "present without length or files");
            }
            return MetainfoVersion.V2;
        }
        return MetainfoVersion.HYBRID;
    }

    private static long pieceLength(BDictionary info, MetainfoVersion version) throws MetainfoException {
        String field = "info.piece length";
        long length = Fields.integer(Fields.required(info, "piece length", field), field);
        if (length <= 0) {
            throw new MetainfoException(field, "must be positive, is " + length);
        }
        if (length > MAX_PIECE_LENGTH) {
            throw new MetainfoException(field, "must be at most " + MAX_PIECE_LENGTH + " bytes, is " + length);
        }
        if (version.hasV2() && (length < MIN_V2_PIECE_LENGTH || Long.bitCount(length) != 1)) {
            throw new MetainfoException(field, "must be a power of two of at least 16 KiB (BEP 52), is " + length);
        }
        return length;
    }

    /** BEP 3: {@code length} for one file named {@code name}, or {@code files} under a directory named {@code name}. */
    private List<FileEntry> v1Files(BDictionary info, String name) throws MetainfoException {
        BValue single = info.get("length");
        BValue multi = info.get("files");
        if (single != null && multi != null) {
            throw new MetainfoException("info", "has both length and files (BEP 3)");
        }
        if (single == null && multi == null) {
            throw new MetainfoException("info", "has neither length nor files (BEP 3)");
        }
        if (single != null) {
            FileAttributes attributes = FileAttributes.read(info, "info");
            long length = fileLength(info, attributes, "info");
            return List.of(new FileEntry(FilePath.of(name), length, 0, attributes.padding(), attributes.executable(),
                    attributes.hidden(), attributes.symlinkTarget(null, "info"), Optional.empty()));
        }
        BList list = Fields.list(multi, "info.files");
        if (list.isEmpty()) {
            throw new MetainfoException("info.files", "is empty");
        }
        if (list.size() > limits.maxFiles()) {
            throw new MetainfoException("info.files", "has more than " + limits.maxFiles() + " files");
        }
        List<FileEntry> files = new ArrayList<>(list.size());
        long offset = 0;
        for (int i = 0; i < list.size(); i++) {
            String field = "info.files[" + i + "]";
            BDictionary file = Fields.dictionary(list.get(i), field);
            FileAttributes attributes = FileAttributes.read(file, field);
            long length = fileLength(file, attributes, field);
            List<String> path = new ArrayList<>();
            path.add(name);
            path.addAll(FileAttributes.components(
                    Fields.list(Fields.required(file, "path", field + ".path"), field + ".path"), field + ".path"));
            FilePath filePath = FilePath.parse(path, field + ".path");
            if (length > limits.maxTotalLength() - offset) {
                throw new MetainfoException("info.files",
                        "total length exceeds the limit of " + limits.maxTotalLength() + " bytes");
            }
            boolean padding = attributes.padding() || FileAttributes.isBitCometPad(path);
            files.add(new FileEntry(filePath, length, offset, padding, attributes.executable(), attributes.hidden(),
                    attributes.symlinkTarget(name, field), Optional.empty()));
            offset += length;
        }
        return files;
    }

    /** A symlink takes no room in the piece space (BEP 47): its length is 0, written or not. */
    private long fileLength(BDictionary file, FileAttributes attributes, String field) throws MetainfoException {
        BValue length = file.get("length");
        if (attributes.symlinkPath().isPresent()) {
            if (length != null && Fields.integer(length, field + ".length") != 0) {
                throw new MetainfoException(field + ".length", "of a symlink must be 0 (BEP 47)");
            }
            return 0;
        }
        if (length == null) {
            throw new MetainfoException(field + ".length", "missing");
        }
        return Fields.length(length, field + ".length", limits.maxTotalLength());
    }

    /** BEP 3 {@code pieces}: one 20-byte SHA-1 per piece of the concatenated files, no more, no fewer. */
    private byte[] pieces(BDictionary info, List<FileEntry> files, long pieceLength) throws MetainfoException {
        long total = 0;
        for (FileEntry file : files) {
            total += file.length();
        }
        long needed = (total + pieceLength - 1) / pieceLength;
        if (needed > limits.maxPieces()) {
            throw new MetainfoException("info.pieces", "the files need " + needed + " pieces, more than the limit of "
                    + limits.maxPieces());
        }
        byte[] pieces = Fields.bytes(Fields.required(info, "pieces", "info.pieces"), "info.pieces");
        if (pieces.length % SHA1_LENGTH != 0) {
            throw new MetainfoException("info.pieces", "length " + pieces.length + " is not a multiple of 20");
        }
        if (pieces.length / SHA1_LENGTH != needed) {
            throw new MetainfoException("info.pieces", "holds " + pieces.length / SHA1_LENGTH + " hashes, but "
                    + total + " bytes in pieces of " + pieceLength + " need " + needed);
        }
        return pieces;
    }

    /**
     * BEP 52's hybrid rule: the v1 list, pad files aside, must be the file tree's files, in its
     * order, with the same lengths, each starting where the file tree puts it — at a piece
     * boundary — so that both hash the same pieces. Returns the v1 list with the roots attached.
     */
    private static List<FileEntry> matchHybrid(List<FileEntry> v1Files, int v1Pieces, FileTree tree) throws MetainfoException {
        List<FileEntry> v2Files = tree.files();
        List<FileEntry> matched = new ArrayList<>(v1Files.size());
        int next = 0;
        for (FileEntry file : v1Files) {
            if (file.padding()) {
                matched.add(file);
                continue;
            }
            if (next == v2Files.size()) {
                throw new MetainfoException("info", "hybrid: the v1 file list has more files than the file tree (BEP 52)");
            }
            FileEntry other = v2Files.get(next++);
            if (!file.path().equals(other.path()) || file.length() != other.length()
                    || !file.symlinkTarget().equals(other.symlinkTarget())) {
                throw new MetainfoException("info", "hybrid: v1 file '" + file.path() + "' (" + file.length()
                        + " bytes) does not match file tree entry '" + other.path() + "' (" + other.length()
                        + " bytes) (BEP 52)");
            }
            if (file.length() > 0 && file.offset() != other.offset()) {
                throw new MetainfoException("info", "hybrid: v1 file '" + file.path()
                        + "' does not start at its piece boundary; pad files must align it (BEP 47, BEP 52)");
            }
            matched.add(file.withPiecesRoot(other.piecesRoot()));
        }
        if (next != v2Files.size()) {
            throw new MetainfoException("info", "hybrid: the file tree has files the v1 file list lacks, first '"
                    + v2Files.get(next).path() + "' (BEP 52)");
        }
        if (v1Pieces != tree.pieceCount()) {
            throw new MetainfoException("info.pieces", "hybrid: " + v1Pieces + " v1 pieces, but the file tree has "
                    + tree.pieceCount() + " (BEP 52)");
        }
        return matched;
    }

    /**
     * BEP 52 {@code piece layers}, outside the info dictionary: for every file larger than one
     * piece, its piece hashes, which must hash up to its {@code pieces root}; without them no
     * piece of that file could be checked before peers sent its hashes. When no file needs a
     * layer the dictionary may be absent (libtorrent's newest parser wants it even then, 2.0.8
     * does not). Entries for roots no file needs are ignored, as libtorrent ignores them.
     */
    private static Map<PiecesRoot, byte[]> pieceLayers(BDictionary root, List<FileEntry> files, long pieceLength)
            throws MetainfoException {
        String field = "piece layers";
        Map<PiecesRoot, byte[]> layers = new HashMap<>();
        BValue present = root.get(field);
        BDictionary given = present == null ? null : Fields.dictionary(present, field);
        for (FileEntry file : files) {
            if (!FileTree.needsPieceLayer(file, pieceLength)) {
                continue;
            }
            if (given == null) {
                throw new MetainfoException(field, "missing, but '" + file.path() + "' is larger than a piece (BEP 52)");
            }
            PiecesRoot piecesRoot = file.piecesRoot().orElseThrow();
            if (layers.containsKey(piecesRoot)) {
                continue;
            }
            BValue layer = given.get(BString.of(piecesRoot.bytes()));
            if (layer == null) {
                throw new MetainfoException(field, "no layer for '" + file.path() + "'");
            }
            byte[] hashes = Fields.bytes(layer, field + ": '" + file.path() + "'");
            long pieces = (file.length() + pieceLength - 1) / pieceLength;
            if (hashes.length != pieces * MerkleTree.HASH_LENGTH) {
                throw new MetainfoException(field, "the layer for '" + file.path() + "' has " + hashes.length
                        + " bytes, expected " + pieces * MerkleTree.HASH_LENGTH);
            }
            if (!piecesRoot.matches(MerkleTree.rootFromPieceLayer(hashes, pieceLength))) {
                throw new MetainfoException(field, "the layer for '" + file.path() + "' does not hash to its pieces root");
            }
            layers.put(piecesRoot, hashes);
        }
        return layers;
    }

    /**
     * No two files may share a path, and no file may also be a directory of another: either
     * would make one file overwrite another. Pad files are exempt; they are never written.
     */
    private static void checkPaths(List<FileEntry> files) throws MetainfoException {
        Set<List<String>> filePaths = new HashSet<>();
        Set<List<String>> directories = new HashSet<>();
        for (FileEntry file : files) {
            if (file.padding()) {
                continue;
            }
            List<String> path = file.path().components();
            if (!filePaths.add(path)) {
                throw new MetainfoException("info", "duplicate path '" + file.path() + "'");
            }
            if (directories.contains(path)) {
                throw new MetainfoException("info", "'" + file.path() + "' is both a file and a directory");
            }
            for (int end = 1; end < path.size(); end++) {
                List<String> directory = path.subList(0, end);
                if (filePaths.contains(directory)) {
                    throw new MetainfoException("info", "'" + String.join("/", directory) + "' is both a file and a directory");
                }
                directories.add(directory);
            }
        }
    }

    /** BEP 27: private when {@code private} is 1; like libtorrent, any other non-zero integer counts too. */
    private static boolean isPrivate(BDictionary info) throws MetainfoException {
        BValue flag = info.get("private");
        return flag != null && Fields.integer(flag, "info.private") != 0;
    }

    /** BEP 12: {@code announce-list} wins when it names a tracker; otherwise {@code announce} is the one tier. */
    private static List<List<String>> trackerTiers(BDictionary root) throws MetainfoException {
        List<List<String>> tiers = new ArrayList<>();
        BValue announceList = root.get("announce-list");
        if (announceList != null) {
            BList list = Fields.list(announceList, "announce-list");
            for (int t = 0; t < list.size(); t++) {
                BList tier = Fields.list(list.get(t), "announce-list[" + t + "]");
                Set<String> urls = new LinkedHashSet<>();
                for (int u = 0; u < tier.size(); u++) {
                    String url = Fields.text(tier.get(u), "announce-list[" + t + "][" + u + "]").strip();
                    if (!url.isEmpty()) {
                        urls.add(url);
                    }
                }
                if (!urls.isEmpty()) {
                    tiers.add(List.copyOf(urls));
                }
            }
        }
        BValue announce = root.get("announce");
        if (announce != null) {
            String url = Fields.text(announce, "announce").strip();
            if (tiers.isEmpty() && !url.isEmpty()) {
                tiers.add(List.of(url));
            }
        }
        return tiers;
    }

    /** BEP 19 {@code url-list}: one URL as a string, or a list of them. */
    private static List<String> webSeeds(BDictionary root) throws MetainfoException {
        BValue urlList = root.get("url-list");
        Set<String> seeds = new LinkedHashSet<>();
        if (urlList == null) {
            return List.of();
        }
        if (urlList.type() == BValue.Type.LIST) {
            BList list = (BList) urlList;
            for (int i = 0; i < list.size(); i++) {
                seeds.add(Fields.text(list.get(i), "url-list[" + i + "]").strip());
            }
        } else if (urlList.type() == BValue.Type.STRING) {
            seeds.add(Fields.text(urlList, "url-list").strip());
        } else {
            throw new MetainfoException("url-list", "is " + urlList.type().withArticle() + ", expected a string or a list");
        }
        seeds.remove("");
        return List.copyOf(seeds);
    }

    private static Instant creationDate(BDictionary root) throws MetainfoException {
        BValue date = root.get("creation date");
        if (date == null) {
            return null;
        }
        long seconds = Fields.integer(date, "creation date");
        if (seconds < 0 || seconds > MAX_CREATION_DATE) {
            throw new MetainfoException("creation date", "is out of range: " + seconds);
        }
        return Instant.ofEpochSecond(seconds);
    }

    /** Text only shown to people: malformed UTF-8 becomes U+FFFD rather than refusing the torrent. */
    private static String displayText(BDictionary root, String key) throws MetainfoException {
        BValue value = root.get(key);
        if (value == null) {
            return null;
        }
        String text = new String(Fields.bytes(value, key), StandardCharsets.UTF_8);
        return text.isEmpty() ? null : text;
    }
}
