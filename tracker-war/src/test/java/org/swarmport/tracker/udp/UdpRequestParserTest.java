package org.swarmport.tracker.udp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.swarmport.tracker.udp.Hex.hex;
import static org.swarmport.tracker.udp.Packets.bytes;
import static org.swarmport.tracker.udp.Packets.concat;
import static org.swarmport.tracker.udp.Packets.filled;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.swarmport.tracker.swarm.AnnounceEvent;

class UdpRequestParserTest {

    private static UdpRequest parse(byte[] packet) throws Exception {
        return UdpRequestParser.parse(packet, packet.length);
    }

    private static UdpRequestException refused(byte[] packet) {
        return assertThrows(UdpRequestException.class, () -> parse(packet));
    }

    // --- connect ---

    @Test
    void connectRequestCarriesProtocolIdActionZeroAndTransactionId_BEP15() throws Exception {
        byte[] packet = hex("00000417 27101980  00000000  8badf00d");

        UdpRequest.Connect connect = assertInstanceOf(UdpRequest.Connect.class, parse(packet));

        assertEquals(0x8badf00d, connect.transactionId());
    }

    @Test
    void connectWithoutProtocolIdIsDropped_BEP15() {
        byte[] packet = hex("00000417 27101981  00000000  8badf00d");

        assertThrows(UdpPacketDroppedException.class, () -> parse(packet));
    }

    @Test
    void connectIgnoresBytesAfterItsSixteen_BEP15() throws Exception {
        byte[] packet = concat(Packets.connect(7), filled(50, 0xFF));

        assertEquals(new UdpRequest.Connect(7), parse(packet));
    }

    @Test
    void packetShorterThanHeaderIsDroppedSinceNoTransactionIdCanBeAnswered_BEP15() {
        byte[] connect = Packets.connect(7);
        for (int length = 0; length < 16; length++) {
            int l = length;
            assertThrows(UdpPacketDroppedException.class, () -> UdpRequestParser.parse(connect, l));
        }
    }

    @Test
    void onlyTheFirstLengthBytesAreRead() throws Exception {
        byte[] buffer = Arrays.copyOf(Packets.scrape(1), 1500);
        Arrays.fill(buffer, 36, buffer.length, (byte) 0x55);

        UdpRequest.Scrape scrape = assertInstanceOf(UdpRequest.Scrape.class, UdpRequestParser.parse(buffer, 36));

        assertEquals(1, scrape.count());
    }

    @Test
    void lengthOutsideTheArrayIsACallerBug() {
        assertThrows(IllegalArgumentException.class, () -> UdpRequestParser.parse(new byte[16], 17));
        assertThrows(IllegalArgumentException.class, () -> UdpRequestParser.parse(new byte[16], -1));
    }

    // --- announce ---

