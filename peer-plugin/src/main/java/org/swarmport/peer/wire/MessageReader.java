package org.swarmport.peer.wire;

import java.nio.ByteBuffer;

/**
 * Cuts peer messages out of the bytes a connection received, one at a time, without blocking
 * and without trusting a length prefix: every prefix is checked against {@link MessageLimits}
 * and against the exact size of fixed-size messages before any payload is buffered or copied.
 *
 * <p>Incremental: {@link #read} answers {@code null} while a message is incomplete, leaving the
 * buffer's position at its start, so the caller compacts, reads more from the socket and calls
 * again. {@link #bytesNeeded} says how large the buffer must be to hold the pending message.
 * Messages with an id this engine does not know are skipped (BEP 3 leaves ids open for
 * extensions) as long as they are within {@code maxUnknownLength}; their payload is consumed as
 * it arrives, never buffered. One reader per connection; not thread-safe.
 */
public final class MessageReader {

    private volatile MessageLimits limits;
    private final boolean pieceViews;
    private long skipRemaining;

    /** A reader whose {@code piece} messages own their bytes ({@link PeerMessage.Piece}). */
    public MessageReader(MessageLimits limits) {
        this(limits, false);
    }

    /**
     * @param pieceViews whether {@code piece} messages come as {@link PeerMessage.PieceView}s over
     *                   the caller's buffer instead of copies: for a receiver that stores each block
     *                   before reading on, as the session does (a 16 KiB array per block is the
     *                   largest allocation of a download otherwise)
     */
    public MessageReader(MessageLimits limits, boolean pieceViews) {
        this.limits = limits;
        this.pieceViews = pieceViews;
    }

    /** Tightens the bitfield limit once the metainfo (hence the piece count) is known. */
    public void limits(MessageLimits limits) {
        this.limits = limits;
    }

    public MessageLimits limits() {
        return limits;
    }

    /**
     * The next complete message at {@code in}'s position, consuming it; {@code null} when more
     * bytes are needed (nothing consumed, except the skipped part of an unknown message).
     */
    public PeerMessage read(ByteBuffer in) throws WireException {
        if (skipRemaining > 0) {
            int skip = (int) Math.min(skipRemaining, in.remaining());
            in.position(in.position() + skip);
            skipRemaining -= skip;
            if (skipRemaining > 0) {
                return null;
            }
        }
        if (in.remaining() < 4) {
            return null;
        }
        int start = in.position();
        long length = in.getInt(start) & 0xffffffffL;
        if (length == 0) {
            in.position(start + 4);
            return PeerMessage.KeepAlive.INSTANCE;
        }
        if (in.remaining() < 5) {
            return null;
        }
        int id = in.get(start + 4) & 0xff;
        checkLength(id, length);
        if (!isKnown(id)) {
            in.position(start + 5);
            skipRemaining = length - 1;
            int skip = (int) Math.min(skipRemaining, in.remaining());
            in.position(in.position() + skip);
            skipRemaining -= skip;
            return new PeerMessage.Unknown(id, (int) length);
        }
        if (in.remaining() < 4 + length) {
            return null;
        }
        int payload = start + 5;
        int payloadLength = (int) length - 1;
        in.position(start + 4 + (int) length);
        return switch (id) {
            case PeerMessage.CHOKE -> PeerMessage.Simple.CHOKE;
            case PeerMessage.UNCHOKE -> PeerMessage.Simple.UNCHOKE;
            case PeerMessage.INTERESTED -> PeerMessage.Simple.INTERESTED;
            case PeerMessage.NOT_INTERESTED -> PeerMessage.Simple.NOT_INTERESTED;
            case PeerMessage.HAVE_ALL -> PeerMessage.Simple.HAVE_ALL;
            case PeerMessage.HAVE_NONE -> PeerMessage.Simple.HAVE_NONE;
            case PeerMessage.HAVE -> new PeerMessage.Have(index(in, payload, "have"));
            case PeerMessage.SUGGEST_PIECE -> new PeerMessage.SuggestPiece(index(in, payload, "suggest piece"));
            case PeerMessage.ALLOWED_FAST -> new PeerMessage.AllowedFast(index(in, payload, "allowed fast"));
            case PeerMessage.BITFIELD -> new PeerMessage.BitfieldBits(copy(in, payload, payloadLength));
            case PeerMessage.REQUEST, PeerMessage.CANCEL, PeerMessage.REJECT_REQUEST -> request(in, id, payload);
            case PeerMessage.PIECE -> piece(in, payload, payloadLength - 8);
            case PeerMessage.PORT -> new PeerMessage.Port(in.getShort(payload) & 0xffff);
            case PeerMessage.EXTENDED -> new PeerMessage.Extended(in.get(payload) & 0xff,
                    copy(in, payload + 1, payloadLength - 1));
            case PeerMessage.HASH_REQUEST, PeerMessage.HASHES, PeerMessage.HASH_REJECT ->
                    hashMessage(in, id, payload, payloadLength);
            default -> throw new IllegalStateException("id " + id + " is known but not decoded");
        };
    }

    /**
     * How many bytes, from the buffer's position, the pending message needs in all (at least 5:
     * a prefix and an id); the caller grows its buffer to hold this many. Never more than
     * {@code 4 + limits().maxBufferedLength()}, because {@link #read} refuses longer prefixes first.
     */
    public int bytesNeeded(ByteBuffer in) {
        if (skipRemaining > 0 || in.remaining() < 5) {
            return 5;
        }
        long length = in.getInt(in.position()) & 0xffffffffL;
        int id = in.get(in.position() + 4) & 0xff;
        return isKnown(id) ? (int) Math.min(4 + length, 4 + (long) limits.maxBufferedLength()) : 5;
    }

