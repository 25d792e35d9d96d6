package org.swarmport.peer.webseed;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/**
 * Fetches runs of a torrent's bytes from a web seed with HTTP range requests, asynchronously on
 * the JDK's {@link HttpClient} (no thread per request). Each {@link FileRange} is one request;
 * its answer is checked by {@link RangeAnswer} from the headers and read by a bounded body into
 * the caller's buffer. Redirects are followed as the client is built to (the JDK stops after 5).
 */
public final class RangeFetcher {

    private final HttpClient http;
    private final Duration timeout;
    private final String userAgent;

    public RangeFetcher(HttpClient http, Duration timeout, String userAgent) {
        this.http = http;
        this.timeout = timeout;
        this.userAgent = userAgent;
    }

    /**
     * Fetches every range into {@code buffer}; the future fails with a {@link WebSeedException}
     * for the first range that failed, or when the whole run took longer than the timeout.
     */
    public CompletableFuture<Void> fetch(List<FileRange> ranges, byte[] buffer) {
        CompletableFuture<?>[] requests = new CompletableFuture<?>[ranges.size()];
        for (int i = 0; i < ranges.size(); i++) {
            requests[i] = fetchOne(ranges.get(i), buffer);
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(requests);
        return all.orTimeout(timeout.toMillis() * 2, java.util.concurrent.TimeUnit.MILLISECONDS)
                .handle((ok, error) -> {
                    if (error == null) {
                        return null;
                    }
                    for (CompletableFuture<?> request : requests) {
                        request.cancel(true);
                    }
                    throw new CompletionException(reason(error));
                });
    }

    private CompletableFuture<Void> fetchOne(FileRange range, byte[] buffer) {
        HttpRequest request = HttpRequest.newBuilder(range.uri())
                .timeout(timeout)
                .header("Range", range.rangeHeader())
                .header("User-Agent", userAgent)
                .GET().build();
        HttpResponse.BodyHandler<Void> handler = info -> {
            try {
                RangeAnswer.check(range, info.statusCode(), info.headers().firstValue("Content-Range"),
                        info.headers().firstValueAsLong("Content-Length"));
                return RangeBody.into(range, buffer);
            } catch (WebSeedException e) {
                return RangeBody.refused(range, e);
            } catch (NumberFormatException e) {
                return RangeBody.refused(range, new WebSeedException(range.uri() + ": bad Content-Length"));
            }
        };
        return http.sendAsync(request, handler).thenApply(response -> null);
    }

    /** The failure as a user reads it: what the server did wrong, or why it did not answer. */
    WebSeedException reason(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof java.util.concurrent.ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof WebSeedException e) {
            return e;
        }
        if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            return new WebSeedException("no answer within " + timeout.toSeconds() + " s", cause);
        }
        if (cause instanceof IOException e) {
            return new WebSeedException("cannot fetch: " + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
        }
        return new WebSeedException("cannot fetch: " + cause, cause);
    }
}
