package org.swarmport.peer.session;

/** Where a torrent added to a {@link Client} is in its life. */
public enum TorrentState {
    /** Added from a magnet link: fetching the info dictionary from peers (BEP 9). */
    FETCHING_METADATA,
    /** Opening storage and checking what is already on disk. */
    CHECKING,
    /** Downloading wanted pieces. */
    DOWNLOADING,
    /** Every wanted piece is verified; uploading to others. */
    SEEDING,
    /** Removed, or the client stopped. */
    STOPPED,
    /** A fault it cannot recover from (storage failed); {@link TorrentHandle#error()} says which. */
    ERROR
}
