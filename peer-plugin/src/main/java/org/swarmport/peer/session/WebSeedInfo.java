package org.swarmport.peer.session;

import java.util.Optional;

/**
 * A snapshot of one web seed (BEP 19) of a torrent, for display ({@link TorrentHandle#webSeeds()}).
 *
 * @param url          the {@code url-list} entry
 * @param state        fetching, waiting after a failure, or dropped for this torrent
 * @param downloadRate bytes per second received from it
 * @param downloaded   bytes of pieces received from it
 * @param failures     failed requests in a row (the back-off grows with them)
 * @param lastError    why the last request failed, or why it was dropped
 */
public record WebSeedInfo(String url, State state, double downloadRate, long downloaded, int failures,
                          Optional<String> lastError) {

    public enum State {
        /** Requests are being sent or can be. */
        ACTIVE,
        /** A request failed (404, 5xx, timeout, a wrong answer): waiting a growing delay before the next. */
        BACKING_OFF,
        /** It served data that failed a hash check, or its URL is unusable: not asked again for this torrent. */
        DROPPED
    }
}
