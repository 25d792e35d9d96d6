package org.swarmport.tracker.announce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.swarmport.tracker.announce.Queries.filled;
import static org.swarmport.tracker.announce.Queries.percent;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.swarmport.tracker.config.TrackerMode;
import org.swarmport.tracker.swarm.AnnounceEvent;
import org.swarmport.tracker.swarm.OtherPeerCounts;
import org.swarmport.tracker.swarm.SwarmCounts;
import org.swarmport.tracker.swarm.SwarmRegistry;

class ScrapeHandlerTest {

    private static final byte[] KNOWN_LOW = filled(0x01);
    private static final byte[] KNOWN_HIGH = filled(0xf0);
    private static final byte[] UNKNOWN = filled(0x33);

    private final SwarmRegistry registry = new SwarmRegistry(SwarmRegistry.Config.DEFAULT);
    private final SwarmHashes catalogue = hash ->
            Arrays.equals(hash, KNOWN_LOW) || Arrays.equals(hash, KNOWN_HIGH) ? hash : null;

    private void peer(byte[] infoHash, int id, boolean seeder) {
        registry.announce(infoHash, id, new byte[] {10, 0, 0, (byte) id}, 6881, seeder, AnnounceEvent.STARTED,
                SwarmRegistry.currentMinute(), null, null);
    }

    private static String text(byte[] answer) {
        return new String(answer, StandardCharsets.ISO_8859_1);
    }

    private static String raw(byte[] hash) {
        return new String(hash, StandardCharsets.ISO_8859_1);
    }

    @Test
    void manyHashesAnswerInByteOrderWithTheirCounts_BEP48() {
        peer(KNOWN_HIGH, 1, true);
        peer(KNOWN_HIGH, 2, false);
        ScrapeHandler handler = new ScrapeHandler(registry, new SwarmAdmission(catalogue, TrackerMode.REGISTERED), OtherPeerCounts.NONE, null);

        byte[] answer = handler.scrape("info_hash=" + percent(KNOWN_HIGH) + "&info_hash=" + percent(KNOWN_LOW));

        assertEquals("d5:filesd"
                + "20:" + raw(KNOWN_LOW) + "d8:completei0e10:downloadedi0e10:incompletei0ee"
                + "20:" + raw(KNOWN_HIGH) + "d8:completei1e10:downloadedi0e10:incompletei1ee"
                + "ee", text(answer));
    }

    @Test
    void registeredModeLeavesOutTorrentsOutsideTheCatalogue() {
        ScrapeHandler handler = new ScrapeHandler(registry, new SwarmAdmission(catalogue, TrackerMode.REGISTERED), OtherPeerCounts.NONE, null);

        assertEquals("d5:filesdee", text(handler.scrape("info_hash=" + percent(UNKNOWN))));
    }

    @Test
    void openModeAnswersZerosForASwarmNobodyJoined() {
        ScrapeHandler handler = new ScrapeHandler(registry, new SwarmAdmission(catalogue, TrackerMode.OPEN), OtherPeerCounts.NONE, null);

        assertEquals("d5:filesd20:" + raw(UNKNOWN) + "d8:completei0e10:downloadedi0e10:incompletei0eeee",
                text(handler.scrape("info_hash=" + percent(UNKNOWN))));
    }

    @Test
    void fullScrapeIsRefusedWhenSwitchedOff() {
        ScrapeHandler handler = new ScrapeHandler(registry, new SwarmAdmission(catalogue, TrackerMode.OPEN), OtherPeerCounts.NONE, null);

        assertEquals("d14:failure reason65:full scrape is disabled on this tracker: ask for info_hash valuese",
                text(handler.scrape(null)));
    }

    @Test
    void fullScrapeIsBuiltAtMostOncePerInterval() {
        peer(KNOWN_LOW, 1, true);
        AtomicLong nanos = new AtomicLong();
        FullScrape fullScrape = new FullScrape(registry, 60, nanos::get);
        ScrapeHandler handler = new ScrapeHandler(registry, new SwarmAdmission(catalogue, TrackerMode.OPEN), OtherPeerCounts.NONE, fullScrape);

        byte[] first = handler.scrape("");
        peer(KNOWN_HIGH, 2, false);
        nanos.set(59_000_000_000L);
        byte[] beforeTheInterval = handler.scrape("");
        nanos.set(60_000_000_000L);
        byte[] after = handler.scrape("");

        assertSame(first, beforeTheInterval);
        assertNotSame(first, after);
        assertEquals("d5:filesd20:" + raw(KNOWN_LOW) + "d8:completei1e10:downloadedi0e10:incompletei0ee"
                + "20:" + raw(KNOWN_HIGH) + "d8:completei0e10:downloadedi0e10:incompletei1eeee", text(after));
    }

    @Test
    void malformedScrapeAnswersAFailureReason() {
        ScrapeHandler handler = new ScrapeHandler(registry, new SwarmAdmission(catalogue, TrackerMode.OPEN), OtherPeerCounts.NONE, null);

        assertEquals(true, AnnounceHandler.isFailure(handler.scrape("info_hash=%zz")));
    }

    @Test
    void browserPeersAreAddedToEachHashsCounts_BEP48() {
        peer(KNOWN_HIGH, 1, true);
        ScrapeHandler handler = new ScrapeHandler(registry, new SwarmAdmission(catalogue, TrackerMode.REGISTERED),
                swarm -> Arrays.equals(swarm, KNOWN_LOW) ? new SwarmCounts(1, 2, 3) : new SwarmCounts(0, 0, 0), null);

        byte[] answer = handler.scrape("info_hash=" + percent(KNOWN_HIGH) + "&info_hash=" + percent(KNOWN_LOW));

        assertEquals("d5:filesd"
                + "20:" + raw(KNOWN_LOW) + "d8:completei1e10:downloadedi3e10:incompletei2ee"
                + "20:" + raw(KNOWN_HIGH) + "d8:completei1e10:downloadedi0e10:incompletei0ee"
                + "ee", text(answer), "a swarm of browser peers only is scraped too");
    }
}
