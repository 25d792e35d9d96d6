package org.swarmport.peer.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The 68-byte greeting that opens every peer connection (BEP 3): the length-prefixed protocol
 * string {@code "BitTorrent protocol"}, eight reserved bytes that announce extensions, the
 * 20-byte info-hash of the torrent (a v2 hash truncated, BEP 52) and the sender's peer id.
 *
 * <p>Three reserved bits matter here: {@code reserved[7] & 0x04}, the fast extension (BEP 6),
 * {@code reserved[5] & 0x10}, the extension protocol (BEP 10), and {@code reserved[7] & 0x10}, the
 * v2 upgrade of a hybrid torrent (BEP 52: the sender speaks v2, hash transfer included, though it
 * greeted with the v1 info-hash). Other bits are kept as received so that nothing a peer
 * announces is lost, but not interpreted.
 */
public final class Handshake {

    /** Bytes of a handshake on the wire. */
    public static final int LENGTH = 68;

    /** Bytes up to and including the info-hash: what a listener needs to find the torrent. */
    public static final int HEADER_LENGTH = 48;

    private static final byte[] PROTOCOL = "BitTorrent protocol".getBytes(StandardCharsets.US_ASCII);

    private final byte[] reserved;
    private final byte[] infoHash;
    private final byte[] peerId;

    private Handshake(byte[] reserved, byte[] infoHash, byte[] peerId) {
        this.reserved = reserved;
        this.infoHash = infoHash;
        this.peerId = peerId;
    }

    /** Our handshake for {@code infoHash} (20 bytes), announcing the fast and extension protocols. */
    public static Handshake of(byte[] infoHash, byte[] peerId, boolean fast, boolean extensions) {
        return of(infoHash, peerId, fast, extensions, false);
    }

    /** The same, also announcing v2 ({@code reserved[7] & 0x10}) for a torrent that has a v2 info-hash. */
    public static Handshake of(byte[] infoHash, byte[] peerId, boolean fast, boolean extensions, boolean v2) {
        checkLength("info-hash", infoHash);
        checkLength("peer id", peerId);
        byte[] reserved = new byte[8];
        if (fast) {
            reserved[7] |= 0x04;
        }
        if (extensions) {
            reserved[5] |= 0x10;
        }
        if (v2) {
            reserved[7] |= 0x10;
        }
        return new Handshake(reserved, infoHash.clone(), peerId.clone());
    }

    /**
     * Reads the first {@link #HEADER_LENGTH} bytes at {@code buffer}'s position without
     * consuming them, answering the info-hash; a listener uses it to pick the torrent before the
     * peer id has arrived.
     */
    public static byte[] peekInfoHash(ByteBuffer buffer) throws WireException {
        if (buffer.remaining() < HEADER_LENGTH) {
            throw new IllegalArgumentException("need " + HEADER_LENGTH + " bytes, have " + buffer.remaining());
        }
        int start = buffer.position();
        checkProtocol(buffer, start);
        byte[] infoHash = new byte[20];
        buffer.get(start + 28, infoHash);
        return infoHash;
    }

    /** Reads and consumes {@link #LENGTH} bytes at {@code buffer}'s position. */
    public static Handshake read(ByteBuffer buffer) throws WireException {
        if (buffer.remaining() < LENGTH) {
            throw new IllegalArgumentException("need " + LENGTH + " bytes, have " + buffer.remaining());
        }
        int start = buffer.position();
        checkProtocol(buffer, start);
        byte[] reserved = new byte[8];
        byte[] infoHash = new byte[20];
        byte[] peerId = new byte[20];
        buffer.get(start + 20, reserved);
        buffer.get(start + 28, infoHash);
        buffer.get(start + 48, peerId);
        buffer.position(start + LENGTH);
        return new Handshake(reserved, infoHash, peerId);
    }

    /** Parses exactly {@link #LENGTH} bytes. */
    public static Handshake parse(byte[] bytes) throws WireException {
        if (bytes.length != LENGTH) {
            throw new WireException("handshake of " + bytes.length + " bytes (expected " + LENGTH + ")");
        }
        return read(ByteBuffer.wrap(bytes));
    }

    private static void checkProtocol(ByteBuffer buffer, int start) throws WireException {
        int length = buffer.get(start) & 0xff;
        if (length != PROTOCOL.length) {
            throw new WireException("handshake protocol string of length " + length + " (expected 19, "
                    + "'BitTorrent protocol'; an encrypted peer, or not BitTorrent)");
        }
        for (int i = 0; i < PROTOCOL.length; i++) {
            if (buffer.get(start + 1 + i) != PROTOCOL[i]) {
                throw new WireException("handshake protocol string is not 'BitTorrent protocol' (byte " + (1 + i)
                        + " differs)");
            }
        }
    }

    /** Appends the 68 bytes to {@code out}. */
    public void write(ByteBuffer out) {
        out.put((byte) PROTOCOL.length).put(PROTOCOL).put(reserved).put(infoHash).put(peerId);
    }

    public byte[] toBytes() {
        ByteBuffer out = ByteBuffer.allocate(LENGTH);
        write(out);
        return out.array();
    }

    /** BEP 6 fast extension: {@code reserved[7] & 0x04}. */
    public boolean supportsFast() {
        return (reserved[7] & 0x04) != 0;
    }

    /** BEP 10 extension protocol: {@code reserved[5] & 0x10}. */
    public boolean supportsExtensions() {
        return (reserved[5] & 0x10) != 0;
    }

    /** BEP 52 v2 upgrade: {@code reserved[7] & 0x10}. */
    public boolean supportsV2() {
        return (reserved[7] & 0x10) != 0;
    }

    public byte[] reserved() {
        return reserved.clone();
    }

    public byte[] infoHash() {
        return infoHash.clone();
    }

    public byte[] peerId() {
        return peerId.clone();
    }

    private static void checkLength(String what, byte[] bytes) {
        if (bytes.length != 20) {
            throw new IllegalArgumentException(what + " of " + bytes.length + " bytes (expected 20)");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Handshake that && Arrays.equals(reserved, that.reserved)
                && Arrays.equals(infoHash, that.infoHash) && Arrays.equals(peerId, that.peerId);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(infoHash) * 31 + Arrays.hashCode(peerId);
    }

    @Override
    public String toString() {
        HexFormat hex = HexFormat.of();
        return "Handshake[" + hex.formatHex(infoHash) + " from " + hex.formatHex(peerId) + ", reserved "
                + hex.formatHex(reserved) + "]";
    }
}
