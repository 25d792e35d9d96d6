package org.swarmport.peer.swarm;

import java.util.List;

import org.swarmport.peer.metainfo.FileEntry;
import org.swarmport.peer.metainfo.Metainfo;

/**
 * Which bytes of each piece we request, and so how many {@link Block}s each piece has: from the
 * start of the piece to the end of the last file data in it.
 *
 * <p>In a plain v1 torrent that is the whole piece, the last piece being shorter. Padding is
 * not requested: BEP 47 says clients "should avoid requesting byte-ranges covering" pad files,
 * whose content is zeros by definition, and in a v2-only torrent (BEP 52) every file starts on
 * a piece boundary, so the last piece of each file ends with the file. A pad file aligns the next
 * file to a piece boundary, so it always runs to the end of its piece and skipping it just makes
 * the piece's data shorter; storage supplies the zeros when it hashes the piece. Immutable.
 */
public final class PieceGeometry {

    /** The longest piece accepted: 2^30 bytes keeps every offset in an {@code int}. */
    public static final long MAX_PIECE_LENGTH = 1L << 30;

    private final int pieceCount;
    private final int pieceLength;
    /** Bytes of the last piece in piece space: to the end of the last file, pad files included. */
    private final int lastPieceLength;
    /** Requested bytes of every piece when some piece ends in padding or a v2 gap; else null (all of each piece). */
    private final int[] dataLengths;

    private PieceGeometry(int pieceCount, int pieceLength, int lastPieceLength, int[] dataLengths) {
        this.pieceCount = pieceCount;
        this.pieceLength = pieceLength;
        this.lastPieceLength = lastPieceLength;
        this.dataLengths = dataLengths;
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
     * The geometry of a parsed torrent: its files laid out in piece space, without pad files
     * (BEP 47) and v2 alignment gaps (BEP 52).
     *
     * @throws IllegalArgumentException when a piece holds no file data at all (a pad file longer
     *                                  than a piece), which no correct torrent has
     */
    public static PieceGeometry of(Metainfo metainfo) {
        long nominal = metainfo.pieceLength();
        checkPieceLength(nominal);
        int count = metainfo.pieceCount();
        int[] data = new int[count];
        long spaceEnd = 0;
        for (FileEntry file : metainfo.files()) {
            if (file.length() == 0) {
                continue;
            }
            long end = file.offset() + file.length();
            if ((end - 1) / nominal >= count) {
                throw new IllegalArgumentException(file.path() + " ends in piece " + (end - 1) / nominal + " of " + count);
            }
            spaceEnd = Math.max(spaceEnd, end);
            if (file.padding()) {
                continue;
            }
            for (long piece = file.offset() / nominal; piece <= (end - 1) / nominal; piece++) {
                long inPiece = Math.min(end, (piece + 1) * nominal) - piece * nominal;
                data[(int) piece] = (int) Math.max(data[(int) piece], inPiece);
            }
        }
        int last = (int) (spaceEnd - (count - 1L) * nominal);
        if (last < 1) {
            throw new IllegalArgumentException("the files end before the last piece " + (count - 1));
        }
        boolean allData = true;
        for (int piece = 0; piece < count; piece++) {
            if (data[piece] == 0) {
                throw new IllegalArgumentException("piece " + piece + " holds no file data, only padding");
            }
            allData &= data[piece] == (piece == count - 1 ? last : nominal);
        }
        return new PieceGeometry(count, (int) nominal, last, allData ? null : data);
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

    /**
     * Bytes of piece {@code piece} in piece space, pad files and v2 alignment gaps included: the
     * nominal length, the last piece shorter. What a peer may request from us (BEP 47: pad bytes
     * must still be served, as zeros) and what the piece hashes over.
     */
    public int pieceLength(int piece) {
        checkPiece(piece);
        return spaceLength(piece);
    }

    /**
     * Bytes of piece {@code piece} that we request: from its start to the end of its last file
     * data. The rest of the piece, up to {@link #pieceLength}, is zeros.
     */
    public int dataLength(int piece) {
        checkPiece(piece);
        if (dataLengths != null) {
            return dataLengths[piece];
        }
        return spaceLength(piece);
    }

    /**
     * The nominal length, or the last piece's, without a branch on the last piece: Math.min(int,
     * int) is a JIT intrinsic, a compare-and-select. With a {@code piece == pieceCount - 1} test,
     * a cold JVM's C2 compiled the receive path before the one last piece arrived, made the
     * untaken branch a trap, and the last piece's first block recompiled all of
     * {@code TorrentSession.onMessage} (0.5 s of C2) mid-transfer (issue #6, -XX:+PrintCompilation).
     */
    private int spaceLength(int piece) {
        int notLast = Math.min(pieceCount - 1 - piece, 1);
        return lastPieceLength + notLast * (pieceLength - lastPieceLength);
    }

    /** Blocks we request of piece {@code piece}: its {@link #dataLength} over 16 KiB, rounded up. */
    public int blockCount(int piece) {
        return (dataLength(piece) + Block.LENGTH - 1) / Block.LENGTH;
    }

    /** Block {@code index} of piece {@code piece}, with the short length of a piece's last block. */
    public Block block(int piece, int index) {
        int length = dataLength(piece);
        int offset = index * Block.LENGTH;
        if (index < 0 || offset >= length) {
            throw new IndexOutOfBoundsException("block " + index + " of piece " + piece + " (" + length + " bytes)");
        }
        return new Block(piece, offset, Math.min(Block.LENGTH, length - offset));
    }

    /** Whether {@code block} is exactly one of the blocks we request: in range, aligned, of the right length. */
    public boolean isBlock(Block block) {
        return isBlock(block.piece(), block.offset(), block.length());
    }

    /**
     * The same for raw wire fields, without building a {@link Block}, which refuses hostile
     * values with an exception: negative, misaligned, empty or oversized blocks answer false.
     */
    public boolean isBlock(int piece, int offset, int length) {
        if (piece < 0 || piece >= pieceCount || offset < 0 || offset % Block.LENGTH != 0) {
            return false;
        }
        int data = dataLength(piece);
        return offset < data && length == Math.min(Block.LENGTH, data - offset);
    }

    private void checkPiece(int piece) {
        if (piece < 0 || piece >= pieceCount) {
            throw new IndexOutOfBoundsException("piece " + piece + " of " + pieceCount);
        }
    }
}
