package org.swarmport.peer.tracker;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.swarmport.peer.metainfo.InfoHash;

/**
 * A client of one tracker URL: announce (BEP 3, BEP 15) and scrape (BEP 48, BEP 15). Calls
 * block until the tracker answers or the timeouts of {@link TrackerSettings} run out, so run
 * them off the network thread. Implementations are thread-safe.
 */
public interface TrackerClient extends AutoCloseable {

    /** The announce URL. */
    URI url();

    AnnounceResponse announce(AnnounceRequest request) throws TrackerException, InterruptedException;

    /**
     * Counts for {@code hashes}, keyed by the very {@link InfoHash} objects given; a torrent the
     * tracker does not know is absent from the map.
     *
     * @throws TrackerException also when this tracker offers no scrape (an HTTP announce URL
     *                          whose last component does not start with {@code announce}, BEP 48)
     */
    Map<InfoHash, ScrapeStats> scrape(List<InfoHash> hashes) throws TrackerException, InterruptedException;

    /** Releases the socket; further calls fail. */
    @Override
    void close();

    /**
     * A client for {@code url}: {@code http}/{@code https} use {@code http} (shared, the JDK's
     * {@link HttpClient}), {@code udp} gets its own datagram channel.
     *
     * @throws TrackerException for a malformed URL or another scheme
     */
    static TrackerClient open(String url, HttpClient http, TrackerSettings settings) throws TrackerException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw TrackerException.failed("'" + TrackerText.bounded(url) + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null) {
            throw TrackerException.failed("'" + TrackerText.bounded(url) + "' has no host");
        }
        switch (scheme) {
            case "http":
            case "https":
                return new HttpTrackerClient(uri, http, settings);
            case "udp":
                return new UdpTrackerClient(uri, settings);
            default:
                throw TrackerException.failed("'" + TrackerText.bounded(url) + "': trackers speak http, https or udp");
        }
    }
}
