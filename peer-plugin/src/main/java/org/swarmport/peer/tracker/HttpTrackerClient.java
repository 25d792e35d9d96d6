package org.swarmport.peer.tracker;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.swarmport.peer.metainfo.InfoHash;

/**
 * An HTTP(S) tracker (BEP 3 announce, BEP 48 scrape) over the JDK's {@link HttpClient}. The
 * answer is read up to {@link TrackerSettings#maxResponseSize()} and no further, then parsed by
 * {@link HttpTrackerResponse}. A {@code tracker id} the tracker hands out is sent back on the
 * torrent's later announces, as BEP 3 asks.
 */
final class HttpTrackerClient implements TrackerClient {

    private final URI url;
    private final HttpClient http;
    private final TrackerSettings settings;
    private final Map<InfoHash, String> trackerIds = new ConcurrentHashMap<>();
    private volatile boolean closed;

    HttpTrackerClient(URI url, HttpClient http, TrackerSettings settings) {
        this.url = Objects.requireNonNull(url, "url");
        this.http = Objects.requireNonNull(http, "http");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public URI url() {
        return url;
    }

    @Override
    public AnnounceResponse announce(AnnounceRequest request) throws TrackerException, InterruptedException {
        byte[] body = get(HttpTrackerUrl.announce(url, request, trackerIds.get(request.infoHash())));
        HttpTrackerResponse.Announce answer = HttpTrackerResponse.announce(body, settings);
        answer.trackerId().ifPresent(id -> trackerIds.put(request.infoHash(), id));
        return answer.response();
    }

    @Override
    public Map<InfoHash, ScrapeStats> scrape(List<InfoHash> hashes) throws TrackerException, InterruptedException {
        URI scrape = HttpTrackerUrl.scrape(url, hashes).orElseThrow(() -> TrackerException.failed(
                url + " offers no scrape: its last path component does not start with 'announce' (BEP 48)"));
        return HttpTrackerResponse.scrape(get(scrape), hashes, settings);
    }

    /**
     * The body of a GET. A status other than 200 fails, but a bencoded {@code failure reason}
     * in its body is still the message: some trackers answer refusals with 4xx.
     */
    private byte[] get(URI uri) throws TrackerException, InterruptedException {
        if (closed) {
            throw TrackerException.failed("client of " + url + " is closed");
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.httpTimeout())
                .header("User-Agent", settings.userAgent())
                .GET()
                .build();
        HttpResponse<InputStream> response;
        byte[] body;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                body = in.readNBytes(settings.maxResponseSize() + 1);
            }
        } catch (HttpTimeoutException e) {
            throw TrackerException.failed(url + " did not answer within " + settings.httpTimeout().toMillis() + " ms");
        } catch (IOException e) {
            throw new TrackerException(url + ": " + e, e);
        }
        if (body.length > settings.maxResponseSize()) {
            throw TrackerException.failed(url + " sent more than " + settings.maxResponseSize() + " bytes");
        }
        if (response.statusCode() != 200) {
            HttpTrackerResponse.throwIfRefused(body, settings);
            throw TrackerException.failed(url + " answered HTTP " + response.statusCode());
        }
        return body;
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return url.toString();
    }
}
