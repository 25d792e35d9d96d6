package org.swarmport.peer.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TrackerTiersTest {

    private static final List<List<String>> TIERS = List.of(List.of("a1", "a2", "a3", "a4"), List.of("b1", "b2"),
            List.of("c1"));

    @Test
    void trackersAreShuffledWithinTheirTierOnly_BEP12() {
        Set<List<String>> firstTierOrders = new HashSet<>();
        for (int seed = 0; seed < 50; seed++) {
            List<List<String>> tiers = new TrackerTiers(TIERS, new Random(seed)).tiers();
            assertEquals(3, tiers.size());
            assertEquals(Set.copyOf(TIERS.get(0)), Set.copyOf(tiers.get(0)));
            assertEquals(Set.copyOf(TIERS.get(1)), Set.copyOf(tiers.get(1)));
            assertEquals(TIERS.get(2), tiers.get(2));
            firstTierOrders.add(tiers.get(0));
        }
        assertTrue(firstTierOrders.size() > 5, "the first tier is shuffled: " + firstTierOrders);
    }

    @Test
    void theOrderIsShuffledOnceNotPerAnnounce_BEP12() throws Exception {
        TrackerTiers tiers = new TrackerTiers(TIERS, new Random(3));
        List<List<String>> before = tiers.tiers();
        tiers.firstAnswer(url -> url);
        assertEquals(before, tiers.tiers());
    }

    @Test
    void trackersAreTriedInOrderAndOneThatAnswersMovesToTheFrontOfItsTier_BEP12() throws Exception {
        TrackerTiers tiers = new TrackerTiers(TIERS, new Random(7));
        List<String> order = new ArrayList<>();
        tiers.tiers().forEach(order::addAll);
        String answering = order.get(5); // the second tracker of the second tier
        List<String> asked = new ArrayList<>();
        String answer = tiers.firstAnswer(url -> {
            asked.add(url);
            if (!url.equals(answering)) {
                throw TrackerException.failed(url + " is down");
            }
            return "peers from " + url;
        });
        assertEquals("peers from " + answering, answer);
        assertEquals(order.subList(0, 6), asked, "every tracker before it was tried, in order");
        assertEquals(answering, tiers.tiers().get(1).get(0));
        assertEquals(tiers.tiers().get(0), List.copyOf(order.subList(0, 4)), "other tiers unchanged");
    }

    @Test
    void whenEveryTrackerFailsTheLastFailureIsThrown() {
        TrackerTiers tiers = new TrackerTiers(TIERS, new Random(1));
        TrackerException e = assertThrows(TrackerException.class, () -> tiers.firstAnswer(url -> {
            throw TrackerException.failed("down: " + url);
        }));
        assertEquals("down: c1", e.getMessage());
    }

    @Test
    void emptyTiersAndDuplicateUrlsAreDropped() {
        TrackerTiers tiers = new TrackerTiers(List.of(List.of(), List.of("x", "x"), List.of("x", "y")), new Random(1));
        assertEquals(List.of(List.of("x"), List.of("y")), tiers.tiers());
        TrackerException e = assertThrows(TrackerException.class,
                () -> new TrackerTiers(List.of(), new Random(1)).firstAnswer(url -> url));
        assertEquals("no tracker to ask", e.getMessage());
    }
}
