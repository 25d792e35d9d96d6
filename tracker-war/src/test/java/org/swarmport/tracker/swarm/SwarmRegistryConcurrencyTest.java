package org.swarmport.tracker.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.swarmport.tracker.swarm.Peers.infoHash;
import static org.swarmport.tracker.swarm.Peers.ipv4;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SwarmRegistryConcurrencyTest {

    @Test
    void concurrentAnnouncesLeaveConsistentCounts() throws Exception {
        // Few shards so that threads really meet on the same locks and swarms.
        SwarmRegistry registry = new SwarmRegistry(new SwarmRegistry.Config(4, 100_000, 0), 3);
        int threads = 4;
        int torrents = 50;
        int peersPerThread = 500;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                PeerBuffer out = PeerBuffer.ipv4(50);
                start.await();
                for (int p = 0; p < peersPerThread; p++) {
                    int peer = thread * peersPerThread + p;
                    byte[] torrent = infoHash(peer % torrents);
                    registry.announce(torrent, peer, ipv4(peer), 6881, false, AnnounceEvent.STARTED, 0, out.want(50), null);
                    registry.announce(torrent, peer, ipv4(peer), 6881, true, AnnounceEvent.COMPLETED, 0, out.want(50), null);
                    // A fifth of each torrent's peers leave again; the others re-send completed.
                    if ((p / torrents) % 5 == 0) {
                        registry.announce(torrent, peer, ipv4(peer), 6881, true, AnnounceEvent.STOPPED, 0, out, null);
                    } else {
                        registry.announce(torrent, peer, ipv4(peer), 6881, true, AnnounceEvent.COMPLETED, 0, out.want(50), null);
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        int all = threads * peersPerThread;
        int stayed = all - all / 5;
        RegistryTotals totals = registry.totals();
        assertEquals(new RegistryTotals(torrents, 0, stayed, 0, 0, 0), totals);
        int[] sums = new int[3];
        registry.forEachSwarm((h, s, l, c, inc) -> {
            sums[0] += s;
            sums[1] += l;
            sums[2] += c;
        });
        assertEquals(stayed, sums[0]);
        assertEquals(0, sums[1]);
        assertEquals(all, sums[2]);
    }
}