    @Test
    void announceFieldsAreBigEndianAtBep15Offsets_BEP15() throws Exception {
        byte[] packet = hex("""
                0102030405060708  00000001  0000abcd
                1111111111111111111111111111111111111111
                2d5452333030302d6162636465666768696a6b6c
                0000000000000064  00000000000000c8  000000000000012c
                00000002  c0a80001  deadbeef  ffffffff  1ae1
                """);

        UdpRequest.Announce a = assertInstanceOf(UdpRequest.Announce.class, parse(packet));

        assertEquals(98, packet.length);
        assertEquals(0x0102030405060708L, a.connectionId());
        assertEquals(0xabcd, a.transactionId());
        assertArrayEquals(filled(20, 0x11), a.infoHash());
        assertEquals("-TR3000-abcdefghijkl", new String(a.peerId(), java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(100, a.downloaded());
        assertEquals(200, a.left());
        assertEquals(300, a.uploaded());
        assertEquals(AnnounceEvent.STARTED, a.event());
        assertEquals(0xc0a80001, a.ipAddress());
        assertEquals(0xdeadbeef, a.key());
        assertEquals(-1, a.numWant());
        assertEquals(6881, a.port());
        assertEquals("", a.urlData());
    }

    @Test
    void announceEventsZeroToThreeAreNoneCompletedStartedStopped_BEP15() throws Exception {
        AnnounceEvent[] expected = {
            AnnounceEvent.NONE, AnnounceEvent.COMPLETED, AnnounceEvent.STARTED, AnnounceEvent.STOPPED
        };
        for (int code = 0; code < 4; code++) {
            UdpRequest.Announce a = (UdpRequest.Announce) parse(Packets.announce(code));
            assertEquals(expected[code], a.event());
        }
    }

    @Test
    void announceWithUnknownEventIsAnError_BEP15() {
        assertEquals("unknown event", refused(Packets.announce(4)).getMessage());
        assertEquals("unknown event", refused(Packets.announce(-1)).getMessage());
    }

    @Test
    void announcePortIsUnsigned_BEP15() throws Exception {
        byte[] packet = Packets.announce(0);
        packet[96] = (byte) 0xFF;
        packet[97] = (byte) 0xFF;

        assertEquals(65535, ((UdpRequest.Announce) parse(packet)).port());
    }

    @Test
    void announceShorterThan98BytesIsAnErrorCarryingTheTransactionId_BEP15() {
        byte[] packet = Arrays.copyOf(Packets.announce(0), 97);

        UdpRequestException e = refused(packet);

        assertEquals(Packets.TRANSACTION_ID, e.transactionId());
        assertEquals(Packets.CONNECTION_ID, e.connectionId());
        assertEquals("announce shorter than 98 bytes", e.getMessage());
    }

    // --- BEP 41 options ---

    private static String urlData(byte... options) throws Exception {
        return ((UdpRequest.Announce) parse(Packets.announce(0, options))).urlData();
    }

    @Test
    void urlDataOptionGivesThePathAndQuery_BEP41() throws Exception {
        byte[] option = concat(bytes(0x02, 17), "/passkey/announce".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        assertEquals("/passkey/announce", urlData(option));
    }

    @Test
    void urlDataSplitInTwoOptionsIsConcatenated_BEP41() throws Exception {
        byte[] options = concat(bytes(0x02, 8), "/passkey".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                bytes(0x02, 9), "/announce".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        assertEquals("/passkey/announce", urlData(options));
    }

    @Test
    void endOfOptionsStopsParsingAndIgnoresWhatFollows_BEP41() throws Exception {
        byte[] options = concat(bytes(0x02, 2, '/', 'a', 0x00), bytes(0x02, 50, 'x'));

        assertEquals("/a", urlData(options));
    }

    @Test
    void nopOptionsAreSkipped_BEP41() throws Exception {
        assertEquals("/ab", urlData(bytes(0x01, 0x01, 0x02, 2, '/', 'a', 0x01, 0x02, 1, 'b', 0x01)));
    }

    @Test
    void unknownOptionIsSkippedByItsLengthByte_BEP41() throws Exception {
        assertEquals("/a", urlData(bytes(0x07, 3, 0x02, 9, 9, 0x02, 2, '/', 'a')));
    }

    @Test
    void truncatedOptionIsAnError_BEP41() {
        assertEquals("truncated option", refused(Packets.announce(0, bytes(0x02))).getMessage());
        assertEquals("truncated option", refused(Packets.announce(0, bytes(0x02, 5, '/', 'a'))).getMessage());
        assertEquals("truncated option", refused(Packets.announce(0, bytes(0x09))).getMessage());
    }

    @Test
    void urlDataOfExactly255BytesIsAccepted_BEP41() throws Exception {
        byte[] options = concat(bytes(0x02, 200), filled(200, 'a'), bytes(0x02, 55), filled(55, 'b'));

        assertEquals(255, urlData(options).length());
    }

    @Test
    void urlDataOver255BytesIsAnError_BEP41() {
        byte[] options = concat(bytes(0x02, 200), filled(200, 'a'), bytes(0x02, 56), filled(56, 'b'));

        assertEquals("url data too long", refused(Packets.announce(0, options)).getMessage());
    }

    @Test
    void manyNopOptionsEndWithThePacket_BEP41() throws Exception {
        assertEquals("", urlData(filled(60_000, 0x01)));
    }

    @Test
    void urlDataBytesMapOneToOneToChars_BEP41() throws Exception {
        assertEquals("/\u00ff\u0000", urlData(bytes(0x02, 3, '/', 0xFF, 0x00)));
    }

    // --- scrape ---

    @Test
    void scrapeOfOneInfoHash_BEP15() throws Exception {
        byte[] packet = hex("0102030405060708  00000002  0000abcd  aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");

        UdpRequest.Scrape s = assertInstanceOf(UdpRequest.Scrape.class, parse(packet));

        assertEquals(0x0102030405060708L, s.connectionId());
        assertEquals(0xabcd, s.transactionId());
        assertEquals(1, s.count());
        assertArrayEquals(filled(20, 0xaa), s.infoHash(0));
    }

    @Test
    void scrapeOf74InfoHashesKeepsTheirOrder_BEP15() throws Exception {
        UdpRequest.Scrape s = (UdpRequest.Scrape) parse(Packets.scrape(74));

        assertEquals(74, s.count());
        for (int i = 0; i < 74; i++) {
            assertArrayEquals(filled(20, i), s.infoHash(i));
        }
    }

    @Test
    void scrapeOf75InfoHashesIsAnError_BEP15() {
        UdpRequestException e = refused(Packets.scrape(75));

        assertEquals(Packets.TRANSACTION_ID, e.transactionId());
        assertEquals("more than 74 info hashes", e.getMessage());
    }

    @Test
    void scrapeWithoutInfoHashIsAnError_BEP15() {
        assertEquals("scrape without info hash", refused(Packets.scrape(0)).getMessage());
        assertEquals("scrape without info hash", refused(concat(Packets.scrape(0), filled(19, 1))).getMessage());
    }

    @Test
    void scrapeIgnoresATrailingPieceShorterThanAnInfoHash_BEP15() throws Exception {
        UdpRequest.Scrape s = (UdpRequest.Scrape) parse(concat(Packets.scrape(2), filled(19, 0xEE)));

        assertEquals(2, s.count());
        assertArrayEquals(filled(20, 1), s.infoHash(1));
    }

    // --- other actions ---

    @Test
    void unknownActionIsAnErrorCarryingTheTransactionId_BEP15() {
        UdpRequestException e = refused(hex("0102030405060708  00000004  12345678"));

        assertEquals(0x12345678, e.transactionId());
        assertEquals(0x0102030405060708L, e.connectionId());
        assertEquals("unknown action", e.getMessage());
    }

    @Test
    void errorPacketFromAClientIsDroppedSoTwoTrackersCannotLoop_BEP15() {
        byte[] packet = hex("0102030405060708  00000003  12345678  626164");

        assertThrows(UdpPacketDroppedException.class, () -> parse(packet));
    }
}
