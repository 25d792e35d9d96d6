package org.swarmport.peer.tracker;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
     * The body of a GET, headers and body within {@link TrackerSettings#httpTimeout()} together
     * (the JDK's request timeout covers only the headers, and a tracker that drips its body
     * must not hold an announce thread forever), at most {@link TrackerSettings#maxResponseSize()}
     * bytes. A status other than 200 fails, but a bencoded {@code failure reason} in its body
     * is still the message: some trackers answer refusals with 4xx.
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
        int limit = settings.maxResponseSize();
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request, info -> new LimitedBody(limit));
        HttpResponse<byte[]> response;
        try {
            response = exchange.get(settings.httpTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw timedOut();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                throw timedOut();
            }
            throw new TrackerException(url + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        }
        byte[] body = response.body();
        if (body.length > limit) {
            throw TrackerException.failed(url + " sent more than " + limit + " bytes");
        }
        if (response.statusCode() != 200) {
            HttpTrackerResponse.throwIfRefused(body, settings);
            throw TrackerException.failed(url + " answered HTTP " + response.statusCode());
        }
        return body;
    }

    private TrackerException timedOut() {
        return TrackerException.failed(url + " did not answer within " + settings.httpTimeout().toMillis() + " ms");
    }

    /**
     * Collects a body up to {@code limit + 1} bytes, then stops reading: one byte past the
     * limit is enough to tell the caller the answer was too large.
     */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final int limit;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        LimitedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                int take = Math.min(buffer.remaining(), limit + 1 - bytes.size());
                byte[] chunk = new byte[take];
                buffer.get(chunk);
                bytes.write(chunk, 0, take);
            }
            if (bytes.size() > limit) {
                subscription.cancel();
                result.complete(bytes.toByteArray());
            }
        }

        @Override
        public void onError(Throwable failure) {
            result.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
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
