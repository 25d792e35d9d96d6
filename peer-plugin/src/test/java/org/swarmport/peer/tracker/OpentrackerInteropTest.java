package org.swarmport.peer.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.swarmport.peer.metainfo.InfoHash;

/** Our HTTP and UDP clients against the real opentracker: peers announced over one are found over the other. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OpentrackerInteropTest {

    private static final InfoHash V1 = InfoHash.fromHex("b6401410cae8917a1b3aff7f10763424785a9f60");
    private static final InfoHash V2 = InfoHash.fromHex("c3ca2a0fcc05ee7671b12a1359b5ed576a51b2f88bfc5470dd9f532d3ce56b46");
    private static final TrackerSettings SETTINGS = TrackerSettings.DEFAULT.withHttpTimeout(Duration.ofSeconds(10))
            .withUdpTiming(Duration.ofMillis(500), 3);

    @TempDir
    Path temp;

    @Test
    void aPeerAnnouncedOverHttpIsFoundOverUdpAndBack_BEP3_BEP15() throws Exception {
        try (Opentracker opentracker = new Opentracker(temp, List.of(V1, V2));
             TrackerClient http = TrackerClient.open(opentracker.httpAnnounce(), HttpClient.newHttpClient(), SETTINGS);
             TrackerClient udp = TrackerClient.open(opentracker.udpAnnounce(), HttpClient.newHttpClient(), SETTINGS)) {
            AnnounceResponse first = http.announce(request(V1, "-SP0001-httpclient01", 5001, 1000));
            assertTrue(first.interval().compareTo(Duration.ZERO) > 0, "opentracker gives an interval");
            AnnounceResponse second = udp.announce(request(V1, "-SP0001-udpclient001", 5002, 0));
            assertTrue(second.peers().contains(new InetSocketAddress("127.0.0.1", 5001)),
                    "the UDP client sees the HTTP one: " + second.peers());
            AnnounceResponse again = http.announce(request(V1, "-SP0001-httpclient01", 5001, 1000).with(AnnounceEvent.NONE, 50));
            assertTrue(again.peers().contains(new InetSocketAddress("127.0.0.1", 5002)),
                    "the HTTP client sees the UDP one: " + again.peers());

            ScrapeStats overHttp = http.scrape(List.of(V1)).get(V1);
            ScrapeStats overUdp = udp.scrape(List.of(V1)).get(V1);
            assertEquals(1, overHttp.seeders(), "the UDP client has left 0: a seeder");
            assertEquals(1, overHttp.leechers());
            assertEquals(overHttp, overUdp);
        }
    }

    @Test
    void aHybridTorrentsTruncatedV2HashIsASwarmOfItsOwn_BEP52() throws Exception {
        try (Opentracker opentracker = new Opentracker(temp, List.of(V1, V2));
             TrackerClient http = TrackerClient.open(opentracker.httpAnnounce(), HttpClient.newHttpClient(), SETTINGS);
             TrackerClient udp = TrackerClient.open(opentracker.udpAnnounce(), HttpClient.newHttpClient(), SETTINGS)) {
            http.announce(request(V2, "-SP0001-v2client0001", 6001, 5));
            AnnounceResponse seen = udp.announce(request(V2, "-SP0001-v2client0002", 6002, 5));
            assertTrue(seen.peers().contains(new InetSocketAddress("127.0.0.1", 6001)), String.valueOf(seen.peers()));
            Map<InfoHash, ScrapeStats> stats = udp.scrape(List.of(V1, V2));
            assertEquals(2, stats.get(V2).leechers());
            assertEquals(0, stats.getOrDefault(V1, new ScrapeStats(0, 0, 0)).leechers(), "v1 swarm untouched");
        }
    }

    @Test
    void aTorrentOffTheWhitelistIsRefused() throws Exception {
        try (Opentracker opentracker = new Opentracker(temp, List.of(V1));
             TrackerClient http = TrackerClient.open(opentracker.httpAnnounce(), HttpClient.newHttpClient(), SETTINGS)) {
            TrackerException e = assertThrows(TrackerException.class,
                    () -> http.announce(request(V2, "-SP0001-httpclient01", 5001, 1)));
            assertTrue(e.refused(), e.getMessage());
        }
    }

    private static AnnounceRequest request(InfoHash hash, String peerId, int port, long left) {
        return new AnnounceRequest(hash, peerId.getBytes(StandardCharsets.US_ASCII), port, 0, 0, left,
                AnnounceEvent.STARTED, 50, port);
    }
}
