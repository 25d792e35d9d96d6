package org.swarmport.peer.metadata;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.OptionalInt;

import org.swarmport.peer.metainfo.InfoHash;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.metainfo.MetainfoException;
import org.swarmport.peer.metainfo.MetainfoParser;

/**
 * Puts a torrent's info dictionary together from {@code ut_metadata} pieces (BEP 9), which may
 * come from several peers, and checks it against the magnet link's info-hashes before anything
 * trusts it: SHA-1 for {@code btih}, SHA-256 for {@code btmh}, both for a hybrid link.
 *
 * <p>The size comes from the first peer's extension handshake ({@code metadata_size}, BEP 10)
 * and is bounded before the buffer is allocated. {@link #nextPiece()} hands each missing piece
 * to one peer at a time; when the assembled bytes do not hash right, every piece is thrown away and
 * fetching starts over, because one bad piece cannot be told from the good ones.
 *
 * <p>Not thread-safe: the engine's network thread owns it.
 */
public final class MetadataAssembler {

    private final List<InfoHash> expected;
    private final int size;
    private final byte[] buffer;
    private final BitSet received;
    private final int[] outstanding;
    private final int pieceCount;

    /**
     * @param expected the magnet link's info-hashes, at least one
     * @param size     {@code metadata_size} from a peer
     * @param maxSize  largest size accepted, such as {@link MetadataMessage#DEFAULT_MAX_METADATA_SIZE}
     */
    public MetadataAssembler(List<InfoHash> expected, long size, int maxSize) throws MetadataException {
        if (expected.isEmpty()) {
            throw new IllegalArgumentException("no info-hash to check the metadata against");
        }
        if (size < 1 || size > maxSize) {
            throw new MetadataException("metadata_size " + size + " is outside 1.." + maxSize);
        }
        this.expected = List.copyOf(expected);
        this.size = (int) size;
        this.buffer = new byte[this.size];
        this.pieceCount = MetadataMessage.pieceCount(this.size);
        this.received = new BitSet(pieceCount);
        this.outstanding = new int[pieceCount];
    }

    public MetadataAssembler(List<InfoHash> expected, long size) throws MetadataException {
        this(expected, size, MetadataMessage.DEFAULT_MAX_METADATA_SIZE);
    }

    public int size() {
        return size;
    }

    public int pieceCount() {
        return pieceCount;
    }

    public boolean isComplete() {
        return received.cardinality() == pieceCount;
    }

    /** Pieces still missing, in order. */
    public List<Integer> missingPieces() {
        List<Integer> missing = new ArrayList<>();
        for (int piece = received.nextClearBit(0); piece < pieceCount; piece = received.nextClearBit(piece + 1)) {
            missing.add(piece);
        }
        return missing;
    }

    /**
     * A missing piece nobody has been asked for, to request from the next peer, and counts the
     * request; empty when every missing piece is already requested (or none is missing). Each
     * request ends with {@link #accept}, {@link #rejected} or {@link #abandoned}; the last two
     * make the piece available again, for another peer.
     */
    public OptionalInt nextPiece() {
        for (int piece = received.nextClearBit(0); piece < pieceCount; piece = received.nextClearBit(piece + 1)) {
            if (outstanding[piece] == 0) {
                outstanding[piece]++;
                return OptionalInt.of(piece);
            }
        }
        return OptionalInt.empty();
    }

    /** A peer rejected the request for {@code piece} (BEP 9 reject). */
    public void rejected(int piece) {
        abandoned(piece);
    }

    /** A request for {@code piece} will get no answer: the peer went away or timed out. */
    public void abandoned(int piece) {
        if (piece >= 0 && piece < pieceCount && outstanding[piece] > 0) {
            outstanding[piece]--;
        }
    }

    /**
     * Takes a data message. A piece that already arrived is ignored (two peers answered).
     *
     * @return whether the metadata is now complete
     * @throws MetadataException when the message's {@code total_size} is not this metadata's
     */
    public boolean accept(MetadataMessage.Data data) throws MetadataException {
        if (data.totalSize() != size) {
            throw new MetadataException("total_size " + data.totalSize() + " differs from metadata_size " + size);
        }
        int piece = data.piece();
        abandoned(piece);
        if (!received.get(piece)) {
            byte[] bytes = data.data();
            System.arraycopy(bytes, 0, buffer, piece * MetadataMessage.PIECE_SIZE, bytes.length);
            received.set(piece);
        }
        return isComplete();
    }

    /**
     * The verified info dictionary as a {@link Metainfo}, with the magnet's trackers and web
     * seeds (see {@link MetainfoParser#parseInfo}).
     *
     * @throws MetadataException when pieces are missing, when the bytes do not hash to every
     *                           expected info-hash (then every piece is discarded, to be
     *                           fetched again), or when the verified dictionary is not a
     *                           usable torrent
     */
    public Metainfo metainfo(List<List<String>> trackerTiers, List<String> webSeeds) throws MetadataException {
        byte[] info = verifiedInfo();
        try {
            return MetainfoParser.parseInfo(info, trackerTiers, webSeeds);
        } catch (MetainfoException e) {
            throw new MetadataException("the metadata hashes right but is not a usable torrent: " + e.getMessage(), e);
        }
    }

    /** The assembled bytes once they hash to every expected info-hash; see {@link #metainfo}. */
    public byte[] verifiedInfo() throws MetadataException {
        if (!isComplete()) {
            throw new MetadataException(missingPieces().size() + " of " + pieceCount + " pieces are still missing");
        }
        for (InfoHash hash : expected) {
            byte[] digest = digest(hash.version()).digest(buffer);
            if (!MessageDigest.isEqual(digest, hash.bytes())) {
                received.clear();
                Arrays.fill(outstanding, 0);
                throw new MetadataException("the metadata does not hash to the " + (hash.version() == InfoHash.Version.V1
                        ? "btih (SHA-1)" : "btmh (SHA-256)") + " info-hash " + hash.hex() + "; all pieces discarded");
            }
        }
        return buffer.clone();
    }

    /** Piece {@code piece} of {@code info}, for serving metadata we have to peers. */
    public static MetadataMessage.Data piece(byte[] info, int piece) {
        int length = MetadataMessage.pieceLength(piece, info.length);
        if (piece < 0 || length == 0) {
            throw new IndexOutOfBoundsException("piece " + piece + " of " + MetadataMessage.pieceCount(info.length));
        }
        byte[] bytes = new byte[length];
        System.arraycopy(info, piece * MetadataMessage.PIECE_SIZE, bytes, 0, length);
        return new MetadataMessage.Data(piece, info.length, bytes);
    }

    private static MessageDigest digest(InfoHash.Version version) {
        try {
            return MessageDigest.getInstance(version == InfoHash.Version.V1 ? "SHA-1" : "SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1 and SHA-256", e);
        }
    }
}
