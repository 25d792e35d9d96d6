package org.swarmport.peer.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ChokerTest {

    private static final long SECOND = 1_000_000_000L;

    private static Choker<String> choker(long seed) {
        return new Choker<>(new SplittableRandom(seed));
    }

    /** Adds interested peers at {@code now}. */
    private static void interested(Choker<String> choker, long now, String... peers) {
        for (String peer : peers) {
            choker.addPeer(peer, now);
            choker.peerInterested(peer, true);
        }
    }

    /** The peer unchoked us, we want its data, and it sends {@code bytes} at {@code now}. */
    private static void uploadingToUs(Choker<String> choker, String peer, long bytes, long now) {
        choker.weInterested(peer, true, now);
        choker.peerChokesUs(peer, false, now);
        choker.received(peer, bytes, now);
    }

    @Test
    void leechingUnchokesThePeersThatSendUsMostPlusOneOptimistic_BEP3() {
        Choker<String> choker = choker(1);
        interested(choker, 0, "a", "b", "c", "d", "e", "f");
        uploadingToUs(choker, "a", 100_000, 5 * SECOND);
        uploadingToUs(choker, "b", 500_000, 5 * SECOND);
        uploadingToUs(choker, "c", 300_000, 5 * SECOND);
        uploadingToUs(choker, "d", 1_000, 5 * SECOND);
        ChokeDecision<String> decision = choker.rechoke(10 * SECOND, false);
        assertEquals(4, decision.unchoked().size());
        assertTrue(decision.unchoked().containsAll(Set.of("a", "b", "c")), decision.unchoked().toString());
        assertEquals(1, decision.optimistic().size());
        assertFalse(Set.of("a", "b", "c").containsAll(decision.optimistic()));
        assertEquals(decision.unchoked(), decision.unchoke());
        assertTrue(decision.choke().isEmpty());
    }

    @Test
    void ratesCountOnlyTheLastTwentySeconds() {
        Choker<String> choker = new Choker<>(ChokerSettings.DEFAULTS.withUploadSlots(2), new SplittableRandom(2));
        interested(choker, 0, "old", "recent", "other");
        uploadingToUs(choker, "old", 10_000_000, 0);
        uploadingToUs(choker, "recent", 1_000, 0);
        choker.received("recent", 1_000, 15 * SECOND);
        choker.received("old", 0, 15 * SECOND);
        choker.received("other", 0, 15 * SECOND);
        assertEquals(0, choker.downloadRate("old", 21 * SECOND));
        ChokeDecision<String> decision = choker.rechoke(21 * SECOND, false);
        Set<String> regular = new HashSet<>(decision.unchoked());
        regular.removeAll(decision.optimistic());
        assertEquals(Set.of("recent"), regular);
    }

    @Test
    void peersThatAreNotInterestedGetNoSlot_BEP3() {
        Choker<String> choker = choker(3);
        interested(choker, 0, "a", "b");
        choker.addPeer("bored", 0);
        uploadingToUs(choker, "bored", 9_000_000, 0);
        ChokeDecision<String> first = choker.rechoke(SECOND, false);
        assertEquals(Set.of("a", "b"), first.unchoked());
        choker.peerInterested("a", false);
        ChokeDecision<String> second = choker.rechoke(11 * SECOND, false);
        assertEquals(Set.of("a"), second.choke());
        assertEquals(Set.of("b"), second.unchoked());
        assertFalse(choker.isUnchoked("a"));
    }

    @Test
    void theOptimisticUnchokeRotatesEveryThirtySecondsOnly() {
        Choker<String> choker = choker(4);
        interested(choker, 0, "a", "b", "c", "d", "e", "f", "g", "h");
        for (String peer : List.of("a", "b", "c")) {
            uploadingToUs(choker, peer, 1_000_000, 0);
        }
        Set<String> optimistic = choker.rechoke(SECOND, false).optimistic();
        for (long t = 11; t < 31; t += 10) {
            assertEquals(optimistic, choker.rechoke(t * SECOND, false).optimistic(), "rotated early at " + t + " s");
        }
        Set<Set<String>> seen = new HashSet<>();
        for (long t = 31; t < 31 + 30 * 20; t += 30) {
            for (String peer : List.of("a", "b", "c")) {
                choker.received(peer, 1_000_000, t * SECOND);
            }
            ChokeDecision<String> decision = choker.rechoke(t * SECOND, false);
            assertEquals(1, decision.optimistic().size());
            assertFalse(decision.optimistic().contains("a"), "a reciprocating peer took the optimistic slot");
            seen.add(decision.optimistic());
        }
        assertTrue(seen.size() >= 4, "20 rotations over 5 candidates chose only " + seen);
    }

    @Test
    void newPeersAreThreeTimesAsLikelyToBeOptimisticallyUnchoked() {
        Map<String, Integer> wins = new HashMap<>();
        int draws = 3000;
        for (long seed = 0; seed < draws; seed++) {
            Choker<String> choker = choker(seed);
            interested(choker, 0, "r1", "r2", "r3", "old1", "old2", "old3");
            for (String peer : List.of("r1", "r2", "r3")) {
                uploadingToUs(choker, peer, 1_000_000, 95 * SECOND);
            }
            interested(choker, 90 * SECOND, "new");
            for (String peer : choker.rechoke(100 * SECOND, false).optimistic()) {
                wins.merge(peer, 1, Integer::sum);
            }
        }
        // Weights 3 : 1 : 1 : 1, so the new peer should win half the draws.
        double newShare = wins.getOrDefault("new", 0) / (double) draws;
        assertTrue(newShare > 0.45 && newShare < 0.55, "new peer won " + newShare + " of the draws: " + wins);
        assertEquals(draws, wins.values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void aPeerThatUnchokedUsAndSentNothingForSixtySecondsIsSnubbed() {
        Choker<String> choker = choker(5);
        interested(choker, 0, "quiet");
        uploadingToUs(choker, "quiet", 1_000, 0);
        assertFalse(choker.isSnubbed("quiet", 59 * SECOND));
        assertTrue(choker.isSnubbed("quiet", 60 * SECOND));
        choker.received("quiet", 1, 61 * SECOND);
        assertFalse(choker.isSnubbed("quiet", 61 * SECOND));
        choker.peerChokesUs("quiet", true, 62 * SECOND);
        assertFalse(choker.isSnubbed("quiet", 500 * SECOND), "a peer choking us is not snubbing, just choking");
    }

    @Test
    void snubbingPeersAreNotRewardedWhileOthersWait() {
        Choker<String> choker = choker(6);
        interested(choker, 0, "s1", "s2", "s3", "s4", "x", "y");
        for (String peer : List.of("s1", "s2", "s3", "s4")) {
            uploadingToUs(choker, peer, 1_000_000, 0);
        }
        ChokeDecision<String> decision = choker.rechoke(70 * SECOND, false);
        assertTrue(decision.unchoked().containsAll(Set.of("x", "y")), decision.unchoked().toString());
        assertEquals(4, decision.unchoked().size());
        for (String snubber : List.of("s1", "s2", "s3", "s4")) {
            assertTrue(choker.isSnubbed(snubber, 70 * SECOND));
        }
    }

    @Test
    void seedingServesEveryInterestedPeerInTurn() {
        Choker<String> choker = choker(7);
        List<String> peers = List.of("p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9");
        interested(choker, 0, peers.toArray(String[]::new));
        Set<String> served = new HashSet<>();
        for (long t = 0; t <= 80; t += 10) {
            ChokeDecision<String> decision = choker.rechoke(t * SECOND, true);
            assertEquals(4, decision.unchoked().size());
            assertTrue(decision.optimistic().isEmpty());
            for (String peer : decision.unchoked()) {
                choker.sent(peer, 100_000, t * SECOND);
            }
            served.addAll(decision.unchoked());
        }
        assertEquals(new HashSet<>(peers), served);
    }

    @Test
    void seedingKeepsAPeerForItsWholeTurn() {
        Choker<String> choker = choker(8);
        interested(choker, 0, "a", "b", "c", "d", "e", "f");
        Set<String> first = choker.rechoke(0, true).unchoked();
        assertEquals(first, choker.rechoke(10 * SECOND, true).unchoked());
        assertEquals(first, choker.rechoke(20 * SECOND, true).unchoked());
        ChokeDecision<String> rotated = choker.rechoke(30 * SECOND, true);
        assertTrue(rotated.unchoked().containsAll(Set.of("a", "b", "c", "d", "e", "f").stream()
                .filter(peer -> !first.contains(peer)).toList()), "the waiting peers got the freed slots");
        assertEquals(2, rotated.choke().size());
    }

    @Test
    void seedingWithoutAnyoneWaitingKeepsPeersUnchoked() {
        Choker<String> choker = choker(9);
        interested(choker, 0, "a", "b");
        choker.rechoke(0, true);
        ChokeDecision<String> later = choker.rechoke(300 * SECOND, true);
        assertEquals(Set.of("a", "b"), later.unchoked());
        assertTrue(later.choke().isEmpty() && later.unchoke().isEmpty());
    }

    @Test
    void uploadSlotsAreConfigurableAndALeavingPeerFreesItsSlot() {
        Choker<String> choker = new Choker<>(ChokerSettings.DEFAULTS.withUploadSlots(2), new SplittableRandom(10));
        interested(choker, 0, "a", "b", "c");
        Set<String> unchoked = choker.rechoke(0, false).unchoked();
        assertEquals(2, unchoked.size());
        String gone = unchoked.iterator().next();
        choker.removePeer(gone);
        Set<String> after = choker.rechoke(10 * SECOND, false).unchoked();
        assertEquals(2, after.size());
        assertFalse(after.contains(gone));
    }

    @Test
    void aNewlyInterestedPeerIsUnchokedAtOnceWhileASlotIsFree() {
        Choker<String> choker = new Choker<>(ChokerSettings.DEFAULTS.withUploadSlots(2), new SplittableRandom(11));
        interested(choker, 0, "a");
        choker.addPeer("b", 0);
        assertFalse(choker.unchokeIfSlotFree("b", SECOND), "not interested");
        assertTrue(choker.unchokeIfSlotFree("a", SECOND));
        assertFalse(choker.unchokeIfSlotFree("a", SECOND), "already unchoked");
        choker.peerInterested("b", true);
        assertTrue(choker.unchokeIfSlotFree("b", SECOND));
        interested(choker, 0, "c");
        assertFalse(choker.unchokeIfSlotFree("c", SECOND), "both slots taken");
        ChokeDecision<String> decision = choker.rechoke(10 * SECOND, true);
        assertEquals(2, decision.unchoked().size());
        assertTrue(decision.unchoke().isEmpty(), "the rechoke knows a and b are unchoked already");
    }
}
