package org.swarmport.peer.metainfo;

import java.util.Objects;
import java.util.Optional;

/**
 * One file of a torrent.
 *
 * @param path          where the file goes, relative to the download directory: for a
 *                      multi-file torrent it begins with the torrent's name (BEP 3)
 * @param length        bytes of content; 0 for an empty file and for a symlink
 * @param offset        where the file begins in the torrent's piece space: in the
 *                      concatenation of the v1 file list (BEP 3), and for a v2-only torrent
 *                      where it would begin were every file aligned to a piece (BEP 52), which
 *                      is also where a hybrid torrent's pad files put it
 * @param padding       a pad file (BEP 47 attribute {@code p}): zeros that align the next file
 *                      to a piece; never written to disk
 * @param executable    BEP 47 attribute {@code x}
 * @param hidden        BEP 47 attribute {@code h}
 * @param symlinkTarget for a symlink (BEP 47 attribute {@code l}), the path it points to,
 *                      relative to the download directory like {@code path}
 * @param piecesRoot    the root of the file's merkle tree (BEP 52); present for every non-empty
 *                      file of a v2 or hybrid torrent, absent for v1 and for pad files
 */
public record FileEntry(FilePath path, long length, long offset, boolean padding, boolean executable, boolean hidden,
                        Optional<FilePath> symlinkTarget, Optional<PiecesRoot> piecesRoot) {

    public FileEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(symlinkTarget, "symlinkTarget");
        Objects.requireNonNull(piecesRoot, "piecesRoot");
        if (length < 0 || offset < 0) {
            throw new IllegalArgumentException("negative length or offset");
        }
    }

    /** This entry with the pieces root that a hybrid torrent's file tree gives it. */
    FileEntry withPiecesRoot(Optional<PiecesRoot> root) {
        return new FileEntry(path, length, offset, padding, executable, hidden, symlinkTarget, root);
    }

    public boolean isSymlink() {
        return symlinkTarget.isPresent();
    }
}
