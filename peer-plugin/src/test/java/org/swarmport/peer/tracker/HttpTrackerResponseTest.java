package org.swarmport.peer.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.swarmport.peer.bencode.ByteMutations;
import org.swarmport.peer.metainfo.InfoHash;

class HttpTrackerResponseTest {

    private static final TrackerSettings SETTINGS = TrackerSettings.DEFAULT;

    @Test
    void compactPeersAreSixBytesPerIpv4Peer_BEP23() throws Exception {
        HttpTrackerResponse.Announce answer = HttpTrackerResponse.announce(
                latin1("d8:completei5e10:incompletei7e8:intervali1800e12:min intervali60e5:peers12:"
                        + "\n\u0000\u0000\u0001\u001a\u00e1\u00c0\u00a8\u0001\u0002\u00ff\u00ffe"), SETTINGS);
        AnnounceResponse response = answer.response();
        assertEquals(Duration.ofSeconds(1800), response.interval());
        assertEquals(Duration.ofSeconds(60), response.minInterval());
        assertEquals(List.of(peer("10.0.0.1", 6881), peer("192.168.1.2", 65535)), response.peers());
        assertEquals(OptionalInt.of(5), response.seeders());
        assertEquals(OptionalInt.of(7), response.leechers());
        assertEquals(Optional.empty(), response.warning());
        assertEquals(Optional.empty(), answer.trackerId());
    }

    @Test
    void peers6AreEighteenBytesPerIpv6Peer_BEP7() throws Exception {
        String v6 = "\u0020\u0001\r\u00b8" + "\u0000".repeat(11) + "\u0001" + "\u0000\u0050";
        AnnounceResponse response = HttpTrackerResponse.announce(
                latin1("d8:intervali60e5:peers0:6:peers618:" + v6 + "e"), SETTINGS).response();
        assertEquals(List.of(peer("2001:db8::1", 80)), response.peers());
    }

    @Test
    void dictionaryModelPeersMayNameHostsAndStayUnresolved_BEP3() throws Exception {
        AnnounceResponse response = HttpTrackerResponse.announce(latin1("d8:intervali60e5:peersl"
                + "d2:ip8:10.0.0.17:peer id20:aaaaaaaaaaaaaaaaaaaa4:porti6881ee"
                + "d2:ip11:2001:db8::24:porti80ee"
                + "d2:ip12:peer.example4:porti7000ee"
                + "ee"), SETTINGS).response();
        assertEquals(List.of(peer("10.0.0.1", 6881), peer("2001:db8::2", 80),
                InetSocketAddress.createUnresolved("peer.example", 7000)), response.peers());
        assertTrue(response.peers().get(2).isUnresolved());
    }

    @Test
    void peersWithPortZeroAndDuplicatesAreLeftOut() throws Exception {
        AnnounceResponse response = HttpTrackerResponse.announce(latin1("d8:intervali60e5:peers18:"
                + "\u0001\u0002\u0003\u0004\u0000\u0000" + "\u0001\u0002\u0003\u0004\u0000\u0001"
                + "\u0001\u0002\u0003\u0004\u0000\u0001e"), SETTINGS).response();
        assertEquals(List.of(peer("1.2.3.4", 1)), response.peers());
    }

    @Test
    void failureReasonIsTheTrackersRefusal_BEP3() {
        TrackerException e = assertThrows(TrackerException.class, () -> HttpTrackerResponse.announce(
                latin1("d14:failure reason22:torrent not registerede"), SETTINGS));
        assertTrue(e.refused());
        assertEquals("tracker refused: torrent not registered", e.getMessage());
    }

    @Test
    void failureReasonIsBoundedAndCleanedForDisplay() {
        String reason = "x\u0007".repeat(300);
        TrackerException e = assertThrows(TrackerException.class, () -> HttpTrackerResponse.announce(
                latin1("d14:failure reason600:" + reason + "e"), SETTINGS));
        assertEquals("tracker refused: " + "x?".repeat(100) + "...", e.getMessage());
    }

