package org.swarmport.peer.session;

/**
 * Told about a torrent's {@link TorrentEvent}s; called on the network thread, so it must return
 * quickly (hand slow work to another thread).
 */
@FunctionalInterface
public interface TorrentListener {

    void onEvent(TorrentEvent event);
}
