package org.swarmport.peer.tracker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.swarmport.peer.metainfo.InfoHash;

class UdpTrackerPacketTest {

    private static final AnnounceRequest REQUEST = new AnnounceRequest(HttpTrackerUrlTest.HASH, HttpTrackerUrlTest.PEER_ID,
            6881, 100, 200, 300, AnnounceEvent.COMPLETED, 50, 0x01020304);

    @Test
    void connectRequestIsMagicActionAndTransaction_BEP15() {
        ByteBuffer packet = ByteBuffer.wrap(UdpTrackerPacket.connect(0x11223344));
        assertEquals(16, packet.remaining());
        assertEquals(0x41727101980L, packet.getLong());
        assertEquals(0, packet.getInt());
        assertEquals(0x11223344, packet.getInt());
    }

    @Test
    void announceRequestHasBep15sLayout_BEP15() {
        ByteBuffer packet = ByteBuffer.wrap(UdpTrackerPacket.announce(0x0102030405060708L, 77, REQUEST, ""));
        assertEquals(98, packet.remaining());
        assertEquals(0x0102030405060708L, packet.getLong());
        assertEquals(1, packet.getInt());
        assertEquals(77, packet.getInt());
        byte[] hash = new byte[20];
        packet.get(hash);
        assertArrayEquals(HttpTrackerUrlTest.HASH.truncated(), hash);
        byte[] peerId = new byte[20];
        packet.get(peerId);
        assertArrayEquals(HttpTrackerUrlTest.PEER_ID, peerId);
        assertEquals(200, packet.getLong(), "downloaded");
        assertEquals(300, packet.getLong(), "left");
        assertEquals(100, packet.getLong(), "uploaded");
        assertEquals(1, packet.getInt(), "event completed");
        assertEquals(0, packet.getInt(), "IP address: the sender's");
        assertEquals(0x01020304, packet.getInt(), "key");
        assertEquals(50, packet.getInt(), "num_want");
        assertEquals(6881, packet.getShort() & 0xffff);
    }

    @Test
    void urlDataFollowsTheAnnounceInChunksOf255_BEP41() {
        String path = "/announce?passkey=" + "k".repeat(300);
        byte[] packet = UdpTrackerPacket.announce(1, 2, REQUEST, path);
        byte[] url = path.getBytes(StandardCharsets.UTF_8);
        assertEquals(98 + 2 + 255 + 2 + (url.length - 255) + 1, packet.length);
        assertEquals(2, packet[98]);
        assertEquals(255, packet[99] & 0xff);
        assertArrayEquals(Arrays.copyOfRange(url, 0, 255), Arrays.copyOfRange(packet, 100, 355));
        assertEquals(2, packet[355]);
        assertEquals(url.length - 255, packet[356]);
        assertArrayEquals(Arrays.copyOfRange(url, 255, url.length), Arrays.copyOfRange(packet, 357, packet.length - 1));
        assertEquals(0, packet[packet.length - 1], "end of options");
    }

    @Test
    void urlDataIsThePathAndQueryOfTheUrl_BEP41() {
        assertEquals("/dir/announce?passkey=a%20b", UdpTrackerPacket.urlData(URI.create("udp://t:1/dir/announce?passkey=a%20b")));
        assertEquals("", UdpTrackerPacket.urlData(URI.create("udp://t:1")));
    }

    @Test
    void scrapeRequestListsTheTruncatedHashes_BEP15() {
        InfoHash v2 = InfoHash.fromHex("7e6182e08d26560be726af1a637dda734f80c007b5b2b4a5b10fd59433c5633c");
        ByteBuffer packet = ByteBuffer.wrap(UdpTrackerPacket.scrape(9, 10, List.of(HttpTrackerUrlTest.HASH, v2)));
        assertEquals(56, packet.remaining());
        assertEquals(9, packet.getLong());
        assertEquals(2, packet.getInt());
        assertEquals(10, packet.getInt());
        packet.position(36);
        byte[] second = new byte[20];
        packet.get(second);
        assertArrayEquals(v2.truncated(), second);
        assertThrows(IllegalArgumentException.class, () -> UdpTrackerPacket.scrape(1, 1, List.of()));
    }

