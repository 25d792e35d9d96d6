package org.swarmport.peer.metainfo;

import java.util.Objects;

import org.swarmport.peer.bencode.BencodeLimits;

/**
 * Bounds on the torrents {@link MetainfoParser} accepts, beyond the shape rules, so that an
 * upload cannot make a server hold millions of file objects or describe more data than any
 * disk holds.
 *
 * @param bencode        limits of the bencode decoder: bytes, nesting (which bounds a v2 file
 *                       tree's depth), string length, element count
 * @param maxFiles       most files (pad files included) in the v1 list or the v2 file tree
 * @param maxPieces      most pieces
 * @param maxTotalLength most bytes of content, pad files included
 */
public record MetainfoLimits(BencodeLimits bencode, int maxFiles, int maxPieces, long maxTotalLength) {

    /**
     * libtorrent's defaults where it has one: at most 0x200000 pieces
     * ({@code load_torrent_limits.max_pieces}) and 2^48 - 1 bytes ({@code file_storage::max_file_size});
     * 100,000 files, more than any real release and small enough that the file objects of one
     * torrent stay in the tens of megabytes.
     */
    public static final MetainfoLimits DEFAULT = new MetainfoLimits(BencodeLimits.DEFAULT, 100_000, 0x200000, (1L << 48) - 1);

    public MetainfoLimits {
        Objects.requireNonNull(bencode, "bencode");
        if (maxFiles < 1 || maxPieces < 1 || maxTotalLength < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
