package org.swarmport.peer.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.metainfo.MetainfoBuilder;
import org.swarmport.peer.metainfo.MetainfoVersion;

import com.sun.net.httpserver.HttpServer;

/**
 * Peers given by host name (a tracker's dictionary model, BEP 3) are resolved off the network
 * thread, once per name, cached, and boundedly; and a download finds its seed through a tracker
 * that names it {@code localhost}.
 */
@Timeout(30)
class HostResolverTest {

    @TempDir
    Path temp;

    private static void await(CountDownLatch latch) throws InterruptedException {
        assertTrue(latch.await(5, TimeUnit.SECONDS), "no answer");
    }

    @Test
    void aNameIsLookedUpOnceForManyPeersAndItsAnswerCached() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        AtomicLong now = new AtomicLong();
        CountDownLatch release = new CountDownLatch(1);
        HostResolver resolver = new HostResolver(host -> {
            lookups.incrementAndGet();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return InetAddress.getByAddress(host, new byte[] {10, 0, 0, 1});
        }, now::get);
        try {
            List<InetSocketAddress> found = new CopyOnWriteArrayList<>();
            CountDownLatch both = new CountDownLatch(2);
            assertTrue(resolver.resolve(InetSocketAddress.createUnresolved("peer.example", 1000), a -> {
                found.add(a);
                both.countDown();
            }));
            assertTrue(resolver.resolve(InetSocketAddress.createUnresolved("peer.example", 2000), a -> {
                found.add(a);
                both.countDown();
            }));
            release.countDown();
            await(both);
            assertEquals(1, lookups.get());
            assertEquals(List.of(1000, 2000), found.stream().map(InetSocketAddress::getPort).sorted().toList());
            assertTrue(found.stream().allMatch(a -> !a.isUnresolved() && a.getAddress().getHostAddress().equals("10.0.0.1")));
            CountDownLatch cached = new CountDownLatch(1);
            resolver.resolve(InetSocketAddress.createUnresolved("peer.example", 3000), a -> cached.countDown());
            await(cached);
            assertEquals(1, lookups.get());
            now.addAndGet(TimeUnit.SECONDS.toNanos(HostResolver.CACHE_SECONDS + 1));
            CountDownLatch expired = new CountDownLatch(1);
            resolver.resolve(InetSocketAddress.createUnresolved("peer.example", 3000), a -> expired.countDown());
            await(expired);
            assertEquals(2, lookups.get());
        } finally {
            resolver.stop();
        }
    }

    @Test
    void aNameThatDoesNotResolveIsRememberedAndCallsNothing() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        CountDownLatch looked = new CountDownLatch(1);
        HostResolver resolver = new HostResolver(host -> {
            lookups.incrementAndGet();
            looked.countDown();
            throw new UnknownHostException(host);
        }, System::nanoTime);
        try {
            List<InetSocketAddress> found = new CopyOnWriteArrayList<>();
            assertTrue(resolver.resolve(InetSocketAddress.createUnresolved("nowhere.invalid", 1), found::add));
            await(looked);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (resolver.resolve(InetSocketAddress.createUnresolved("nowhere.invalid", 1), found::add)) {
                assertTrue(System.nanoTime() < deadline, "the failure was never cached");
                Thread.sleep(10);
            }
            assertEquals(1, lookups.get());
            assertEquals(List.of(), found);
        } finally {
            resolver.stop();
        }
    }

    @Test
    void namesBeyondTheQueueAreDroppedNotQueuedWithoutBound() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        HostResolver resolver = new HostResolver(host -> {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new UnknownHostException(host);
        }, System::nanoTime);
        try {
            int accepted = 0;
            for (int i = 0; i < 500; i++) {
                if (resolver.resolve(InetSocketAddress.createUnresolved("h" + i + ".example", 1), a -> { })) {
                    accepted++;
                }
            }
            // two names on the two threads, MAX_PENDING waiting
            assertEquals(HostResolver.MAX_PENDING + 2, accepted);
            assertFalse(resolver.resolve(InetSocketAddress.createUnresolved("one-more.example", 1), a -> { }));
        } finally {
            release.countDown();
            resolver.stop();
        }
    }

    @Test
    void downloadsFromASeedThatTheTrackerNamesLocalhost_BEP3() throws Exception {
        Path seedDir = Files.createDirectories(temp.resolve("seed"));
        Path file = TestContent.file(seedDir, "data.bin", 200_000, 71);
        HttpServer tracker = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        ExecutorService threads = Executors.newFixedThreadPool(1);
        tracker.setExecutor(threads);
        try (Client seed = TestContent.loopbackClient().build().start();
             Client client = TestContent.loopbackClient().build().start()) {
            // the dictionary model, with a host name as the peer's ip
            byte[] answer = ("d8:intervali1800e5:peersld2:ip9:localhost4:porti" + seed.listenPort() + "eeee")
                    .getBytes(StandardCharsets.US_ASCII);
            tracker.createContext("/announce", exchange -> {
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(200, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            });
            tracker.start();
            Metainfo metainfo = MetainfoBuilder.of(file).version(MetainfoVersion.V1).pieceLength(16384)
                    .tracker("http://127.0.0.1:" + tracker.getAddress().getPort() + "/announce").build();
            seed.add(metainfo, seedDir);
            TorrentHandle torrent = client.add(metainfo, Files.createDirectories(temp.resolve("ours")));
            assertTrue(torrent.awaitCompletion(Duration.ofSeconds(20)), torrent::diagnostics);
            assertEquals(-1, Files.mismatch(file, temp.resolve("ours/data.bin")));
        } finally {
            tracker.stop(0);
            threads.shutdownNow();
            assertTrue(threads.awaitTermination(5, TimeUnit.SECONDS));
        }
    }
}
