package org.swarmport.tracker.ws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.swarmport.tracker.swarm.AnnounceEvent;

/** The browser peers' counts flow to the catalogue as the registry's do: changed swarms only, once. */
class SignallingSwarmsTest {

    private record Drained(byte[] hash, int seeders, int leechers, int completed, int increment) {
    }

    private final SignallingSwarms swarms = new SignallingSwarms();

    private List<Drained> drain() {
        List<Drained> drained = new ArrayList<>();
        swarms.drainChanged((hash, seeders, leechers, completed, increment) ->
                drained.add(new Drained(hash.clone(), seeders, leechers, completed, increment)));
        return drained;
    }

    private void announce(int peer, BrowserSocket socket, boolean seeder, AnnounceEvent event) {
        swarms.announce(Binary.bytes(1), new SignallingSwarms.Member(Binary.of(peer), Binary.of(1), socket), seeder,
                event, 10, 0, new SplittableRandom(1));
    }

    @Test
    void aChangedSwarmIsDrainedOnceWithItsCompletedIncrement() {
        RecordingSocket a = new RecordingSocket();
        announce(10, a, false, AnnounceEvent.STARTED);
        announce(10, a, true, AnnounceEvent.COMPLETED);
        List<Drained> first = drain();
        assertEquals(1, first.size());
        assertArrayEquals(Binary.bytes(1), first.get(0).hash());
        assertEquals(1, first.get(0).seeders());
        assertEquals(1, first.get(0).increment());
        assertEquals(List.of(), drain(), "nothing changed since");
    }

    @Test
    void anEmptiedSwarmIsReportedWithZerosBeforeExpiryDropsIt() {
        RecordingSocket a = new RecordingSocket();
        announce(10, a, false, AnnounceEvent.STARTED);
        drain();
        swarms.leave(Binary.bytes(1), Binary.of(10), a);
        assertEquals(0, swarms.expire(0), "an undrained empty swarm stays");
        List<Drained> last = drain();
        assertEquals(0, last.get(0).seeders() + last.get(0).leechers());
        swarms.expire(0);
        List<Integer> left = new ArrayList<>();
        swarms.forEachSwarm((hash, seeders, leechers, completed, increment) -> left.add(seeders + leechers));
        assertEquals(List.of(), left);
    }
}
