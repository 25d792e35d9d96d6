package org.swarmport.peer.pex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PexStateTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void theFirstMessageAdvertisesTheConnectedPeers_BEP11() throws Exception {
        PexState state = new PexState();
        PexMessage first = state.next(List.of(peer(1), peer(2)), T0).orElseThrow();
        assertEquals(List.of(peer(1), peer(2)), first.added());
        assertTrue(first.dropped().isEmpty());
        assertEquals(2, state.advertisedCount());
    }

    @Test
    void atMostOneMessageAMinute_BEP11() throws Exception {
        PexState state = new PexState();
        state.next(List.of(peer(1)), T0).orElseThrow();
        assertTrue(state.next(List.of(peer(1), peer(2)), T0.plusSeconds(59)).isEmpty());
        assertEquals(List.of(peer(2)), state.next(List.of(peer(1), peer(2)), T0.plus(PexState.INTERVAL)).orElseThrow().added());
    }

    @Test
    void laterMessagesCarryOnlyTheDifference_BEP11() throws Exception {
        PexState state = new PexState();
        state.next(List.of(peer(1), peer(2), peer(3)), T0);
        PexMessage diff = state.next(List.of(peer(2), peer(3), peer(4)), T0.plusSeconds(60)).orElseThrow();
        assertEquals(List.of(peer(4)), diff.added());
        assertEquals(List.of(peer(1).address()), diff.dropped());
    }

    @Test
    void nothingChangedMeansNoMessage() throws Exception {
        PexState state = new PexState();
        state.next(List.of(peer(1)), T0);
        assertTrue(state.next(List.of(peer(1)), T0.plusSeconds(120)).isEmpty(), "uTorrent drops peers sending empty PEX");
        assertTrue(state.next(List.of(), T0).isEmpty(), "never anything to say about nobody");
    }

    @Test
    void atMostFiftyAddedAndFiftyDroppedPerMessageTheRestLater_BEP11() throws Exception {
        PexState state = new PexState();
        List<PexPeer> many = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            many.add(peer(i));
        }
        Set<PexPeer> advertised = new HashSet<>();
        Instant now = T0;
        for (int message = 0; message < 3; message++, now = now.plus(Duration.ofMinutes(1))) {
            PexMessage next = state.next(many, now).orElseThrow();
            assertTrue(next.added().size() <= PexMessage.MAX_ADDED);
            advertised.addAll(next.added());
        }
        assertEquals(Set.copyOf(many), advertised, "50 + 50 + 20");
        PexMessage drops = state.next(List.of(), now).orElseThrow();
        assertEquals(PexMessage.MAX_ADDED, drops.dropped().size());
        assertEquals(70, state.advertisedCount());
    }

    @Test
    void aPeerWhoseFlagsChangeIsNotAdvertisedAgain() throws Exception {
        PexState state = new PexState();
        state.next(List.of(new PexPeer(peer(1).address(), 0)), T0);
        assertTrue(state.next(List.of(new PexPeer(peer(1).address(), PexPeer.SEED)), T0.plusSeconds(60)).isEmpty());
    }

    private static PexPeer peer(int i) throws Exception {
        return PexPeer.of(new InetSocketAddress(PexMessageTest.peer("10.0." + (i / 256) + "." + (i % 256), 6881).getAddress(),
                6881));
    }
}
