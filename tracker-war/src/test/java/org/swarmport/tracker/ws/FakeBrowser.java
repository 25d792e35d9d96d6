package org.swarmport.tracker.ws;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One side of the WebTorrent tracker protocol over the JDK's WebSocket client: what a
 * browser's bittorrent-tracker client would send and receive, without WebRTC.
 */
final class FakeBrowser implements WebSocket.Listener, AutoCloseable {

    /** A close as the server sent it. */
    record Closed(int code, String reason) {
    }

    static final Duration WAIT = Duration.ofSeconds(10);
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;

    private FakeBrowser(URI tracker) {
        this.socket = CLIENT.newWebSocketBuilder().buildAsync(tracker, this).join();
    }

    static FakeBrowser connect(URI tracker) {
        return new FakeBrowser(tracker);
    }

    void send(String message) {
        socket.sendText(message, true).join();
    }

    /** As {@link #send}; false when the socket is closed already (the server may close first). */
    boolean trySend(String message) {
        try {
            send(message);
            return true;
        } catch (CompletionException e) {
            return false;
        }
    }

    /** The next message, waiting up to {@link #WAIT}; fails the test when none comes. */
    JsonObject next() throws InterruptedException {
        String message = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null) {
            fail("no message from the tracker within " + WAIT.toSeconds() + " s"
                    + (closed.isDone() ? "; closed: " + closed.join() : ""));
        }
        return RecordingSocket.json(message);
    }

    /** The next message, or null as soon as the server closes the socket instead (or {@link #WAIT} passes). */
    String nextUnlessClosed() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String message = received.poll(20, TimeUnit.MILLISECONDS);
            if (message != null || closed.isDone()) {
                return message;
            }
        }
        return null;
    }

    /** Null when nothing more arrives within {@code wait}. */
    String poll(Duration wait) throws InterruptedException {
        return received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** How the server closed this socket, waiting up to {@link #WAIT}. */
    Closed closedByServer() throws Exception {
        Closed result = closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertNotNull(result);
        return result;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            received.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Closed(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(new Closed(-1, String.valueOf(error)));
    }

    /** Closes and waits for the server's close, so the server has counted this socket out. */
    @Override
    public void close() throws Exception {
        if (!closed.isDone()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
            closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }
}
