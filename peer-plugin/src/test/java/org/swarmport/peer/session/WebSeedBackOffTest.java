package org.swarmport.peer.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.metainfo.MetainfoBuilder;
import org.swarmport.peer.metainfo.MetainfoVersion;

import com.sun.net.httpserver.HttpServer;

/**
 * A web seed (BEP 19) that fails is backed off, not dropped: an in-process server answers the
 * first request with 503, then serves the file; the torrent shows the failure and completes.
 */
@Timeout(30)
class WebSeedBackOffTest {

    @TempDir
    Path temp;

    @Test
    void theDelayDoublesFromTwoSecondsUpToFiveMinutes() {
        assertEquals(TimeUnit.SECONDS.toNanos(2), WebSeed.backOffNanos(1));
        assertEquals(TimeUnit.SECONDS.toNanos(4), WebSeed.backOffNanos(2));
        assertEquals(TimeUnit.SECONDS.toNanos(128), WebSeed.backOffNanos(7));
        assertEquals(TimeUnit.MINUTES.toNanos(5), WebSeed.backOffNanos(9));
        assertEquals(TimeUnit.MINUTES.toNanos(5), WebSeed.backOffNanos(Integer.MAX_VALUE));
    }

    @Test
    void aServerErrorBacksOffAndTheDownloadCompletesWhenTheServerRecovers_BEP19() throws Exception {
        Path file = TestContent.file(temp.resolve("www"), "data.bin", 300_000, 5);
        byte[] bytes = Files.readAllBytes(file);
        AtomicInteger refusals = new AtomicInteger(1);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        server.setExecutor(threads);
        server.createContext("/data.bin", exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (refusals.getAndDecrement() > 0) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            String[] range = exchange.getRequestHeaders().getFirst("Range").substring(6).split("-");
            int first = Integer.parseInt(range[0]);
            int last = Integer.parseInt(range[1]);
            exchange.getResponseHeaders().add("Content-Range", "bytes " + first + "-" + last + "/" + bytes.length);
            exchange.sendResponseHeaders(206, last - first + 1);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(Arrays.copyOfRange(bytes, first, last + 1));
            }
        });
        server.start();
        try (Client client = TestContent.loopbackClient().build().start()) {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/data.bin";
            Metainfo metainfo = MetainfoBuilder.of(file).version(MetainfoVersion.V1).pieceLength(16384).webSeed(url).build();
            TorrentHandle torrent = client.add(metainfo, Files.createDirectories(temp.resolve("ours")));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (torrent.webSeeds().isEmpty() || torrent.webSeeds().get(0).state() != WebSeedInfo.State.BACKING_OFF) {
                assertTrue(System.nanoTime() < deadline, () -> "no back-off: " + torrent.webSeeds());
                Thread.sleep(20);
            }
            WebSeedInfo backingOff = torrent.webSeeds().get(0);
            assertTrue(backingOff.failures() >= 1, backingOff::toString);
            assertTrue(backingOff.lastError().orElseThrow().endsWith("server error (503)"), backingOff::toString);
            assertTrue(torrent.awaitCompletion(Duration.ofSeconds(20)), () -> torrent.webSeeds() + torrent.diagnostics());
            assertEquals(-1, Files.mismatch(file, temp.resolve("ours/data.bin")));
        } finally {
            server.stop(0);
            threads.shutdownNow();
            assertTrue(threads.awaitTermination(5, TimeUnit.SECONDS));
        }
    }
}
