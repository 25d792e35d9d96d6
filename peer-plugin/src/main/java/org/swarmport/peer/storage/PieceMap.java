package org.swarmport.peer.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.swarmport.peer.metainfo.FileEntry;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.metainfo.MetainfoVersion;

/**
 * Where each piece's bytes lie: the torrent's piece space (BEP 3, the files laid end to end in
 * {@code Metainfo.files()} order) cut into pieces, and each piece or block into {@link FileSpan}s.
 *
 * <p>A v1 piece may straddle any number of files, a 1-byte file may sit inside one piece with
 * others, and empty files hold no byte of any piece. BEP 47 pad files are spans marked
 * {@code padding}; in a v2-only torrent, where every file starts on a piece boundary (BEP 52),
 * the space between a file's end and the next boundary is a {@link FileSpan#GAP} span, after the
 * last file too, so every v2 piece is a whole piece on the wire, as libtorrent has it. Pure
 * arithmetic over the metainfo, immutable and safe to share between threads.
 */
public final class PieceMap {

    /** The block of BEP 3 requests and of BEP 52 merkle leaves. */
    public static final int BLOCK_SIZE = 16 * 1024;

    private final List<FileEntry> files;
    private final long pieceLength;
    private final int pieceCount;
    private final long totalSpace;
    /** Files that hold bytes of piece space, by index, in offset order. */
    private final int[] spanning;
    private final long[] starts;

    private PieceMap(Metainfo metainfo) {
        this.files = metainfo.files();
        this.pieceLength = metainfo.pieceLength();
        this.pieceCount = metainfo.pieceCount();
        int count = 0;
        long end = 0;
        int[] indices = new int[files.size()];
        long[] offsets = new long[files.size()];
        for (int i = 0; i < files.size(); i++) {
            FileEntry file = files.get(i);
            if (file.length() == 0) {
                continue;
            }
            if (file.offset() < end) {
                throw new IllegalArgumentException("file " + file.path() + " overlaps the file before it");
            }
            indices[count] = i;
            offsets[count] = file.offset();
            count++;
            end = file.offset() + file.length();
        }
        this.spanning = Arrays.copyOf(indices, count);
        this.starts = Arrays.copyOf(offsets, count);
        long expectedPieces = (end + pieceLength - 1) / pieceLength;
        if (expectedPieces != pieceCount) {
            throw new IllegalArgumentException(end + " bytes in pieces of " + pieceLength + " make " + expectedPieces
                    + " pieces, the metainfo says " + pieceCount);
        }
        // In a v2-only torrent the last file is aligned like every other: libtorrent pads it to a
        // whole piece, and its peers request and send the last piece at full length.
        this.totalSpace = metainfo.version() == MetainfoVersion.V2 ? pieceCount * pieceLength : end;
    }

    /** The map of {@code metainfo}'s piece space. */
    public static PieceMap of(Metainfo metainfo) {
        return new PieceMap(metainfo);
    }

    public int pieceCount() {
        return pieceCount;
    }

    public long pieceLength() {
        return pieceLength;
    }

    /** Bytes of piece space: content, pad files and (v2) alignment gaps; in v1 up to the end of the last file. */
    public long totalSpace() {
        return totalSpace;
    }

    /** Bytes of piece {@code piece} on the wire: the piece length, or less for the last piece of a v1 or hybrid torrent. */
    public int pieceSize(int piece) {
        checkPiece(piece);
        return (int) Math.min(pieceLength, totalSpace - piece * pieceLength);
    }

    /**
     * Bytes of piece {@code piece} up to the end of its last file data: the piece size without
     * the pad file or gap that ends it, which BEP 47 asks clients not to request.
     */
    public int dataLength(int piece) {
        List<FileSpan> spans = spans(piece);
        int length = pieceSize(piece);
        for (int i = spans.size() - 1; i >= 0 && spans.get(i).padding(); i--) {
            length -= spans.get(i).length();
        }
        return length;
    }

