/*
 * Heap cost per peer of the tracker's swarm registry (org.swarmport.tracker.swarm).
 * A measurement, not a test. From the repository root, after `mvn -pl tracker-war compile`
 * (or any build that fills tracker-war/target/classes):
 *
 *   java -Xmx4g -cp tracker-war/target/classes bench/registry-heap/RegistryHeap.java
 *
 * Registers 1,000,000 IPv4 peers over 10,000 torrents (100 each), then over 1,000 torrents
 * (1,000 each), and for reference over 1,000,000 torrents (1 each: the long tail of a real
 * tracker). Each scenario uses a fresh registry; used heap is read after several full GCs
 * before and after, and the difference divided by the number of peers. The target is at
 * most 64 bytes per IPv4 peer.
 */

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import org.swarmport.tracker.swarm.AnnounceEvent;
import org.swarmport.tracker.swarm.PeerBuffer;
import org.swarmport.tracker.swarm.PeerIdentity;
import org.swarmport.tracker.swarm.RegistryTotals;
import org.swarmport.tracker.swarm.SwarmRegistry;

public class RegistryHeap {

    private static final int PEERS = 1_000_000;
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    public static void main(String[] args) {
        System.out.printf("JVM %s, max heap %d MiB%n", Runtime.version(), Runtime.getRuntime().maxMemory() >> 20);
        measure(10_000);
        measure(1_000);
        measure(1_000_000);
    }

    private static void measure(int torrents) {
        int perTorrent = PEERS / torrents;
        long before = usedAfterGc();
        SwarmRegistry registry = new SwarmRegistry(SwarmRegistry.Config.DEFAULT);
        PeerBuffer peers = PeerBuffer.ipv4(50);
        byte[] infoHash = new byte[20];
        byte[] peerId = "-qB4650-000000000000".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] address = new byte[4];
        int minute = SwarmRegistry.currentMinute();
        for (int t = 0; t < torrents; t++) {
            // Spread like SHA-1 output; the registry hashes it again anyway.
            long h = mix(t);
            for (int i = 0; i < 8; i++) {
                infoHash[i] = (byte) (h >>> (8 * i));
                infoHash[8 + i] = (byte) (mix(h + i) >>> 8);
            }
            infoHash[16] = (byte) t;
            for (int p = 0; p < perTorrent; p++) {
                int n = t * perTorrent + p;
                for (int i = 0; i < 4; i++) {
                    peerId[16 + i] = (byte) (n >>> (8 * i));
                    address[i] = (byte) (n >>> (8 * (3 - i)));
                }
                address[0] = (byte) (1 + (n >>> 24));
                // A third of the peers seed, as in a typical healthy swarm.
                registry.announce(infoHash, PeerIdentity.of(peerId, null), address, 6881 + (n & 1023),
                        p % 3 == 0, AnnounceEvent.STARTED, minute, peers.want(50), null);
            }
        }
        long after = usedAfterGc();
        RegistryTotals totals = registry.totals();
        Reference.reachabilityFence(registry);
        if (totals.peers() != PEERS || totals.swarms() != torrents) {
            throw new IllegalStateException("registered " + totals);
        }
        System.out.printf("%,9d peers in %,9d swarms of %,5d: %5.1f bytes/peer (%,d bytes)%n",
                totals.peers(), totals.swarms(), perTorrent, (after - before) / (double) PEERS, after - before);
    }

    private static long usedAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, MEMORY.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
