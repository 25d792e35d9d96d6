package org.swarmport.peer.metainfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.swarmport.peer.bencode.BDictionary;

/**
 * Reads a v2 {@code file tree} (BEP 52): a dictionary of path components down to leaves
 * {@code {"": {length, pieces root, attr...}}}. Files come out in the tree's order, which is
 * sorted by raw bytes at every level because bencode dictionary keys are; each starts at a
 * piece boundary of the piece space, since v2 hashes every file on its own.
 *
 * <p>The walk recurses once per directory level; the decoder's nesting limit
 * ({@link org.swarmport.peer.bencode.BencodeLimits#maxDepth()}) bounds that depth.
 */
final class FileTree {

    private static final String FIELD = "info.file tree";

    private final long pieceLength;
    private final MetainfoLimits limits;
    private final List<FileEntry> files = new ArrayList<>();
    private long nextOffset;
    private long pieceCount;

    private FileTree(long pieceLength, MetainfoLimits limits) {
        this.pieceLength = pieceLength;
        this.limits = limits;
    }

    /**
     * The files of {@code tree}. {@code name} becomes the first component of every path, except
     * for a tree of exactly one file at its top and no v1 {@code files} list: a single-file
     * torrent, whose path is the key itself (as libtorrent reads it).
     */
    static FileTree read(BDictionary tree, String name, boolean hasV1FileList, long pieceLength, MetainfoLimits limits)
            throws MetainfoException {
        if (tree.isEmpty()) {
            throw new MetainfoException(FIELD, "is empty");
        }
        FileTree reader = new FileTree(pieceLength, limits);
        boolean singleFile = !hasV1FileList && tree.size() == 1 && tree.valueAt(0) instanceof BDictionary top && isLeaf(top);
        List<String> prefix = new ArrayList<>();
        if (!singleFile) {
            prefix.add(name);
        }
        reader.walk(tree, prefix);
        return reader;
    }

    List<FileEntry> files() {
        return files;
    }

    /** Σ ceil(length / piece length) over the files: v2 pieces never span two files. */
    int pieceCount() {
        return (int) pieceCount;
    }

    private static boolean isLeaf(BDictionary node) {
        return node.containsKey("");
    }

    private void walk(BDictionary directory, List<String> prefix) throws MetainfoException {
        for (int i = 0; i < directory.size(); i++) {
            String component = Fields.utf8(directory.keyAt(i));
            if (component == null) {
                String where = prefix.isEmpty() ? FIELD : FIELD + "[" + String.join("/", prefix) + "]";
                throw new MetainfoException(where, "holds a name that is not valid UTF-8");
            }
            List<String> path = new ArrayList<>(prefix);
            path.add(component);
            String field = FIELD + "[" + String.join("/", path) + "]";
            // One component at a time here; the whole path's length is checked at its file.
            String defect = FilePath.defectOfComponent(component);
            if (defect != null) {
                throw new MetainfoException(field, defect);
            }
            BDictionary node = Fields.dictionary(directory.valueAt(i), field);
            if (node.isEmpty()) {
                throw new MetainfoException(field, "directory is empty");
            }
            if (!isLeaf(node)) {
                walk(node, path);
                continue;
            }
            if (node.size() != 1) {
                // BEP 52: a file's dictionary "must not have any sibling entries".
                throw new MetainfoException(field, "is both a file and a directory");
            }
            addFile(Fields.dictionary(node.get(""), field), path, field);
        }
    }

    private void addFile(BDictionary leaf, List<String> path, String field) throws MetainfoException {
        if (files.size() == limits.maxFiles()) {
            throw new MetainfoException(FIELD, "has more than " + limits.maxFiles() + " files");
        }
        FileAttributes attributes = FileAttributes.read(leaf, field);
        if (attributes.padding()) {
            throw new MetainfoException(field, "pad files belong in the v1 file list only (BEP 52)");
        }
        long length = attributes.symlinkPath().isPresent() ? 0 : Fields.length(Fields.required(leaf, "length", field + ".length"),
                field + ".length", limits.maxTotalLength());
        Optional<PiecesRoot> root = Optional.empty();
        if (length > 0) {
            byte[] bytes = Fields.bytes(Fields.required(leaf, "pieces root", field + ".pieces root"), field + ".pieces root");
            if (bytes.length != PiecesRoot.LENGTH) {
                throw new MetainfoException(field + ".pieces root",
                        "is " + bytes.length + " bytes, expected " + PiecesRoot.LENGTH);
            }
            root = Optional.of(PiecesRoot.of(bytes));
        }
        Optional<FilePath> target = attributes.symlinkTarget(path.size() > 1 ? path.get(0) : null, field);
        long offset = nextOffset;
        long pieces = (length + pieceLength - 1) / pieceLength;
        if (length > limits.maxTotalLength() - offset) {
            throw new MetainfoException(FIELD, "total length exceeds the limit of " + limits.maxTotalLength() + " bytes");
        }
        pieceCount += pieces;
        if (pieceCount > limits.maxPieces()) {
            throw new MetainfoException(FIELD, "has more than " + limits.maxPieces() + " pieces");
        }
        nextOffset = offset + pieces * pieceLength;
        files.add(new FileEntry(FilePath.parse(path, field), length, offset, false, attributes.executable(), attributes.hidden(),
                target, root));
    }

    /**
     * BEP 52: "piece layers" holds a layer for every file larger than one piece; a smaller
     * file's root is its only piece hash.
     */
    static boolean needsPieceLayer(FileEntry file, long pieceLength) {
        return file.piecesRoot().isPresent() && file.length() > pieceLength;
    }
}
