package org.swarmport.peer.session;

import java.net.InetSocketAddress;

import org.swarmport.peer.metainfo.Metainfo;

/**
 * Something that happened to a torrent, told to its {@link TorrentListener}s on the network
 * thread: a listener must return quickly and must not block.
 */
public sealed interface TorrentEvent {

    /** A magnet download received and verified the info dictionary (BEP 9). */
    record MetadataReceived(Metainfo metainfo) implements TorrentEvent {
    }

    /** A piece's data matched its hash and is stored. */
    record PieceVerified(int piece) implements TorrentEvent {
    }

    /** A piece's data did not match its hash; its blocks will be fetched again. */
    record PieceFailed(int piece) implements TorrentEvent {
    }

    /** Every wanted piece is verified. */
    record Completed() implements TorrentEvent {
    }

    /** A peer was dropped and will not be reconnected: bad data, or a protocol violation. */
    record PeerBanned(InetSocketAddress peer, String reason) implements TorrentEvent {
    }

    /** A fault the torrent stops for (storage), in a message fit for users. */
    record Error(String message) implements TorrentEvent {
    }
}