    private void checkLength(int id, long length) throws WireException {
        MessageLimits limits = this.limits;
        switch (id) {
            case PeerMessage.CHOKE, PeerMessage.UNCHOKE, PeerMessage.INTERESTED, PeerMessage.NOT_INTERESTED,
                    PeerMessage.HAVE_ALL, PeerMessage.HAVE_NONE -> exact(id, length, 1);
            case PeerMessage.HAVE, PeerMessage.SUGGEST_PIECE, PeerMessage.ALLOWED_FAST -> exact(id, length, 5);
            case PeerMessage.REQUEST, PeerMessage.CANCEL, PeerMessage.REJECT_REQUEST -> exact(id, length, 13);
            case PeerMessage.PORT -> exact(id, length, 3);
            case PeerMessage.HASH_REQUEST, PeerMessage.HASH_REJECT -> exact(id, length, 1 + PeerMessage.HashMessage.HEADER);
            case PeerMessage.HASHES -> {
                long hashBytes = length - 1 - PeerMessage.HashMessage.HEADER;
                if (hashBytes < 0 || hashBytes % 32 != 0) {
                    throw new WireException("hashes message of length " + length + " is not a 48-byte header and whole hashes");
                }
                if (hashBytes / 32 > MessageLimits.MAX_HASHES) {
                    throw new WireException("hashes message with " + hashBytes / 32 + " hashes exceeds the limit of "
                            + MessageLimits.MAX_HASHES);
                }
            }
            case PeerMessage.BITFIELD -> {
                if (length - 1 > limits.maxBitfieldBytes()) {
                    throw new WireException("bitfield of " + (length - 1) + " bytes exceeds the limit of "
                            + limits.maxBitfieldBytes());
                }
            }
            case PeerMessage.PIECE -> {
                if (length < 9) {
                    throw new WireException("piece message of length " + length + " is shorter than its 9-byte header");
                }
                if (length - 9 > limits.maxBlockLength()) {
                    throw new WireException("piece block of " + (length - 9) + " bytes exceeds the limit of "
                            + limits.maxBlockLength());
                }
            }
            case PeerMessage.EXTENDED -> {
                if (length < 2) {
                    throw new WireException("extended message of length " + length + " has no extended id");
                }
                if (length - 2 > limits.maxExtendedLength()) {
                    throw new WireException("extended message of " + (length - 2) + " bytes exceeds the limit of "
                            + limits.maxExtendedLength());
                }
            }
            default -> {
                if (length - 1 > limits.maxUnknownLength()) {
                    throw new WireException("message with unknown id " + id + " of " + (length - 1)
                            + " bytes exceeds the limit of " + limits.maxUnknownLength());
                }
            }
        }
    }

    private static void exact(int id, long length, int expected) throws WireException {
        if (length != expected) {
            throw new WireException("message id " + id + " of length " + length + " (expected " + expected + ")");
        }
    }

    private static boolean isKnown(int id) {
        return id <= PeerMessage.PORT || (id >= PeerMessage.SUGGEST_PIECE && id <= PeerMessage.ALLOWED_FAST)
                || (id >= PeerMessage.EXTENDED && id <= PeerMessage.HASH_REJECT);
    }

    private static PeerMessage.Request request(ByteBuffer in, int id, int payload) throws WireException {
        String what = id == PeerMessage.REQUEST ? "request" : id == PeerMessage.CANCEL ? "cancel" : "reject request";
        int piece = index(in, payload, what);
        int begin = offset(in, payload + 4, what);
        int length = in.getInt(payload + 8);
        if (length <= 0) {
            throw new WireException(what + " for " + Integer.toUnsignedString(length) + " bytes");
        }
        return new PeerMessage.Request(id, piece, begin, length);
    }

    /** BEP 52: the integers are unsigned on the wire; above 2^31 none of them fits any torrent. */
    private static PeerMessage.HashMessage hashMessage(ByteBuffer in, int id, int payload, int payloadLength)
            throws WireException {
        byte[] root = copy(in, payload, 32);
        int[] fields = new int[4];
        String[] names = {"base layer", "index", "length", "proof layers"};
        for (int i = 0; i < 4; i++) {
            fields[i] = in.getInt(payload + 32 + 4 * i);
            if (fields[i] < 0) {
                throw new WireException("hash message with " + names[i] + " " + Integer.toUnsignedString(fields[i]));
            }
        }
        byte[] hashes = copy(in, payload + PeerMessage.HashMessage.HEADER, payloadLength - PeerMessage.HashMessage.HEADER);
        return new PeerMessage.HashMessage(id, root, fields[0], fields[1], fields[2], fields[3], hashes);
    }

    private PeerMessage piece(ByteBuffer in, int payload, int blockLength) throws WireException {
        int piece = index(in, payload, "piece");
        int begin = offset(in, payload + 4, "piece");
        if (pieceViews) {
            return new PeerMessage.PieceView(piece, begin, in.slice(payload + 8, blockLength).asReadOnlyBuffer());
        }
        return new PeerMessage.Piece(piece, begin, copy(in, payload + 8, blockLength));
    }

    private static int index(ByteBuffer in, int at, String what) throws WireException {
        int value = in.getInt(at);
        if (value < 0) {
            throw new WireException(what + " for piece " + Integer.toUnsignedString(value) + ", beyond any torrent");
        }
        return value;
    }

    private static int offset(ByteBuffer in, int at, String what) throws WireException {
        int value = in.getInt(at);
        if (value < 0) {
            throw new WireException(what + " at offset " + Integer.toUnsignedString(value) + ", beyond any piece");
        }
        return value;
    }

    private static byte[] copy(ByteBuffer in, int at, int length) {
        byte[] bytes = new byte[length];
        in.get(at, bytes);
        return bytes;
    }
}
