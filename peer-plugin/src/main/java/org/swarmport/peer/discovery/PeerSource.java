package org.swarmport.peer.discovery;

/**
 * Somewhere peer addresses come from for one torrent: its trackers, or another source a
 * {@link PeerSourceProvider} plugs in. The engine starts it with the torrent, tells it when the
 * download completes, and closes it when the torrent stops; in between the source pushes what
 * it finds to the context's {@link PeerSink}, from its own threads. Implementations must not
 * block the caller: announcing happens in the background.
 */
public interface PeerSource extends AutoCloseable {

    /** A short name for logs and the UI: {@code "tracker"}, {@code "pex"}... */
    String name();

    /** Begin finding peers ({@code started} for a tracker). Called once. */
    void start();

    /** The selected files are all downloaded and verified ({@code completed} for a tracker). */
    void completed();

    /**
     * Stop finding peers and release everything ({@code stopped} for a tracker, sent in the
     * background and bounded by the source's timeouts). Idempotent.
     */
    @Override
    void close();
}
