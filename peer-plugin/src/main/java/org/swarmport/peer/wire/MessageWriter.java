package org.swarmport.peer.wire;

import java.nio.ByteBuffer;

/**
 * Encodes {@link PeerMessage}s into a buffer, the inverse of {@link MessageReader}. Pure: no
 * I/O, no allocation. {@link #pieceHeader} writes only the 13-byte head of a {@code piece}
 * message so the session can send the block itself beside it, read from storage into its own
 * buffer, in one gathering write when the connection is not encrypted.
 */
public final class MessageWriter {

    private MessageWriter() {
    }

    /** Bytes {@code message} takes on the wire, length prefix included. */
    public static int encodedLength(PeerMessage message) {
        return 4 + payloadLength(message);
    }

    private static int payloadLength(PeerMessage message) {
        if (message instanceof PeerMessage.KeepAlive) {
            return 0;
        } else if (message instanceof PeerMessage.Simple) {
            return 1;
        } else if (message instanceof PeerMessage.Have || message instanceof PeerMessage.SuggestPiece
                || message instanceof PeerMessage.AllowedFast) {
            return 5;
        } else if (message instanceof PeerMessage.BitfieldBits b) {
            return 1 + b.bits().length;
        } else if (message instanceof PeerMessage.Request) {
            return 13;
        } else if (message instanceof PeerMessage.Piece p) {
            return 9 + p.block().length;
        } else if (message instanceof PeerMessage.PieceView p) {
            return 9 + p.block().remaining();
        } else if (message instanceof PeerMessage.Port) {
            return 3;
        } else if (message instanceof PeerMessage.Extended e) {
            return 2 + e.payload().length;
        } else if (message instanceof PeerMessage.HashMessage h) {
            return 1 + PeerMessage.HashMessage.HEADER + h.hashes().length;
        }
        throw new IllegalArgumentException("cannot write " + message);
    }

    /** Appends {@code message}; the buffer must have {@link #encodedLength} bytes free. */
    public static void write(PeerMessage message, ByteBuffer out) {
        out.putInt(payloadLength(message));
        if (message instanceof PeerMessage.Simple s) {
            out.put((byte) s.id());
        } else if (message instanceof PeerMessage.Have h) {
            out.put((byte) PeerMessage.HAVE).putInt(h.piece());
        } else if (message instanceof PeerMessage.SuggestPiece s) {
            out.put((byte) PeerMessage.SUGGEST_PIECE).putInt(s.piece());
        } else if (message instanceof PeerMessage.AllowedFast a) {
            out.put((byte) PeerMessage.ALLOWED_FAST).putInt(a.piece());
        } else if (message instanceof PeerMessage.BitfieldBits b) {
            out.put((byte) PeerMessage.BITFIELD).put(b.bits());
        } else if (message instanceof PeerMessage.Request r) {
            out.put((byte) r.kind()).putInt(r.piece()).putInt(r.begin()).putInt(r.length());
        } else if (message instanceof PeerMessage.Piece p) {
            out.put((byte) PeerMessage.PIECE).putInt(p.piece()).putInt(p.begin()).put(p.block());
        } else if (message instanceof PeerMessage.PieceView p) {
            out.put((byte) PeerMessage.PIECE).putInt(p.piece()).putInt(p.begin()).put(p.block().duplicate());
        } else if (message instanceof PeerMessage.Port p) {
            out.put((byte) PeerMessage.PORT).putShort((short) p.port());
        } else if (message instanceof PeerMessage.Extended e) {
            out.put((byte) PeerMessage.EXTENDED).put((byte) e.extendedId()).put(e.payload());
        } else if (message instanceof PeerMessage.HashMessage h) {
            out.put((byte) h.kind()).put(h.piecesRoot()).putInt(h.baseLayer()).putInt(h.index()).putInt(h.length())
                    .putInt(h.proofLayers()).put(h.hashes());
        }
    }

    /** The 13-byte head of a {@code piece} message whose {@code length} bytes of data follow. */
    public static void pieceHeader(int piece, int begin, int length, ByteBuffer out) {
        out.putInt(9 + length).put((byte) PeerMessage.PIECE).putInt(piece).putInt(begin);
    }

    /** {@code message} alone in a new array (tests, rare messages). */
    public static byte[] toBytes(PeerMessage message) {
        ByteBuffer out = ByteBuffer.allocate(encodedLength(message));
        write(message, out);
        return out.array();
    }
}