    @Test
    void warningMessageAndTrackerIdAreKept_BEP3() throws Exception {
        HttpTrackerResponse.Announce answer = HttpTrackerResponse.announce(
                latin1("d8:intervali60e5:peers0:10:tracker id3:abc15:warning message9:slow downe"), SETTINGS);
        assertEquals(Optional.of("slow down"), answer.response().warning());
        assertEquals(Optional.of("abc"), answer.trackerId());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "i5e|tracker answer is an integer, expected a dictionary",
        "d5:peers0:e|tracker answer has no interval",
        "d8:interval2:60e|tracker answer: interval is a string, expected an integer",
        "d8:intervali-1ee|tracker answer: interval -1 is outside 0..86400 seconds",
        "d8:intervali86401ee|tracker answer: interval 86401 is outside 0..86400 seconds",
        "d8:intervali60e12:min intervali-5ee|tracker answer: min interval -5 is outside 0..86400 seconds",
        "d8:intervali60e5:peers5:abcdee|tracker answer: peers: 5 bytes are not a whole number of 6-byte IPv4 peers",
        "d8:intervali60e6:peers65:abcdee|tracker answer: peers6: 5 bytes are not a whole number of 18-byte IPv6 peers",
        "d8:intervali60e5:peersi1ee|tracker answer: peers is an integer, expected a string or a list",
        "d8:intervali60e6:peers6lee|tracker answer: peers6 is a list, expected a string",
        "d8:intervali60e5:peersli1eee|tracker answer: peers[0] is an integer, expected a dictionary",
        "d8:intervali60e5:peersld4:porti1eeee|tracker answer: peers[0].ip is missing or not a string",
        "d8:intervali60e5:peersld2:ip7:1.2.3.4eee|tracker answer: peers[0].port is missing or not an integer",
        "d8:intervali60e5:peersld2:ip7:1.2.3.44:porti0eeee|tracker answer: peers[0]: port 0 is outside 1..65535",
        "d8:intervali60e5:peersld2:ip3:a b4:porti1eeee|tracker answer: peers[0]: 'a b' is neither an IP address nor a host name",
        "d8:completei-1e8:intervali60ee|tracker answer: complete is negative",
        "d14:failure reasoni1ee|tracker answer: failure reason is an integer, expected a string",
        "d8:intervali60|tracker answer is not bencode: bencode: truncated integer at offset 11",
        "<html>oops</html>|tracker answer is not bencode: bencode: invalid type byte '<' at offset 0",
    })
    void malformedAnswersFailWithAMessageNamingTheKey(String body, String message) {
        TrackerException e = assertThrows(TrackerException.class, () -> HttpTrackerResponse.announce(latin1(body), SETTINGS));
        assertFalse(e.refused());
        assertEquals(message, e.getMessage());
    }

    @Test
    void morePeersThanTheLimitFail() {
        TrackerSettings few = new TrackerSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), 0, 1 << 20, 2, "t");
        TrackerException e = assertThrows(TrackerException.class, () -> HttpTrackerResponse.announce(
                latin1("d8:intervali60e5:peers18:" + "\u0001\u0002\u0003\u0004\u0000\u0001".repeat(3) + "e"), few));
        assertEquals("tracker answer: peers: 3 peers, more than the limit of 2", e.getMessage());
    }

    @Test
    void answersBeyondTheSizeLimitFailBeforeDecoding() {
        TrackerSettings small = new TrackerSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), 0, 64, 10, "t");
        TrackerException e = assertThrows(TrackerException.class, () -> HttpTrackerResponse.announce(
                latin1("d8:intervali60e5:peers120:" + "a".repeat(120) + "e"), small));
        assertTrue(e.getMessage().contains("exceeds limit of 64 bytes"), e.getMessage());
    }

    @Test
    void scrapeMapsEachKnownHashToItsCounts_BEP48() throws Exception {
        InfoHash known = InfoHash.of(InfoHash.Version.V1, "aaaaaaaaaaaaaaaaaaaa".getBytes(StandardCharsets.US_ASCII));
        InfoHash v2 = InfoHash.of(InfoHash.Version.V2, ("bbbbbbbbbbbbbbbbbbbb" + "c".repeat(12)).getBytes(StandardCharsets.US_ASCII));
        InfoHash unknown = InfoHash.of(InfoHash.Version.V1, new byte[20]);
        Map<InfoHash, ScrapeStats> stats = HttpTrackerResponse.scrape(latin1("d5:filesd"
                + "20:aaaaaaaaaaaaaaaaaaaad8:completei3e10:downloadedi10e10:incompletei4ee"
                + "20:bbbbbbbbbbbbbbbbbbbbd8:completei1eeee"), List.of(known, v2, unknown), SETTINGS);
        assertEquals(Map.of(known, new ScrapeStats(3, 10, 4), v2, new ScrapeStats(1, 0, 0)), stats);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "de|scrape answer has no files",
        "d5:fileslee|scrape answer: files is a list, expected a dictionary",
        "d5:filesd20:aaaaaaaaaaaaaaaaaaaai1eee|scrape answer: the entry of 6161616161616161616161616161616161616161 is an integer, expected a dictionary",
        "d5:filesd20:aaaaaaaaaaaaaaaaaaaad8:complete1:xeee|tracker answer: complete is a string, expected an integer",
        "d14:failure reason4:nopee|tracker refused: nope",
    })
    void malformedScrapesFail(String body, String message) {
        InfoHash hash = InfoHash.of(InfoHash.Version.V1, "aaaaaaaaaaaaaaaaaaaa".getBytes(StandardCharsets.US_ASCII));
        TrackerException e = assertThrows(TrackerException.class,
                () -> HttpTrackerResponse.scrape(latin1(body), List.of(hash), SETTINGS));
        assertEquals(message, e.getMessage());
    }

    @Test
    void mutatedAnswersParseOrFailWithTrackerException() {
        byte[][] valid = {
            latin1("d8:completei5e10:incompletei7e8:intervali1800e12:min intervali60e5:peers12:abcdefghijkl"
                    + "6:peers618:abcdefghijklmnopqr15:warning message2:hie"),
            latin1("d8:intervali60e5:peersld2:ip7:1.2.3.44:porti80eed2:ip6:host.x4:porti1eeee"),
            latin1("d14:failure reason3:no!e"),
        };
        Random random = new Random(0x7472_6163_6b65L);
        for (int round = 0; round < 20_000; round++) {
            byte[] input = ByteMutations.mutate(random, valid[random.nextInt(valid.length)]);
            try {
                HttpTrackerResponse.announce(input, SETTINGS);
            } catch (TrackerException expected) {
                assertFalse(expected.getMessage().isEmpty());
            } catch (RuntimeException | Error unexpected) {
                fail("round " + round + ": " + Arrays.toString(input) + " threw " + unexpected, unexpected);
            }
        }
    }

    static InetSocketAddress peer(String ip, int port) throws Exception {
        return new InetSocketAddress(InetAddress.getByName(ip), port);
    }

    static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