    /** 16 KiB blocks in piece {@code piece}, the last possibly shorter (BEP 3). */
    public int blockCount(int piece) {
        return (pieceSize(piece) + BLOCK_SIZE - 1) / BLOCK_SIZE;
    }

    /** Where piece {@code piece} starts in piece space. */
    public long pieceStart(int piece) {
        checkPiece(piece);
        return piece * pieceLength;
    }

    /** The spans of a whole piece. */
    public List<FileSpan> spans(int piece) {
        return spans(piece, 0, pieceSize(piece));
    }

    /**
     * The spans of {@code length} bytes at {@code offset} in piece {@code piece}, in order.
     *
     * @throws IllegalArgumentException when the range does not lie within the piece
     */
    public List<FileSpan> spans(int piece, int offset, int length) {
        checkRange(piece, offset, length);
        List<FileSpan> spans = new ArrayList<>(2);
        long position = pieceStart(piece) + offset;
        long end = position + length;
        int at = indexAtOrBefore(position);
        while (position < end) {
            FileEntry file = at >= 0 ? files.get(spanning[at]) : null;
            long fileEnd = file == null ? 0 : file.offset() + file.length();
            if (file != null && position >= file.offset() && position < fileEnd) {
                int run = (int) (Math.min(end, fileEnd) - position);
                spans.add(new FileSpan(spanning[at], position - file.offset(), (int) (position - pieceStart(piece)), run,
                        file.padding()));
                position += run;
            } else {
                // Between the end of one file and the start of the next: a v2 alignment gap.
                long next = at + 1 < starts.length ? starts[at + 1] : totalSpace;
                int run = (int) (Math.min(end, next) - position);
                spans.add(new FileSpan(FileSpan.GAP, 0, (int) (position - pieceStart(piece)), run, true));
                position += run;
            }
            if (at + 1 < starts.length && position >= starts[at + 1]) {
                at++;
            }
        }
        return spans;
    }

    /** The first piece holding a byte of file {@code file}; for an empty file, the piece it would start. */
    public int firstPiece(int file) {
        return (int) Math.min(pieceCount - 1L, files.get(file).offset() / pieceLength);
    }

    /** The last piece holding a byte of file {@code file}, or {@code firstPiece - 1} for an empty file. */
    public int lastPiece(int file) {
        FileEntry entry = files.get(file);
        if (entry.length() == 0) {
            return firstPiece(file) - 1;
        }
        return (int) ((entry.offset() + entry.length() - 1) / pieceLength);
    }

    /** Indices of the files that hold bytes of piece {@code piece}, pad files included, in order. */
    public int[] filesOf(int piece) {
        long start = pieceStart(piece);
        long end = start + pieceSize(piece);
        int at = Math.max(0, indexAtOrBefore(start));
        int[] found = new int[4];
        int count = 0;
        for (; at < starts.length && starts[at] < end; at++) {
            FileEntry file = files.get(spanning[at]);
            if (file.offset() + file.length() > start) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = spanning[at];
            }
        }
        return Arrays.copyOf(found, count);
    }

    /** Index into {@link #spanning} of the last file starting at or before {@code position}, or -1. */
    private int indexAtOrBefore(long position) {
        int found = Arrays.binarySearch(starts, position);
        return found >= 0 ? found : -found - 2;
    }

    private void checkPiece(int piece) {
        if (piece < 0 || piece >= pieceCount) {
            throw new IllegalArgumentException("piece " + piece + " is not one of the torrent's " + pieceCount);
        }
    }

    private void checkRange(int piece, int offset, int length) {
        int size = pieceSize(piece);
        if (offset < 0 || length < 0 || offset > size - length) {
            throw new IllegalArgumentException("bytes " + offset + "+" + length + " are outside piece " + piece
                    + " of " + size + " bytes");
        }
    }
}
