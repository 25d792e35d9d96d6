package org.swarmport.tracker.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.swarmport.tracker.swarm.Peers.ipv4;
import static org.swarmport.tracker.swarm.Peers.ipv4Numbers;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PeerListTest {

    private final PeerList list = new PeerList(PeerBuffer.IPV4_WIDTH);
    private final SplittableRandom random = new SplittableRandom(2024);

    @Test
    void findsEveryPeerThroughRandomAddsUpdatesAndRemovals() {
        // A model (id -> seeder) checked against the list after every step; the list crosses the
        // index threshold many times in both directions.
        Map<Long, Boolean> model = new HashMap<>();
        SplittableRandom ops = new SplittableRandom(7);
        for (int step = 0; step < 60_000; step++) {
            long id = ops.nextInt(400) * 0x1_0000_0001L;
            boolean seeder = ops.nextBoolean();
            int pos = list.find(id);
            assertEquals(model.containsKey(id), pos >= 0, "step " + step);
            int action = ops.nextInt(10);
            // Sweep the size up and down so that small lists (no index) are covered too.
            boolean shrinking = (step / 5_000) % 2 == 1;
            if (pos >= 0 && (action < 3 || shrinking && action < 8)) {
                list.remove(pos);
                model.remove(id);
            } else if (pos >= 0) {
                assertEquals(model.get(id), list.isSeeder(pos));
                list.update(pos, ipv4((int) (id & 0xFFFF)), 6881, seeder, false, 0);
                model.put(id, seeder);
            } else if (!shrinking || action < 2) {
                list.add(id, ipv4((int) (id & 0xFFFF)), 6881, seeder, false, 0);
                model.put(id, seeder);
            }
            assertEquals(model.size(), list.size());
        }
        long seeders = model.values().stream().filter(s -> s).count();
        assertEquals(seeders, list.seeders());
        for (Map.Entry<Long, Boolean> peer : model.entrySet()) {
            int pos = list.find(peer.getKey());
            assertTrue(pos >= 0);
            assertEquals(peer.getValue(), list.isSeeder(pos));
        }
        for (int i = 400; i < 500; i++) {
            assertEquals(-1, list.find(i * 0x1_0000_0001L));
        }
    }

    @Test
    void everyCandidateIsEquallyLikelyToBeSampled() {
        int peers = 1_000;
        for (int n = 0; n < peers; n++) {
            list.add(n, ipv4(n), 6881, n % 3 == 0, false, 0);
        }
        int self = list.find(500);
        int rounds = 20_000;
        int want = 50;
        int[] times = new int[peers];
        PeerBuffer out = PeerBuffer.ipv4(want);
        for (int r = 0; r < rounds; r++) {
            list.sample(out.want(want), false, self, random);
            for (int n : ipv4Numbers(out)) {
                times[n]++;
            }
        }
        assertEquals(0, times[500]);
        double expected = (double) rounds * want / (peers - 1);
        double chiSquare = 0;
        for (int n = 0; n < peers; n++) {
            if (n != 500) {
                chiSquare += (times[n] - expected) * (times[n] - expected) / expected;
            }
        }
        // 998 degrees of freedom: mean 998, standard deviation about 45. A fixed seed makes this
        // deterministic; the bound is the 99.99th percentile.
        assertTrue(chiSquare < 998 + 3.8 * Math.sqrt(2 * 998), "chi-square " + chiSquare);
    }

    @Test
    void peersHandedOutTogetherVaryFromAnswerToAnswer() {
        // Neighbours in the array must not travel as a pack: count how often peer n comes with
        // peer n + 1 and compare with a uniform sample's k(k-1)/(m(m-1)).
        int peers = 100;
        for (int n = 0; n < peers; n++) {
            list.add(n, ipv4(n), 6881, false, false, 0);
        }
        int rounds = 20_000;
        int want = 10;
        int[] together = new int[peers];
        PeerBuffer out = PeerBuffer.ipv4(want);
        for (int r = 0; r < rounds; r++) {
            list.sample(out.want(want), false, -1, random);
            Set<Integer> got = ipv4Numbers(out);
            for (int n : got) {
                if (got.contains((n + 1) % peers)) {
                    together[n]++;
                }
            }
        }
        double uniform = rounds * (want * (want - 1.0)) / (peers * (peers - 1.0));
        double mean = 0;
        for (int t : together) {
            mean += t;
        }
        mean /= peers;
        assertTrue(mean > 0.7 * uniform && mean < 1.5 * uniform, "neighbours together " + mean + ", uniform " + uniform);
    }

    @Test
    void sampleIsWholeListWhenFewerCandidatesThanWanted() {
        for (int n = 0; n < 30; n++) {
            list.add(n, ipv4(n), 6881, n >= 20, false, 0);
        }
        PeerBuffer out = PeerBuffer.ipv4(200);
        list.sample(out.want(200), false, list.find(3), random);
        assertEquals(29, ipv4Numbers(out).size());
        list.sample(out.want(200), true, list.find(25), random);
        assertEquals(20, ipv4Numbers(out).size());
        assertFalse(ipv4Numbers(out).contains(25));
    }

    @Test
    void expiryKeepsSeedersAndLeechersApartAndTheIndexRight() {
        for (int n = 0; n < 200; n++) {
            list.add(n, ipv4(n), 6881, n % 4 == 0, n % 5 == 0, n % 2 == 0 ? 100 : 110);
        }
        assertEquals(100, list.expire(140, 30));
        assertEquals(100, list.size());
        assertEquals(0, list.seeders());
        for (int n = 0; n < 200; n++) {
            int pos = list.find(n);
            assertEquals(n % 2 == 1, pos >= 0, "peer " + n);
            if (pos >= 0) {
                assertEquals(n % 5 == 0, list.completedCounted(pos), "peer " + n);
            }
        }
    }

    @Test
    void expiryGivesMemoryBackWhenAListEmptiesOut() {
        for (int n = 0; n < 10_000; n++) {
            list.add(n, ipv4(n), 6881, false, false, n < 10 ? 50 : 0);
        }
        long full = list.arrayBytes();
        list.expire(60, 30);
        assertEquals(10, list.size());
        assertTrue(list.arrayBytes() < full / 100, "still " + list.arrayBytes() + " bytes");
        for (int n = 0; n < 10; n++) {
            assertTrue(list.find(n) >= 0);
        }
    }

    @Test
    void lastSeenMinutesWrapAroundWithoutExpiringFreshPeers() {
        int justBeforeWrap = (1 << 15) - 5;
        list.add(1, ipv4(1), 6881, false, true, justBeforeWrap);
        list.add(2, ipv4(2), 6881, false, false, justBeforeWrap - 40);
        assertEquals(1, list.expire(justBeforeWrap + 20, 30));
        assertTrue(list.find(1) >= 0);
        assertEquals(1, list.expire(justBeforeWrap + 31, 30));
    }

    @Test
    void completedFlagDoesNotChangeAPeersAge() {
        list.add(1, ipv4(1), 6881, true, true, 10);
        assertEquals(0, list.expire(40, 30));
        assertEquals(1, list.expire(41, 30));
    }

    @Test
    void removalFromEitherRegionKeepsTheOtherIntact() {
        for (int n = 0; n < 40; n++) {
            list.add(n, ipv4(n), 6881, n % 2 == 0, false, 0);
        }
        for (int n = 0; n < 40; n += 3) {
            list.remove(list.find(n));
        }
        for (int n = 0; n < 40; n++) {
            int pos = list.find(n);
            assertEquals(n % 3 != 0, pos >= 0);
            if (pos >= 0) {
                assertEquals(n % 2 == 0, list.isSeeder(pos), "peer " + n);
            }
        }
    }
}
