package org.swarmport.tracker.swarm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.swarmport.tracker.swarm.AnnounceEvent.COMPLETED;
import static org.swarmport.tracker.swarm.AnnounceEvent.NONE;
import static org.swarmport.tracker.swarm.AnnounceEvent.STARTED;
import static org.swarmport.tracker.swarm.AnnounceEvent.STOPPED;
import static org.swarmport.tracker.swarm.Peers.infoHash;
import static org.swarmport.tracker.swarm.Peers.ipv4;
import static org.swarmport.tracker.swarm.Peers.ipv4Numbers;
import static org.swarmport.tracker.swarm.Peers.ipv6;
import static org.swarmport.tracker.swarm.Peers.ipv6Numbers;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SwarmRegistryTest {

    private static final int NOW = 1_000;
    private static final byte[] TORRENT = infoHash(1);

    private final SwarmRegistry registry = new SwarmRegistry(SwarmRegistry.Config.DEFAULT, 42);
    private final PeerBuffer v4 = PeerBuffer.ipv4(200);
    private final PeerBuffer v6 = PeerBuffer.ipv6(200);

    private SwarmCounts leecher(int n, AnnounceEvent event) {
        return registry.announce(TORRENT, n, ipv4(n), 6881, false, event, NOW, v4.want(200), v6.want(200));
    }

    private SwarmCounts seeder(int n, AnnounceEvent event) {
        return registry.announce(TORRENT, n, ipv4(n), 6881, true, event, NOW, v4.want(200), v6.want(200));
    }

    @Test
    void countsFollowStartedCompletedAndStopped() {
        assertEquals(new SwarmCounts(0, 1, 0), leecher(1, STARTED));
        assertEquals(new SwarmCounts(1, 1, 0), seeder(2, STARTED));
        assertEquals(new SwarmCounts(1, 2, 0), leecher(3, STARTED));
        assertEquals(new SwarmCounts(2, 1, 1), seeder(1, COMPLETED));
        assertEquals(new SwarmCounts(2, 0, 1), leecher(3, STOPPED));
        assertEquals(new SwarmCounts(1, 0, 1), seeder(2, STOPPED));
    }

    @Test
    void completedIsCountedOncePerPeer() {
        leecher(1, STARTED);
        seeder(1, COMPLETED);
        seeder(1, COMPLETED);
        assertEquals(1, seeder(1, NONE).completed());
        // Completed while still reporting bytes left: counted, but only once either way.
        leecher(2, COMPLETED);
        leecher(2, COMPLETED);
        assertEquals(2, seeder(2, COMPLETED).completed());
    }

    @Test
    void completedFromAPeerThatWasAlreadySeedingIsNotCounted() {
        seeder(1, STARTED);
        assertEquals(0, seeder(1, COMPLETED).completed());
    }

    @Test
    void completedFromAPeerTheSwarmDidNotKnowIsCounted() {
        // The tracker restarted or expired it during the download: opentracker counts it too.
        assertEquals(new SwarmCounts(1, 0, 1), seeder(1, COMPLETED));
    }

    @Test
    void reannounceUpdatesThePeerInsteadOfAddingIt() {
        leecher(1, STARTED);
        leecher(1, NONE);
        assertEquals(new SwarmCounts(0, 1, 0), leecher(1, NONE));
        // Same identity from a new address and port: the peer moved, it is still one peer.
        registry.announce(TORRENT, 1, ipv4(77), 7000, false, NONE, NOW, null, null);
        registry.announce(TORRENT, 2, ipv4(2), 6881, false, STARTED, NOW, v4.want(10), null);
        assertEquals(1, v4.count());
        assertArrayEquals(new byte[] {10, 0, 0, 77, 0x1B, 0x58}, Arrays.copyOf(v4.bytes(), 6));
    }

    @Test
    void seedFlagChangesMoveAPeerBetweenSeedersAndLeechers() {
        for (int n = 1; n <= 40; n++) {
            leecher(n, STARTED);
        }
        assertEquals(new SwarmCounts(1, 39, 0), seeder(7, NONE));
        assertEquals(new SwarmCounts(0, 40, 0), leecher(7, NONE));
        assertEquals(new SwarmCounts(1, 39, 0), seeder(20, NONE));
        assertEquals(new SwarmCounts(2, 38, 0), seeder(1, NONE));
        assertEquals(new SwarmCounts(2, 38, 0), seeder(1, NONE));
        assertEquals(new SwarmCounts(1, 39, 0), leecher(20, NONE));
    }

    @Test
    void requesterNeverGetsItselfBack() {
        for (int n = 1; n <= 30; n++) {
            leecher(n, STARTED);
        }
        for (int round = 0; round < 50; round++) {
            leecher(5, NONE);
            Set<Integer> got = ipv4Numbers(v4);
            assertEquals(29, got.size());
            assertFalse(got.contains(5));
        }
    }

    @Test
    void seederIsNotSentOtherSeeders() {
        for (int n = 1; n <= 20; n++) {
            seeder(n, STARTED);
        }
        for (int n = 21; n <= 25; n++) {
            leecher(n, STARTED);
        }
        seeder(3, NONE);
        assertEquals(Set.of(21, 22, 23, 24, 25), ipv4Numbers(v4));
        leecher(21, NONE);
        assertEquals(24, v4.count());
    }

    @Test
    void numWantIsRespectedAndCappedByTheBuffer() {
        for (int n = 1; n <= 300; n++) {
            leecher(n, STARTED);
        }
        registry.announce(TORRENT, 1, ipv4(1), 6881, false, NONE, NOW, v4.want(50), null);
        assertEquals(50, v4.count());
        assertEquals(300, v4.length());
        registry.announce(TORRENT, 1, ipv4(1), 6881, false, NONE, NOW, v4.want(1_000), null);
        assertEquals(200, v4.count());
        registry.announce(TORRENT, 1, ipv4(1), 6881, false, NONE, NOW, v4.want(0), null);
        assertEquals(0, v4.count());
        registry.announce(TORRENT, 1, ipv4(1), 6881, false, NONE, NOW, v4.want(-5), null);
        assertEquals(0, v4.count());
    }

    @Test
    void samplingCoversEveryPeerOverManyAnnounces() {
        for (int n = 1; n <= 500; n++) {
            leecher(n, STARTED);
        }
        int[] times = new int[501];
        for (int round = 0; round < 400; round++) {
            registry.announce(TORRENT, 1, ipv4(1), 6881, false, NONE, NOW, v4.want(50), null);
            for (int n : ipv4Numbers(v4)) {
                times[n]++;
            }
        }
        // 400 answers of 50 out of 499 candidates: about 40 times each.
        assertEquals(0, times[1]);
        for (int n = 2; n <= 500; n++) {
            assertTrue(times[n] >= 15 && times[n] <= 70, "peer " + n + " handed out " + times[n] + " times");
        }
    }

    @Test
    void compactIpv4PeerIsSixBytes_BEP23() {
        registry.announce(TORRENT, 1, new byte[] {(byte) 192, (byte) 168, 1, 2}, 51413, true, STARTED, NOW, null, null);
        registry.announce(TORRENT, 2, ipv4(2), 6881, false, STARTED, NOW, v4.want(50), v6.want(50));
        assertEquals(6, v4.length());
        assertArrayEquals(new byte[] {(byte) 192, (byte) 168, 1, 2, (byte) 0xC8, (byte) 0xD5},
                Arrays.copyOf(v4.bytes(), 6));
        assertEquals(0, v6.count());
    }

    @Test
    void compactIpv6PeerIsEighteenBytes_BEP7() {
        registry.announce(TORRENT, 1, ipv6(1), 6881, true, STARTED, NOW, null, null);
        registry.announce(TORRENT, 2, ipv6(2), 6881, false, STARTED, NOW, v4.want(50), v6.want(50));
        assertEquals(18, v6.length());
        byte[] expected = Arrays.copyOf(ipv6(1), 18);
        expected[16] = 0x1A;
        expected[17] = (byte) 0xE1;
        assertArrayEquals(expected, Arrays.copyOf(v6.bytes(), 18));
        assertEquals(0, v4.count());
    }

    @Test
    void ipv6PeersAreKeptApartFromIpv4Peers_BEP7() {
        for (int n = 1; n <= 5; n++) {
            registry.announce(TORRENT, n, ipv4(n), 6881, false, STARTED, NOW, null, null);
            registry.announce(TORRENT, 100 + n, ipv6(100 + n), 6881, false, STARTED, NOW, null, null);
        }
        registry.announce(TORRENT, 1, ipv4(1), 6881, false, NONE, NOW, v4.want(50), v6.want(50));
        assertEquals(Set.of(2, 3, 4, 5), ipv4Numbers(v4));
        assertEquals(Set.of(101, 102, 103, 104, 105), ipv6Numbers(v6));
        // The caller decides which families a requester gets.
        registry.announce(TORRENT, 101, ipv6(101), 6881, false, NONE, NOW, null, v6.want(50));
        assertEquals(Set.of(102, 103, 104, 105), ipv6Numbers(v6));
        assertEquals(new RegistryTotals(1, 0, 0, 10, 5, 0), registry.totals());
    }

    @Test
    void dualStackPeerDoesNotGetItsOtherAddressBack() {
        registry.announce(TORRENT, 1, ipv4(1), 6881, false, STARTED, NOW, null, null);
        registry.announce(TORRENT, 2, ipv4(2), 6881, false, STARTED, NOW, null, null);
        registry.announce(TORRENT, 1, ipv6(1), 6881, false, STARTED, NOW, v4.want(50), v6.want(50));
        assertEquals(Set.of(2), ipv4Numbers(v4));
        assertEquals(0, v6.count());
    }

    @Test
    void ipv4MappedIpv6AddressIsStoredAsIpv4() {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        mapped[12] = 10;
        mapped[15] = 9;
        registry.announce(TORRENT, 9, mapped, 6881, false, STARTED, NOW, null, null);
        leecher(2, STARTED);
        assertEquals(Set.of(9), ipv4Numbers(v4));
        assertEquals(0, registry.totals().ipv6Peers());
    }

    @Test
    void stoppedRemovesThePeerAndHandsOutNoPeers() {
        for (int n = 1; n <= 10; n++) {
            leecher(n, STARTED);
        }
        assertEquals(new SwarmCounts(0, 9, 0), leecher(4, STOPPED));
        assertEquals(0, v4.count());
        leecher(1, NONE);
        assertFalse(ipv4Numbers(v4).contains(4));
        assertEquals(new SwarmCounts(0, 9, 0), leecher(4, STOPPED));
    }

    @Test
    void stoppedForAnUnknownSwarmCreatesNothing() {
        assertEquals(new SwarmCounts(0, 0, 0), leecher(1, STOPPED));
        assertTrue(registry.scrape(TORRENT).isEmpty());
        assertEquals(new RegistryTotals(0, 0, 0, 0, 0, 0), registry.totals());
    }

    @Test
    void scrapeReportsCountsWithoutChangingThem_BEP48() {
        assertTrue(registry.scrape(TORRENT).isEmpty());
        leecher(1, STARTED);
        seeder(2, COMPLETED);
        assertEquals(new SwarmCounts(1, 1, 1), registry.scrape(TORRENT).orElseThrow());
        assertEquals(new SwarmCounts(1, 1, 1), registry.scrape(TORRENT).orElseThrow());
        byte[] packed = new byte[60];
        System.arraycopy(TORRENT, 0, packed, 20, 20);
        assertEquals(new SwarmCounts(1, 1, 1), registry.scrape(packed, 20).orElseThrow());
        assertTrue(registry.scrape(packed, 0).isEmpty());
        assertTrue(registry.scrape(infoHash(2)).isEmpty());
    }

    @Test
    void truncatedV2InfoHashIsOneMoreSwarmKey_BEP52() {
        byte[] v2 = new byte[32];
        Arrays.fill(v2, (byte) 0x5A);
        registry.announce(v2, 1, ipv4(1), 6881, false, STARTED, NOW, null, null);
        assertEquals(new SwarmCounts(0, 1, 0), registry.scrape(Arrays.copyOf(v2, 20)).orElseThrow());
    }

    @Test
    void expiryRemovesOnlyStalePeers() {
        for (int n = 1; n <= 50; n++) {
            registry.announce(TORRENT, n, ipv4(n), 6881, n % 2 == 0, STARTED, NOW, null, null);
        }
        for (int n = 1; n <= 50; n += 5) {
            registry.announce(TORRENT, n, ipv4(n), 6881, n % 2 == 0, NONE, NOW + 20, null, null);
        }
        assertEquals(0, registry.expire(NOW + 30, 30));
        assertEquals(40, registry.expire(NOW + 31, 30));
        // Survivors: 1, 6, 11, ... 46: five odd (leechers), five even (seeders).
        assertEquals(new SwarmCounts(5, 5, 0), registry.scrape(TORRENT).orElseThrow());
        registry.announce(TORRENT, 1, ipv4(1), 6881, false, NONE, NOW + 31, v4.want(50), null);
        assertEquals(Set.of(6, 11, 16, 21, 26, 31, 36, 41, 46), ipv4Numbers(v4));
    }

    @Test
    void expiryRemovesEmptySwarmsOnceDrained() {
        leecher(1, STARTED);
        registry.expire(NOW + 31, 30);
        assertEquals(new RegistryTotals(0, 1, 0, 0, 0, 0), registry.totals());
        // Kept until the catalogue has heard it is empty.
        registry.drainChanged((h, s, l, c, inc) -> { });
        registry.expire(NOW + 32, 30);
        assertTrue(registry.scrape(TORRENT).isEmpty());
        assertEquals(new RegistryTotals(0, 0, 0, 0, 0, 0), registry.totals());
    }

    @Test
    void emptySwarmNobodyDrainsIsDroppedAfterAnotherMaxAge() {
        leecher(1, STARTED);
        registry.expire(NOW + 31, 30);
        registry.expire(NOW + 60, 30);
        assertTrue(registry.scrape(TORRENT).isPresent());
        registry.expire(NOW + 61, 30);
        assertTrue(registry.scrape(TORRENT).isEmpty());
    }

    @Test
    void emptySwarmKeepsItsCompletedCountForScrapeForAWhile() {
        SwarmRegistry keepsAnHour = new SwarmRegistry(new SwarmRegistry.Config(4, 1_000, 60), 1);
        keepsAnHour.announce(TORRENT, 1, ipv4(1), 6881, true, COMPLETED, NOW, null, null);
        keepsAnHour.drainChanged((h, s, l, c, inc) -> { });
        keepsAnHour.expire(NOW + 31, 30);
        keepsAnHour.drainChanged((h, s, l, c, inc) -> { });
        keepsAnHour.expire(NOW + 90, 30);
        assertEquals(new SwarmCounts(0, 0, 1), keepsAnHour.scrape(TORRENT).orElseThrow());
        keepsAnHour.expire(NOW + 91, 30);
        assertTrue(keepsAnHour.scrape(TORRENT).isEmpty());
    }

    @Test
    void expiryKeepsAnnouncesOnOtherSwarmsWorking() {
        for (int t = 0; t < 1_000; t++) {
            registry.announce(infoHash(t), 1, ipv4(1), 6881, false, STARTED, t < 500 ? NOW : NOW + 20, null, null);
        }
        assertEquals(500, registry.expire(NOW + 31, 30));
        assertEquals(500, registry.totals().swarms());
        for (int t = 500; t < 1_000; t++) {
            assertEquals(new SwarmCounts(1, 1, 0), registry.announce(infoHash(t), 2, ipv4(2), 6881, true,
                    STARTED, NOW + 31, null, null), "torrent " + t);
        }
    }

    @Test
    void newPeerAtTheCapIsAnsweredButNotRemembered() {
        SwarmRegistry small = new SwarmRegistry(new SwarmRegistry.Config(1, 10, 0), 7);
        for (int n = 1; n <= 10; n++) {
            small.announce(TORRENT, n, ipv4(n), 6881, false, STARTED, NOW, null, null);
        }
        SwarmCounts counts = small.announce(TORRENT, 11, ipv4(11), 6881, false, STARTED, NOW, v4.want(50), null);
        assertEquals(new SwarmCounts(0, 10, 0), counts);
        assertEquals(10, v4.count());
        small.announce(TORRENT, 1, ipv4(1), 6881, false, NONE, NOW, v4.want(50), null);
        assertFalse(ipv4Numbers(v4).contains(11));
        // Known peers still update.
        assertEquals(new SwarmCounts(1, 9, 0), small.announce(TORRENT, 2, ipv4(2), 6881, true, NONE, NOW, null, null));
        assertEquals(1, small.totals().refusedAtCap());
        // A stop frees a place.
        small.announce(TORRENT, 3, ipv4(3), 6881, false, STOPPED, NOW, null, null);
        assertEquals(new SwarmCounts(1, 9, 0), small.announce(TORRENT, 11, ipv4(11), 6881, false, NONE, NOW, null, null));
    }

    @Test
    void capCountsIpv4AndIpv6Together() {
        SwarmRegistry small = new SwarmRegistry(new SwarmRegistry.Config(1, 4, 0), 7);
        for (int n = 1; n <= 3; n++) {
            small.announce(TORRENT, n, ipv4(n), 6881, false, STARTED, NOW, null, null);
        }
        small.announce(TORRENT, 4, ipv6(4), 6881, false, STARTED, NOW, null, null);
        small.announce(TORRENT, 5, ipv6(5), 6881, false, STARTED, NOW, null, null);
        assertEquals(new SwarmCounts(0, 4, 0), small.scrape(TORRENT).orElseThrow());
    }

    @Test
    void drainHandsOutOnlyChangedSwarmsWithTheirNewCompletedEvents() {
        registry.announce(infoHash(1), 1, ipv4(1), 6881, false, STARTED, NOW, null, null);
        registry.announce(infoHash(2), 1, ipv4(1), 6881, true, COMPLETED, NOW, null, null);
        Set<String> first = drain();
        assertEquals(Set.of(hex(infoHash(1)) + " 0/1/0+0", hex(infoHash(2)) + " 1/0/1+1"), first);
        assertEquals(Set.of(), drain());
        // A re-announce that changes nothing is not news.
        registry.announce(infoHash(1), 1, ipv4(1), 6881, false, NONE, NOW, null, null);
        assertEquals(Set.of(), drain());
        registry.announce(infoHash(2), 2, ipv4(2), 6881, true, COMPLETED, NOW, null, null);
        assertEquals(Set.of(hex(infoHash(2)) + " 2/0/2+1"), drain());
        registry.expire(NOW + 31, 30);
        assertEquals(Set.of(hex(infoHash(1)) + " 0/0/0+0", hex(infoHash(2)) + " 0/0/2+0"), drain());
    }

    @Test
    void forEachSwarmVisitsAllAndDrainsNothing() {
        for (int t = 0; t < 300; t++) {
            registry.announce(infoHash(t), 1, ipv4(1), 6881, false, COMPLETED, NOW, null, null);
        }
        Set<String> all = new HashSet<>();
        registry.forEachSwarm((h, s, l, c, inc) -> all.add(hex(h) + " " + s + "/" + l + "/" + c + "+" + inc));
        assertEquals(300, all.size());
        assertTrue(all.contains(hex(infoHash(299)) + " 0/1/1+1"));
        assertEquals(300, drain().size());
    }

    @Test
    void totalsFollowAnnouncesAndExpiry() {
        for (int t = 0; t < 20; t++) {
            for (int n = 0; n < 10; n++) {
                registry.announce(infoHash(t), n, n < 7 ? ipv4(n) : ipv6(n), 6881, n < 3, STARTED,
                        n % 2 == 0 ? NOW : NOW + 10, null, null);
            }
        }
        assertEquals(new RegistryTotals(20, 0, 60, 140, 60, 0), registry.totals());
        assertEquals(200, registry.totals().peers());
        registry.expire(NOW + 35, 30);
        // Odd n survive: 1 (seeder), 3, 5 (IPv4 leechers), 7, 9 (IPv6 leechers).
        assertEquals(new RegistryTotals(20, 0, 20, 80, 40, 0), registry.totals());
    }

    @Test
    void badInputIsRefusedWithAClearMessage() {
        assertThrows(IllegalArgumentException.class,
                () -> registry.announce(new byte[19], 1, ipv4(1), 6881, false, STARTED, NOW, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> registry.announce(TORRENT, 1, new byte[5], 6881, false, STARTED, NOW, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> registry.announce(TORRENT, 1, ipv4(1), 0, false, STARTED, NOW, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> registry.announce(TORRENT, 1, ipv4(1), 65_536, false, STARTED, NOW, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> registry.announce(TORRENT, 1, ipv4(1), 6881, false, STARTED, NOW, v6, null));
        assertThrows(IllegalArgumentException.class, () -> registry.scrape(new byte[30], 11));
        assertThrows(IllegalArgumentException.class, () -> registry.expire(NOW, 0));
        assertThrows(IllegalArgumentException.class, () -> registry.expire(NOW, 20_000));
        assertThrows(IllegalArgumentException.class, () -> new SwarmRegistry.Config(100, 10, 0));
    }

    private Set<String> drain() {
        Set<String> seen = new HashSet<>();
        registry.drainChanged((h, s, l, c, inc) -> seen.add(hex(h) + " " + s + "/" + l + "/" + c + "+" + inc));
        return seen;
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02x", x));
        }
        return sb.toString();
    }
}
