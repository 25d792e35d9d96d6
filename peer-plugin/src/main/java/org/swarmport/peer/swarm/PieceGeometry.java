package org.swarmport.peer.swarm;

import java.util.List;

import org.swarmport.peer.metainfo.FileEntry;
import org.swarmport.peer.metainfo.Metainfo;

/**
 * How long each piece of a torrent is, and so how many {@link Block}s it has.
 *
 * <p>In a v1 or hybrid torrent every piece has the nominal length except the last. In a
 * v2-only torrent every file starts on a piece boundary (BEP 52), so the last piece of each file
 * is short; the wire carries those short pieces as they are, and the picker must not ask for
 * bytes past a file's end. Immutable.
 */
public final class PieceGeometry {

    /** The longest piece accepted: 2^30 bytes keeps every offset in an {@code int}. */
    public static final long MAX_PIECE_LENGTH = 1L << 30;

    private final int pieceCount;
    private final int pieceLength;
    private final int lastPieceLength;
    /** Length of every piece when they are not all nominal but the last (v2-only); else null. */
    private final int[] lengths;

    private PieceGeometry(int pieceCount, int pieceLength, int lastPieceLength, int[] lengths) {
        this.pieceCount = pieceCount;
        this.pieceLength = pieceLength;
        this.lastPieceLength = lastPieceLength;
        this.lengths = lengths;
    }

    /** {@code pieceCount} pieces of {@code pieceLength} bytes but the last, over {@code totalLength} bytes (v1). */
    public static PieceGeometry uniform(int pieceCount, long pieceLength, long totalLength) {
        checkPieceLength(pieceLength);
        if (pieceCount < 1 || totalLength < 1) {
            throw new IllegalArgumentException(pieceCount + " pieces over " + totalLength + " bytes");
        }
        long expected = (totalLength + pieceLength - 1) / pieceLength;
        if (expected != pieceCount) {
            throw new IllegalArgumentException(totalLength + " bytes in pieces of " + pieceLength + " make " + expected
                    + " pieces, not " + pieceCount);
        }
        int last = (int) (totalLength - (pieceCount - 1L) * pieceLength);
        return new PieceGeometry(pieceCount, (int) pieceLength, last, null);
    }

    /**
     * The geometry of a parsed torrent: its files (pad files included, they are sent like
     * content) laid out in piece space, so v2-only torrents get their short per-file pieces.
     */
    public static PieceGeometry of(Metainfo metainfo) {
        long nominal = metainfo.pieceLength();
        checkPieceLength(nominal);
        int count = metainfo.pieceCount();
        int[] lengths = new int[count];
        List<FileEntry> files = metainfo.files();
        for (FileEntry file : files) {
            if (file.length() == 0) {
                continue;
            }
            long end = file.offset() + file.length();
            long first = file.offset() / nominal;
            long last = (end - 1) / nominal;
            if (last >= count) {
                throw new IllegalArgumentException(file.path() + " ends in piece " + last + " of " + count);
            }
            for (long piece = first; piece <= last; piece++) {
                long inPiece = Math.min(end, (piece + 1) * nominal) - piece * nominal;
                lengths[(int) piece] = (int) Math.max(lengths[(int) piece], inPiece);
            }
        }
        boolean uniform = true;
        for (int piece = 0; piece < count; piece++) {
            if (lengths[piece] == 0) {
                throw new IllegalArgumentException("piece " + piece + " holds no file data");
            }
            if (piece < count - 1 && lengths[piece] != nominal) {
                uniform = false;
            }
        }
        return new PieceGeometry(count, (int) nominal, lengths[count - 1], uniform ? null : lengths);
    }

    private static void checkPieceLength(long pieceLength) {
        if (pieceLength < 1 || pieceLength > MAX_PIECE_LENGTH) {
            throw new IllegalArgumentException("piece length " + pieceLength + " outside 1.." + MAX_PIECE_LENGTH);
        }
    }

    public int pieceCount() {
        return pieceCount;
    }

    /** The nominal piece length of the torrent. */
    public int nominalPieceLength() {
        return pieceLength;
    }

    /** Bytes of piece {@code piece}. */
    public int pieceLength(int piece) {
        checkPiece(piece);
        if (lengths != null) {
            return lengths[piece];
        }
        return piece == pieceCount - 1 ? lastPieceLength : pieceLength;
    }

    /** Blocks of piece {@code piece}: its length over 16 KiB, rounded up. */
    public int blockCount(int piece) {
        return (pieceLength(piece) + Block.LENGTH - 1) / Block.LENGTH;
    }

    /** Block {@code index} of piece {@code piece}, with the short length of a piece's last block. */
    public Block block(int piece, int index) {
        int length = pieceLength(piece);
        int offset = index * Block.LENGTH;
        if (index < 0 || offset >= length) {
            throw new IndexOutOfBoundsException("block " + index + " of piece " + piece + " (" + length + " bytes)");
        }
        return new Block(piece, offset, Math.min(Block.LENGTH, length - offset));
    }

    /** Whether {@code block} is exactly one of this torrent's blocks: in range, aligned, of the right length. */
    public boolean isBlock(Block block) {
        if (block.piece() >= pieceCount) {
            return false;
        }
        int length = pieceLength(block.piece());
        return block.offset() < length && block.length() == Math.min(Block.LENGTH, length - block.offset());
    }

    private void checkPiece(int piece) {
        if (piece < 0 || piece >= pieceCount) {
            throw new IndexOutOfBoundsException("piece " + piece + " of " + pieceCount);
        }
    }
}
