package org.swarmport.peer.wire;

import java.util.Arrays;

/**
 * One message of the peer wire protocol after the handshake: a 4-byte big-endian length, then
 * (unless it is a keep-alive of length 0) a one-byte id and the payload.
 *
 * <p>BEP 3 ids 0–9, the fast extension's (BEP 6) 13–17, the extension protocol's (BEP 10) 20 and
 * BitTorrent v2's hash transfer (BEP 52) 21–23.
 * Values are plain data; {@link MessageReader} decodes them with limits, {@link MessageWriter}
 * encodes them.
 */
public sealed interface PeerMessage {

    int CHOKE = 0;
    int UNCHOKE = 1;
    int INTERESTED = 2;
    int NOT_INTERESTED = 3;
    int HAVE = 4;
    int BITFIELD = 5;
    int REQUEST = 6;
    int PIECE = 7;
    int CANCEL = 8;
    int PORT = 9;
    int SUGGEST_PIECE = 13;
    int HAVE_ALL = 14;
    int HAVE_NONE = 15;
    int REJECT_REQUEST = 16;
    int ALLOWED_FAST = 17;
    int EXTENDED = 20;
    int HASH_REQUEST = 21;
    int HASHES = 22;
    int HASH_REJECT = 23;

    /** The standard block size, and the largest a peer may request (BEP 3 practice, BEP 52 rule). */
    int BLOCK_LENGTH = 16 * 1024;

    /** Length 0: keeps an idle connection open; sent every two minutes. */
    enum KeepAlive implements PeerMessage {
        INSTANCE
    }

    /** A message with an id and no payload: choke, unchoke, interested, not interested, have all, have none. */
    enum Simple implements PeerMessage {
        CHOKE(PeerMessage.CHOKE), UNCHOKE(PeerMessage.UNCHOKE), INTERESTED(PeerMessage.INTERESTED),
        NOT_INTERESTED(PeerMessage.NOT_INTERESTED), HAVE_ALL(PeerMessage.HAVE_ALL), HAVE_NONE(PeerMessage.HAVE_NONE);

        private final int id;

        Simple(int id) {
            this.id = id;
        }

        public int id() {
            return id;
        }
    }

    /** The sender has verified {@code piece}. */
    record Have(int piece) implements PeerMessage {
    }

    /** BEP 6: the sender suggests we download {@code piece}, which it has in cache. */
    record SuggestPiece(int piece) implements PeerMessage {
    }

    /** BEP 6: the receiver may request {@code piece} even while choked. */
    record AllowedFast(int piece) implements PeerMessage {
    }

    /**
     * The raw payload of a {@code bitfield} message; {@link Bitfield#fromWire} checks it against
     * the torrent's piece count, which the reader may not know yet (magnet links).
     */
    record BitfieldBits(byte[] bits) implements PeerMessage {
        @Override
        public boolean equals(Object other) {
            return other instanceof BitfieldBits that && Arrays.equals(bits, that.bits);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bits);
        }

