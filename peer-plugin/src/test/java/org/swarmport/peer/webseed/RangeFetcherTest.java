package org.swarmport.peer.webseed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * {@link RangeFetcher} against an in-process HTTP server that answers well and badly: the
 * bytes land where they belong, and every wrong answer fails with its reason.
 */
@Timeout(30)
class RangeFetcherTest {

    private static final byte[] FILE = new byte[100_000];

    static {
        new Random(7).nextBytes(FILE);
    }

    private HttpServer server;
    private ExecutorService threads;
    private RangeFetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/good", exchange -> partial(exchange, FILE));
        server.createContext("/whole", exchange -> send(exchange, 200, null, FILE));
        server.createContext("/long", exchange -> {
            long[] range = range(exchange);
            byte[] more = new byte[(int) (range[1] - range[0] + 2)];
            exchange.getResponseHeaders().add("Content-Range", "bytes " + range[0] + "-" + range[1] + "/" + FILE.length);
            if (exchange.getRequestURI().getQuery() != null) {
                send(exchange, 206, null, more);
            } else {
                exchange.sendResponseHeaders(206, 0); // chunked: no Content-Length to check beforehand
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(more);
                }
            }
        });
        server.createContext("/missing", exchange -> send(exchange, 404, null, new byte[0]));
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/good");
            send(exchange, 302, null, new byte[0]);
        });
        server.createContext("/loop", exchange -> {
            exchange.getResponseHeaders().add("Location", "/loop");
            send(exchange, 302, null, new byte[0]);
        });
        threads = Executors.newFixedThreadPool(2);
        server.setExecutor(threads);
        server.start();
        fetcher = new RangeFetcher(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .executor(threads).build(), Duration.ofSeconds(5), "test");
    }

    @AfterEach
    void stop() throws InterruptedException {
        server.stop(0);
        threads.shutdownNow();
        assertTrue(threads.awaitTermination(5, TimeUnit.SECONDS));
    }

    private static long[] range(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Range");
        String[] parts = header.substring("bytes=".length()).split("-");
        return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
    }

    private static void partial(HttpExchange exchange, byte[] file) throws IOException {
        long[] range = range(exchange);
        send(exchange, 206, "bytes " + range[0] + "-" + range[1] + "/" + file.length,
                Arrays.copyOfRange(file, (int) range[0], (int) range[1] + 1));
    }

    private static void send(HttpExchange exchange, int status, String contentRange, byte[] body) throws IOException {
        exchange.getRequestBody().readAllBytes();
        if (contentRange != null) {
            exchange.getResponseHeaders().add("Content-Range", contentRange);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private WebSeedException failure(String path, long offset, int length) {
        byte[] buffer = new byte[length];
        ExecutionException e = assertThrows(ExecutionException.class, () -> fetcher.fetch(
                List.of(new FileRange(uri(path), FILE.length, offset, length, 0)), buffer).get(10, TimeUnit.SECONDS));
        return assertInstanceOf(WebSeedException.class, e.getCause());
    }

    @Test
    void rangesOfSeveralFilesLandAtTheirOffsetsInTheBuffer() throws Exception {
        byte[] buffer = new byte[3000];
        fetcher.fetch(List.of(new FileRange(uri("/good"), FILE.length, 99_000, 1000, 0),
                new FileRange(uri("/good"), FILE.length, 0, 2000, 1000)), buffer).get(10, TimeUnit.SECONDS);
        assertArrayEquals(Arrays.copyOfRange(FILE, 99_000, 100_000), Arrays.copyOfRange(buffer, 0, 1000));
        assertArrayEquals(Arrays.copyOfRange(FILE, 0, 2000), Arrays.copyOfRange(buffer, 1000, 3000));
    }

    @Test
    void aRedirectIsFollowedWithTheRange() throws Exception {
        byte[] buffer = new byte[500];
        fetcher.fetch(List.of(new FileRange(uri("/moved"), FILE.length, 500, 500, 0)), buffer).get(10, TimeUnit.SECONDS);
        assertArrayEquals(Arrays.copyOfRange(FILE, 500, 1000), buffer);
    }

    @Test
    void aRedirectLoopEndsInAFailure() {
        WebSeedException e = failure("/loop", 0, 10);
        assertTrue(e.getMessage().contains("302") || e.getMessage().contains("redirect"), e.getMessage());
    }

    @Test
    void aWholeFileAnswerIsTakenForTheWholeFileAndRefusedForAPart_BEP19() throws Exception {
        byte[] buffer = new byte[FILE.length];
        fetcher.fetch(List.of(new FileRange(uri("/whole"), FILE.length, 0, FILE.length, 0)), buffer)
                .get(10, TimeUnit.SECONDS);
        assertArrayEquals(FILE, buffer);
        assertTrue(failure("/whole", 10, 10).getMessage().endsWith("sent the whole file (200)"));
    }

    @Test
    void aBodyLongerThanTheRangeIsRefusedByItsLengthOrWhileReading() {
        assertTrue(failure("/long?length", 10, 10).getMessage().endsWith("Content-Length 11 for a range of 10 bytes"));
        assertTrue(failure("/long", 10, 10).getMessage().endsWith("the server sent more than the 10 bytes asked for"));
    }

    @Test
    void notFoundIsNamed() {
        assertEquals(uri("/missing") + " bytes=0-9: not found (404)", failure("/missing", 0, 10).getMessage());
    }

    @Test
    void aServerThatIsGoneIsNamed() throws Exception {
        URI gone = uri("/good");
        server.stop(0);
        ExecutionException e = assertThrows(ExecutionException.class, () -> fetcher.fetch(
                List.of(new FileRange(gone, FILE.length, 0, 10, 0)), new byte[10]).get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().startsWith("cannot fetch: "), e.getCause().getMessage());
    }
}