    @Test
    void answersAreRead_BEP15() throws Exception {
        UdpTrackerPacket.Connected connected = (UdpTrackerPacket.Connected) read(
                ByteBuffer.allocate(16).putInt(0).putInt(5).putLong(-2), false);
        assertEquals(5, connected.transactionId());
        assertEquals(-2, connected.connectionId());

        UdpTrackerPacket.Announced announced = (UdpTrackerPacket.Announced) read(ByteBuffer.allocate(32)
                .putInt(1).putInt(6).putInt(1800).putInt(3).putInt(4)
                .put(new byte[] {10, 0, 0, 1, 0x1a, (byte) 0xe1, 10, 0, 0, 2, 0, 80}), false);
        AnnounceResponse response = announced.response();
        assertEquals(Duration.ofSeconds(1800), response.interval());
        assertEquals(3, response.leechers().getAsInt());
        assertEquals(4, response.seeders().getAsInt());
        assertEquals(List.of(HttpTrackerResponseTest.peer("10.0.0.1", 6881), HttpTrackerResponseTest.peer("10.0.0.2", 80)),
                response.peers());

        UdpTrackerPacket.Scraped scraped = (UdpTrackerPacket.Scraped) read(ByteBuffer.allocate(32)
                .putInt(2).putInt(7).putInt(1).putInt(2).putInt(3).putInt(4).putInt(5).putInt(6), false);
        assertEquals(List.of(new ScrapeStats(1, 2, 3), new ScrapeStats(4, 5, 6)), scraped.stats());

        byte[] message = "go away\n".getBytes(StandardCharsets.US_ASCII);
        UdpTrackerPacket.Failed failed = (UdpTrackerPacket.Failed) read(ByteBuffer.allocate(8 + message.length)
                .putInt(3).putInt(8).put(message), false);
        assertEquals("go away?", failed.message());
    }

    @Test
    void ipv6TrackersAnswerEighteenBytePeers_BEP15() throws Exception {
        byte[] v6 = new byte[18];
        v6[0] = 0x20;
        v6[1] = 0x01;
        v6[15] = 1;
        v6[17] = 80;
        UdpTrackerPacket.Announced announced = (UdpTrackerPacket.Announced) read(ByteBuffer.allocate(38)
                .putInt(1).putInt(6).putInt(60).putInt(0).putInt(0).put(v6), true);
        assertEquals(List.of(HttpTrackerResponseTest.peer("2001::1", 80)), announced.response().peers());
    }

    @Test
    void malformedAnswersFail() {
        assertEquals("UDP tracker answer of 7 bytes is shorter than its 8-byte header",
                failure(ByteBuffer.allocate(7), false));
        assertEquals("UDP tracker connect answer of 12 bytes is shorter than 16",
                failure(ByteBuffer.allocate(12).putInt(0), false));
        assertEquals("UDP tracker announce answer of 19 bytes is shorter than 20",
                failure(ByteBuffer.allocate(19).putInt(1), false));
        assertEquals("UDP tracker announce answer: 5 bytes are not a whole number of 6-byte IPv4 peers",
                failure(ByteBuffer.allocate(25).putInt(1).putInt(0).putInt(60), false));
        assertEquals("UDP tracker interval 4294967295 is beyond 86400 seconds",
                failure(ByteBuffer.allocate(20).putInt(1).putInt(0).putInt(-1), false));
        assertEquals("UDP tracker scrape answer of 13 bytes is not a whole number of 12-byte entries",
                failure(ByteBuffer.allocate(13).putInt(2), false));
        assertEquals("UDP tracker answer has unknown action 9", failure(ByteBuffer.allocate(8).putInt(9), false));
    }

    @Test
    void morePeersThanTheLimitFail() {
        ByteBuffer packet = ByteBuffer.allocate(20 + 6 * 3).putInt(1).putInt(0).putInt(60);
        TrackerException e = assertThrows(TrackerException.class,
                () -> UdpTrackerPacket.read(packet.array(), packet.capacity(), false, 2));
        assertEquals("UDP tracker announce answer: 3 peers, more than the limit of 2", e.getMessage());
    }

    @Test
    void randomPacketsAreReadOrFailWithTrackerException() {
        Random random = new Random(0x7564_7074L);
        for (int round = 0; round < 50_000; round++) {
            byte[] packet = new byte[random.nextInt(64)];
            random.nextBytes(packet);
            if (packet.length >= 4 && random.nextBoolean()) {
                packet[0] = packet[1] = packet[2] = 0;
                packet[3] = (byte) random.nextInt(4);
            }
            try {
                UdpTrackerPacket.read(packet, packet.length, random.nextBoolean(), 100);
            } catch (TrackerException expected) {
                assertTrue(expected.getMessage().startsWith("UDP tracker"), expected.getMessage());
            } catch (RuntimeException unexpected) {
                fail("round " + round + ": " + Arrays.toString(packet) + " threw " + unexpected, unexpected);
            }
        }
    }

    private static UdpTrackerPacket.Answer read(ByteBuffer packet, boolean ipv6) throws TrackerException {
        return UdpTrackerPacket.read(packet.array(), packet.capacity(), ipv6, 100);
    }

    private static String failure(ByteBuffer packet, boolean ipv6) {
        return assertThrows(TrackerException.class, () -> read(packet, ipv6)).getMessage();
    }
}
