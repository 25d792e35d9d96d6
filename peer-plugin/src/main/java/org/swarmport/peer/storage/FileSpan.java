package org.swarmport.peer.storage;

/**
 * One contiguous run of a piece's bytes that lies in one file.
 *
 * @param file        index of the file in {@code Metainfo.files()}, or {@link #GAP} for the
 *                    alignment gap after a file of a v2-only torrent (BEP 52 pieces never span
 *                    files; the gap is zeros that no file holds)
 * @param fileOffset  where the run begins in the file
 * @param pieceOffset where the run begins in the piece
 * @param length      bytes in the run, at least 1
 * @param padding     true for a BEP 47 pad file or a gap: zeros, never written to disk
 */
public record FileSpan(int file, long fileOffset, int pieceOffset, int length, boolean padding) {

    /** The {@link #file} of a v2 alignment gap. */
    public static final int GAP = -1;

    public FileSpan {
        if (length < 1 || fileOffset < 0 || pieceOffset < 0) {
            throw new IllegalArgumentException("span of " + length + " bytes at " + fileOffset + "/" + pieceOffset);
        }
    }
}
