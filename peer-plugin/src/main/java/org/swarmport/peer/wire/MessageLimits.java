package org.swarmport.peer.wire;

import org.swarmport.peer.metainfo.MetainfoLimits;

/**
 * The largest message of each kind {@link MessageReader} accepts, checked against the length
 * prefix before a byte of payload is buffered, so that a peer cannot make us allocate more.
 *
 * @param maxBitfieldBytes  a {@code bitfield} payload: exactly the torrent's wire length once the
 *                          piece count is known, the metainfo limit's before (magnet links)
 * @param maxBlockLength    the data of a {@code piece} message: 16 KiB, the block size every client
 *                          requests; larger blocks are refused (we never ask for them)
 * @param maxExtendedLength a BEP 10 message; BEP 9 metadata pieces are 16 KiB, handshakes small, so
 *                          1 MiB is a generous bound
 * @param maxUnknownLength  a message with an id we do not know, skipped without being buffered;
 *                          above this the peer is dropped
 */
public record MessageLimits(int maxBitfieldBytes, int maxBlockLength, int maxExtendedLength, int maxUnknownLength) {

    public static final int DEFAULT_EXTENDED = 1 << 20;

    /**
     * Hashes in one BEP 52 {@code hashes} message: a request covers at most 8,192 (libtorrent's
     * bound too: a 128 MiB piece's leaves), plus at most 32 proof layers' uncles. 262 KiB, below
     * the extended-message bound, so it never raises what a peer can make us buffer.
     */
    public static final int MAX_HASHES = 8192 + 32;

    public MessageLimits {
        if (maxBitfieldBytes < 0 || maxBlockLength < 1 || maxExtendedLength < 1 || maxUnknownLength < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** Limits for a torrent of {@code pieceCount} pieces. */
    public static MessageLimits forPieces(int pieceCount) {
        return new MessageLimits(Bitfield.wireLength(pieceCount), PeerMessage.BLOCK_LENGTH, DEFAULT_EXTENDED,
                DEFAULT_EXTENDED);
    }

    /** Limits before the metainfo is known: any bitfield a torrent within {@link MetainfoLimits#DEFAULT} has. */
    public static MessageLimits beforeMetadata() {
        return forPieces(MetainfoLimits.DEFAULT.maxPieces());
    }

    /** The largest length prefix these limits let through for a buffered message (id byte included). */
    public int maxBufferedLength() {
        return 1 + Math.max(Math.max(maxBitfieldBytes, 8 + maxBlockLength),
                Math.max(1 + maxExtendedLength, PeerMessage.HashMessage.HEADER + 32 * MAX_HASHES));
    }
}
