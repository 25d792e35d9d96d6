package org.swarmport.peer.metadata;

import java.util.Arrays;
import java.util.Optional;

import org.swarmport.peer.bencode.BDecoder;
import org.swarmport.peer.bencode.BDictionary;
import org.swarmport.peer.bencode.BEncoder;
import org.swarmport.peer.bencode.BInteger;
import org.swarmport.peer.bencode.BValue;
import org.swarmport.peer.bencode.BencodeException;
import org.swarmport.peer.bencode.BencodeLimits;

/**
 * One {@code ut_metadata} message (BEP 9), the payload of an extended message after its
 * extension id: a bencoded dictionary ({@code msg_type}, {@code piece}, and for data
 * {@code total_size}), followed, in a data message, by the raw piece of the info dictionary.
 * Pure functions over bytes; the engine does the framing.
 */
public sealed interface MetadataMessage permits MetadataMessage.Request, MetadataMessage.Data, MetadataMessage.Reject {

    /** BEP 9: metadata travels in 16 KiB pieces; only the last may be shorter. */
    int PIECE_SIZE = 16 * 1024;
    /** Largest metadata accepted by default: libtorrent's own limit (max_metadata_size) is 4 MiB; 8 MiB leaves room. */
    int DEFAULT_MAX_METADATA_SIZE = 8 * 1024 * 1024;

    /** The dictionary is three small integers; anything bigger than this is not a ut_metadata header. */
    BencodeLimits HEADER_LIMITS = BencodeLimits.of(256, 1, 32, 16);

    int MSG_REQUEST = 0;
    int MSG_DATA = 1;
    int MSG_REJECT = 2;

    int piece();

    /** The payload: the bencoded header, then for data the piece bytes. */
    byte[] encode();

    /** Asks for piece {@code piece} of the info dictionary. */
    record Request(int piece) implements MetadataMessage {
        public Request {
            checkPiece(piece);
        }

        @Override
        public byte[] encode() {
            return header(MSG_REQUEST, piece, -1).toByteArray();
        }
    }

    /** Piece {@code piece} of metadata of {@code totalSize} bytes; {@code data} is exactly that piece. */
    record Data(int piece, int totalSize, byte[] data) implements MetadataMessage {
        public Data {
            checkPiece(piece);
            if (totalSize < 1) {
                throw new IllegalArgumentException("total_size must be positive: " + totalSize);
            }
            if (data.length != pieceLength(piece, totalSize)) {
                throw new IllegalArgumentException("piece " + piece + " of " + totalSize + " bytes must have "
                        + pieceLength(piece, totalSize) + " bytes, has " + data.length);
            }
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public byte[] encode() {
            BEncoder header = header(MSG_DATA, piece, totalSize);
            byte[] out = Arrays.copyOf(header.toByteArray(), header.size() + data.length);
            System.arraycopy(data, 0, out, header.size(), data.length);
            return out;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Data d && piece == d.piece && totalSize == d.totalSize && Arrays.equals(data, d.data);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * piece + totalSize) + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Data[piece=" + piece + ", totalSize=" + totalSize + ", " + data.length + " bytes]";
        }
    }

    /** The peer will not send piece {@code piece}. */
    record Reject(int piece) implements MetadataMessage {
        public Reject {
            checkPiece(piece);
        }

        @Override
        public byte[] encode() {
            return header(MSG_REJECT, piece, -1).toByteArray();
        }
    }

    /** As {@link #parse(byte[], int, int, int)} with the whole array and {@link #DEFAULT_MAX_METADATA_SIZE}. */
    static Optional<MetadataMessage> parse(byte[] payload) throws MetadataException {
        return parse(payload, 0, payload.length, DEFAULT_MAX_METADATA_SIZE);
    }

    /**
     * Reads one message. Empty for a {@code msg_type} this version does not know: BEP 9 says
     * such messages must be ignored.
     *
     * @param maxMetadataSize largest {@code total_size} accepted
     * @throws MetadataException when it is malformed: not a bencoded dictionary, a missing or
     *                           negative field, a piece beyond the metadata, a data message
     *                           whose bytes are not exactly its piece, trailing bytes after a
     *                           request or reject
     */
    static Optional<MetadataMessage> parse(byte[] payload, int offset, int length, int maxMetadataSize)
            throws MetadataException {
        BDecoder.Decoded decoded;
        try {
            decoded = BDecoder.decodePrefix(payload, offset, length, HEADER_LIMITS);
        } catch (BencodeException e) {
            throw new MetadataException("bad header: " + e.getMessage(), e);
        }
        if (decoded.value().type() != BValue.Type.DICTIONARY) {
            throw new MetadataException("header is " + decoded.value().type().withArticle() + ", expected a dictionary");
        }
        BDictionary header = (BDictionary) decoded.value();
        int rest = offset + length - decoded.end();
        long type = integer(header, "msg_type");
        if (type != MSG_REQUEST && type != MSG_DATA && type != MSG_REJECT) {
            return Optional.empty();
        }
        long piece = integer(header, "piece");
        if (piece < 0 || piece > Integer.MAX_VALUE) {
            throw new MetadataException("piece " + piece + " is out of range");
        }
        if (type != MSG_DATA) {
            if (rest != 0) {
                throw new MetadataException(rest + " bytes after a " + (type == MSG_REQUEST ? "request" : "reject"));
            }
            return Optional.of(type == MSG_REQUEST ? new Request((int) piece) : new Reject((int) piece));
        }
        long totalSize = integer(header, "total_size");
        if (totalSize < 1 || totalSize > maxMetadataSize) {
            throw new MetadataException("total_size " + totalSize + " is outside 1.." + maxMetadataSize);
        }
        int pieces = pieceCount((int) totalSize);
        if (piece >= pieces) {
            throw new MetadataException("piece " + piece + " is beyond the " + pieces + " pieces of " + totalSize + " bytes");
        }
        int expected = pieceLength((int) piece, (int) totalSize);
        if (rest != expected) {
            throw new MetadataException("piece " + piece + " has " + rest + " bytes, expected " + expected);
        }
        return Optional.of(new Data((int) piece, (int) totalSize, Arrays.copyOfRange(payload, decoded.end(), decoded.end() + rest)));
    }

    /** Pieces of metadata of {@code totalSize} bytes. */
    static int pieceCount(int totalSize) {
        return (int) ((totalSize + (long) PIECE_SIZE - 1) / PIECE_SIZE);
    }

    /** Length of piece {@code piece} of metadata of {@code totalSize} bytes: 16 KiB, or less for the last. */
    static int pieceLength(int piece, int totalSize) {
        return (int) Math.max(0, Math.min(PIECE_SIZE, totalSize - (long) piece * PIECE_SIZE));
    }

    private static long integer(BDictionary header, String key) throws MetadataException {
        BValue value = header.get(key);
        if (value == null) {
            throw new MetadataException("header has no " + key);
        }
        if (value.type() != BValue.Type.INTEGER) {
            throw new MetadataException(key + " is " + value.type().withArticle() + ", expected an integer");
        }
        return ((BInteger) value).value();
    }

    private static void checkPiece(int piece) {
        if (piece < 0) {
            throw new IllegalArgumentException("negative piece " + piece);
        }
    }

    private static BEncoder header(int type, int piece, int totalSize) {
        BEncoder header = new BEncoder(64).beginDictionary().string("msg_type").integer(type).string("piece").integer(piece);
        if (totalSize >= 0) {
            header.string("total_size").integer(totalSize);
        }
        return header.end();
    }
}
