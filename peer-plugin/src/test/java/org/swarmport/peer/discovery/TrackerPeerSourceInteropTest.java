package org.swarmport.peer.discovery;

import static org.junit.jupiter.api.Assertions.fail;

import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.swarmport.peer.metainfo.InfoHash;
import org.swarmport.peer.tracker.Opentracker;
import org.swarmport.peer.tracker.ScrapeStats;
import org.swarmport.peer.tracker.TrackerClient;
import org.swarmport.peer.tracker.TrackerSettings;

/**
 * Two peers of a hybrid torrent find each other through the real opentracker, one over HTTP and
 * one over UDP, each announcing both the v1 hash and the truncated v2 hash (BEP 52): the
 * tracker's scrape counts each in both swarms, and the second finds the first.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TrackerPeerSourceInteropTest {

    private static final InfoHash V1 = InfoHash.fromHex("b6401410cae8917a1b3aff7f10763424785a9f60");
    private static final InfoHash V2 = InfoHash.fromHex("c3ca2a0fcc05ee7671b12a1359b5ed576a51b2f88bfc5470dd9f532d3ce56b46");

    @TempDir
    Path temp;

    @Test
    void twoPeersOfAHybridTorrentFindEachOtherThroughOpentracker_BEP52() throws Exception {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(2);
        Set<InetSocketAddress> seenByA = ConcurrentHashMap.newKeySet();
        Set<InetSocketAddress> seenByB = ConcurrentHashMap.newKeySet();
        try (Opentracker opentracker = new Opentracker(temp, List.of(V1, V2));
             TrackerClient scraper = TrackerClient.open(opentracker.udpAnnounce(), HttpClient.newHttpClient(),
                     TrackerSettings.DEFAULT.withUdpTiming(Duration.ofMillis(300), 3))) {
            TrackerPeerSourceProvider provider = new TrackerPeerSourceProvider(
                    TrackerSettings.DEFAULT.withUdpTiming(Duration.ofMillis(300), 3), HttpClient.newHttpClient(), executor,
                    Duration.ofMillis(300), Duration.ofMillis(100), message -> { });
            try (PeerSource a = provider.open(context("-SP0001-interopaaaaa", 7001, opentracker.httpAnnounce(), seenByA))
                    .orElseThrow();
                 PeerSource b = provider.open(context("-SP0001-interopbbbbb", 7002, opentracker.udpAnnounce(), seenByB))
                         .orElseThrow()) {
                InetSocketAddress portA = new InetSocketAddress("127.0.0.1", 7001);
                a.start();
                await(() -> leechers(scraper, V1) == 1 && leechers(scraper, V2) == 1, "A announced both hashes");
                b.start();
                await(() -> leechers(scraper, V1) == 2 && leechers(scraper, V2) == 2, "B announced both hashes");
                await(() -> seenByB.contains(portA), "B found A: " + seenByB);
            }
        } finally {
            executor.shutdown();
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        }
    }

    /** Polls {@code condition} (which may ask the tracker) every 50 ms for up to 30 s. */
    private static void await(Check condition, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                fail("not within 30 s: " + what);
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }

    private static int leechers(TrackerClient scraper, InfoHash hash) throws Exception {
        ScrapeStats stats = scraper.scrape(List.of(hash)).get(hash);
        return stats == null ? 0 : stats.leechers();
    }

    private static PeerSourceContext context(String peerId, int port, String tracker, Set<InetSocketAddress> seen) {
        return new PeerSourceContext(List.of(V1, V2), peerId.getBytes(StandardCharsets.US_ASCII), port,
                List.of(List.of(tracker)), false, () -> new TransferTotals(0, 0, 100), (source, peers) -> seen.addAll(peers));
    }
}