        @Override
        public String toString() {
            return "BitfieldBits[" + bits.length + " bytes]";
        }
    }

    /** A block request, its cancellation, or (BEP 6) its refusal: the same three integers. */
    record Request(int kind, int piece, int begin, int length) implements PeerMessage {
        public Request {
            if (kind != REQUEST && kind != CANCEL && kind != REJECT_REQUEST) {
                throw new IllegalArgumentException("not a request-shaped message id: " + kind);
            }
        }

        public static Request request(int piece, int begin, int length) {
            return new Request(REQUEST, piece, begin, length);
        }

        public static Request cancel(int piece, int begin, int length) {
            return new Request(CANCEL, piece, begin, length);
        }

        public static Request reject(int piece, int begin, int length) {
            return new Request(REJECT_REQUEST, piece, begin, length);
        }
    }

    /** A block of data: {@code block} is the data at {@code begin} in {@code piece}. */
    record Piece(int piece, int begin, byte[] block) implements PeerMessage {
        @Override
        public boolean equals(Object other) {
            return other instanceof Piece that && piece == that.piece && begin == that.begin
                    && Arrays.equals(block, that.block);
        }

        @Override
        public int hashCode() {
            return (piece * 31 + begin) * 31 + Arrays.hashCode(block);
        }

        @Override
        public String toString() {
            return "Piece[" + piece + ", " + begin + ", " + block.length + " bytes]";
        }
    }

    /**
     * A {@code piece} message as {@link MessageReader#read} cuts it when asked for views: {@code block}
     * is a read-only view of the receive buffer, not a copy, so the receiver can put the bytes
     * where they belong (the piece being assembled) with one copy instead of two. Valid only
     * until the buffer is next compacted or read into: use it before asking for the next message.
     */
    record PieceView(int piece, int begin, java.nio.ByteBuffer block) implements PeerMessage {
        /** The block's bytes, copied: a {@link Piece} that outlives the buffer. */
        public Piece copy() {
            byte[] bytes = new byte[block.remaining()];
            block.get(block.position(), bytes);
            return new Piece(piece, begin, bytes);
        }

        @Override
        public String toString() {
            return "PieceView[" + piece + ", " + begin + ", " + block.remaining() + " bytes]";
        }
    }

    /** The sender's DHT port (BEP 5); read so that it is not an unknown message, otherwise unused. */
    record Port(int port) implements PeerMessage {
    }

    /** BEP 10: {@code extendedId} 0 is the extension handshake, others the ids the receiver assigned. */
    record Extended(int extendedId, byte[] payload) implements PeerMessage {
        @Override
        public boolean equals(Object other) {
            return other instanceof Extended that && extendedId == that.extendedId
                    && Arrays.equals(payload, that.payload);
        }

        @Override
        public int hashCode() {
            return extendedId * 31 + Arrays.hashCode(payload);
        }

        @Override
        public String toString() {
            return "Extended[" + extendedId + ", " + payload.length + " bytes]";
        }
    }

    /**
     * BEP 52's hash transfer, three messages of one shape: a {@code hash request} for
     * {@code length} hashes of layer {@code baseLayer} (0 is the 16 KiB leaves) of the file whose
     * merkle root is {@code piecesRoot}, starting at {@code index}, with the uncle hashes of
     * {@code proofLayers} layers above them; its answer {@code hashes}, which carries those hashes
     * then the uncles, lowest layer first; or its refusal {@code hash reject}, which repeats the
     * request. {@code hashes} is empty except in {@code hashes}.
     */
    record HashMessage(int kind, byte[] piecesRoot, int baseLayer, int index, int length, int proofLayers,
            byte[] hashes) implements PeerMessage {

        /** Bytes of the fixed part after the id: root, then four integers. */
        public static final int HEADER = 32 + 16;

        public HashMessage {
            if (kind != HASH_REQUEST && kind != HASHES && kind != HASH_REJECT) {
                throw new IllegalArgumentException("not a hash message id: " + kind);
            }
            if (piecesRoot.length != 32 || hashes.length % 32 != 0 || (kind != HASHES && hashes.length != 0)) {
                throw new IllegalArgumentException("a pieces root is 32 bytes, hashes a multiple of 32");
            }
        }

        public static HashMessage request(byte[] piecesRoot, int baseLayer, int index, int length, int proofLayers) {
            return new HashMessage(HASH_REQUEST, piecesRoot, baseLayer, index, length, proofLayers, new byte[0]);
        }

        /** The answer to this request, with {@code hashes}. */
        public HashMessage answer(byte[] hashes) {
            return new HashMessage(HASHES, piecesRoot, baseLayer, index, length, proofLayers, hashes);
        }

        /** The refusal of this request. */
        public HashMessage reject() {
            return new HashMessage(HASH_REJECT, piecesRoot, baseLayer, index, length, proofLayers, new byte[0]);
        }

        /** Whether {@code other} is about the same hashes (a request and its answer or refusal). */
        public boolean sameRange(HashMessage other) {
            return Arrays.equals(piecesRoot, other.piecesRoot) && baseLayer == other.baseLayer
                    && index == other.index && length == other.length && proofLayers == other.proofLayers;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof HashMessage that && kind == that.kind && sameRange(that)
                    && Arrays.equals(hashes, that.hashes);
        }

        @Override
        public int hashCode() {
            return ((Arrays.hashCode(piecesRoot) * 31 + kind) * 31 + index) * 31 + Arrays.hashCode(hashes);
        }

        @Override
        public String toString() {
            return (kind == HASH_REQUEST ? "HashRequest" : kind == HASHES ? "Hashes" : "HashReject") + "[layer "
                    + baseLayer + ", " + index + "+" + length + ", proof " + proofLayers + ", "
                    + hashes.length / 32 + " hashes]";
        }
    }

    /** A message id this engine does not know, skipped (its payload is not kept). */
    record Unknown(int id, int length) implements PeerMessage {
    }
}
