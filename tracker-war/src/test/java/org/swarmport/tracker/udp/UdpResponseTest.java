package org.swarmport.tracker.udp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.swarmport.tracker.udp.Hex.hex;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class UdpResponseTest {

    private final ByteBuffer out = ByteBuffer.allocate(2048);

    private byte[] written() {
        return Arrays.copyOf(out.array(), out.position());
    }

    @Test
    void connectResponseIsSixteenBytes_BEP15() {
        int n = UdpResponse.connect(out, 0x8badf00d, 0x0102030405060708L);

        assertEquals(16, n);
        assertArrayEquals(hex("00000000  8badf00d  0102030405060708"), written());
    }

    @Test
    void announceResponseWithIpv4PeersHasSixBytesPerPeer_BEP15() {
        byte[] peers = hex("c0a80001 1ae1  0a000002 c8d5");

        int n = UdpResponse.announce(out, 0xabcd, 1800, 3, 5, peers, 0, peers.length, 6, 1220);

        assertEquals(32, n);
        assertArrayEquals(hex("""
                00000001  0000abcd  00000708  00000003  00000005
                c0a800011ae1  0a000002c8d5
                """), written());
    }

    @Test
    void announceResponseWithIpv6PeersHasEighteenBytesPerPeer_BEP15() {
        byte[] peers = hex("20010db8000000000000000000000001 1ae1");

        int n = UdpResponse.announce(out, 1, 1800, 0, 1, peers, 0, peers.length, 18, 1220);

        assertEquals(38, n);
        assertArrayEquals(hex("""
                00000001  00000001  00000708  00000000  00000001
                20010db8000000000000000000000001 1ae1
                """), written());
    }

    @Test
    void announceResponseWithoutPeersIsTwentyBytes_BEP15() {
        assertEquals(20, UdpResponse.announce(out, 1, 1800, 0, 0, new byte[0], 0, 0, 6, 1220));
    }

    @Test
    void announceResponseWritesPeersFromTheGivenRange_BEP15() {
        byte[] peers = hex("000000000000  0a0000011ae1  ffffffffffff");

        UdpResponse.announce(out, 1, 1800, 0, 0, peers, 6, 6, 6, 1220);

        assertArrayEquals(hex("0a0000011ae1"), Arrays.copyOfRange(written(), 20, 26));
        assertEquals(26, out.position());
    }

    @Test
    void announceResponseNeverExceedsTheIpv6SafeDatagramWith200Ipv4Peers_BEP15() {
        byte[] peers = new byte[1000 * 6];

        int n = UdpResponse.announce(out, 1, 1800, 0, 0, peers, 0, peers.length, 6,
                UdpResponse.IPV6_SAFE_DATAGRAM_BYTES);

        assertEquals(20 + 200 * 6, n);
        assertEquals(1220, n);
    }

    @Test
    void announceResponseNeverExceedsTheIpv6SafeDatagramWith66Ipv6Peers_BEP15() {
        byte[] peers = new byte[1000 * 18];

        int n = UdpResponse.announce(out, 1, 1800, 0, 0, peers, 0, peers.length, 18,
                UdpResponse.IPV6_SAFE_DATAGRAM_BYTES);

        assertEquals(20 + 66 * 18, n);
    }

    @Test
    void announceResponseAlsoFitsTheBufferLeft_BEP15() {
        ByteBuffer small = ByteBuffer.allocate(100);
        byte[] peers = new byte[50 * 6];

        int n = UdpResponse.announce(small, 1, 1800, 0, 0, peers, 0, peers.length, 6, 1220);

        assertEquals(20 + 13 * 6, n);
        assertEquals(n, small.position());
    }

    @Test
    void announceResponseRefusesPeersOfAnotherWidthOrCutPeers() {
        byte[] peers = new byte[12];
        assertThrows(IllegalArgumentException.class,
                () -> UdpResponse.announce(out, 1, 1, 0, 0, peers, 0, 12, 4, 1220));
        assertThrows(IllegalArgumentException.class,
                () -> UdpResponse.announce(out, 1, 1, 0, 0, peers, 0, 11, 6, 1220));
        assertThrows(IllegalArgumentException.class,
                () -> UdpResponse.announce(out, 1, 1, 0, 0, peers, 6, 12, 6, 1220));
        assertThrows(IllegalArgumentException.class,
                () -> UdpResponse.announce(out, 1, 1, 0, 0, peers, 0, 12, 6, 19));
        assertEquals(0, out.position());
    }

    @Test
    void scrapeResponseOrderIsSeedersCompletedLeechers_BEP15() {
        int n = UdpResponse.scrapeHeader(out, 0xabcd);
        n += UdpResponse.scrapeEntry(out, 5, 10, 3);
        n += UdpResponse.scrapeEntry(out, 0, 1, 2);

        assertEquals(32, n);
        assertArrayEquals(hex("""
                00000002  0000abcd
                00000005  0000000a  00000003
                00000000  00000001  00000002
                """), written());
    }

    @Test
    void scrapeResponseFor74HashesFitsTheIpv6SafeDatagram_BEP15() {
        int n = UdpResponse.scrapeHeader(out, 1);
        for (int i = 0; i < UdpRequestParser.MAX_SCRAPE_HASHES; i++) {
            n += UdpResponse.scrapeEntry(out, i, i, i);
        }

        assertEquals(896, n);
        assertEquals(true, n <= UdpResponse.IPV6_SAFE_DATAGRAM_BYTES);
    }

    @Test
    void errorResponseIsActionThreeThenAsciiMessage_BEP15() {
        int n = UdpResponse.error(out, 0x12345678, "unknown action");

        assertEquals(22, n);
        assertArrayEquals(hex("00000003  12345678  756e6b6e6f776e20616374696f6e"), written());
    }

    @Test
    void errorMessageIsAsciiAndCutTo100Characters_BEP15() {
        UdpResponse.error(out, 1, "caf\u00e9\n" + "x".repeat(200));

        byte[] message = Arrays.copyOfRange(written(), 8, out.position());
        assertEquals(100, message.length);
        assertArrayEquals("caf??xxx".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                Arrays.copyOf(message, 8));
    }

    @Test
    void responsesAreBigEndianWhateverTheBufferOrder_BEP15() {
        ByteBuffer little = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);

        UdpResponse.connect(little, 1, 2);

        assertArrayEquals(hex("00000000 00000001 0000000000000002"), little.array());
    }

    @Test
    void responsesWriteAtThePositionAndAdvanceIt() {
        out.position(10);

        UdpResponse.connect(out, 1, 2);

        assertEquals(26, out.position());
        assertEquals(1, out.getInt(14));
    }

    @Test
    void tooSmallABufferWritesNothing() {
        ByteBuffer small = ByteBuffer.allocate(15);

        assertThrows(IllegalArgumentException.class, () -> UdpResponse.connect(small, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> UdpResponse.error(small, 1, "12345678"));
        assertThrows(IllegalArgumentException.class,
                () -> UdpResponse.announce(small, 1, 1, 0, 0, new byte[0], 0, 0, 6, 1220));
        assertEquals(0, small.position());
    }
}
