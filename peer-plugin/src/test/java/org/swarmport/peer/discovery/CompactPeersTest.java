package org.swarmport.peer.discovery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

class CompactPeersTest {

    @Test
    void ipv4PeersAreFourAddressBytesAndABigEndianPort_BEP23() throws Exception {
        byte[] wire = {10, 0, 0, 1, 0x1a, (byte) 0xe1, (byte) 192, (byte) 168, 1, 2, (byte) 0xff, (byte) 0xff};
        List<InetSocketAddress> peers = CompactPeers.decode(wire, false, 10);
        assertEquals(List.of(peer("10.0.0.1", 6881), peer("192.168.1.2", 65535)), peers);
        assertArrayEquals(wire, CompactPeers.encode(peers, false));
    }

    @Test
    void ipv6PeersAreSixteenAddressBytesAndAPort_BEP7() throws Exception {
        List<InetSocketAddress> peers = List.of(peer("2001:db8::1", 443));
        byte[] wire = CompactPeers.encode(peers, true);
        assertEquals(18, wire.length);
        assertEquals(0x20, wire[0]);
        assertEquals(1, wire[15]);
        assertEquals(443 >> 8, wire[16]);
        assertEquals(peers, CompactPeers.decode(wire, true, 10));
    }

    @Test
    void encodingKeepsOnlyTheAskedFamilyAndResolvedAddresses() throws Exception {
        List<InetSocketAddress> mixed = List.of(peer("1.2.3.4", 1), peer("::1", 2),
                InetSocketAddress.createUnresolved("host.example", 3));
        assertEquals(6, CompactPeers.encode(mixed, false).length);
        assertEquals(18, CompactPeers.encode(mixed, true).length);
    }

    @Test
    void aSliceOfALargerArrayIsDecoded() throws Exception {
        byte[] framed = {9, 9, 1, 2, 3, 4, 0, 80, 9};
        assertEquals(List.of(peer("1.2.3.4", 80)), CompactPeers.decode(framed, 2, 6, false, 1));
    }

    @Test
    void portZeroPeersAreSkipped() throws Exception {
        assertEquals(List.of(), CompactPeers.decode(new byte[] {1, 2, 3, 4, 0, 0}, false, 1));
    }

    @Test
    void partialEntriesAndTooManyPeersAreRefused() {
        assertEquals("7 bytes are not a whole number of 6-byte IPv4 peers",
                assertThrows(PeerAddressException.class, () -> CompactPeers.decode(new byte[7], false, 10)).getMessage());
        assertEquals("20 bytes are not a whole number of 18-byte IPv6 peers",
                assertThrows(PeerAddressException.class, () -> CompactPeers.decode(new byte[20], true, 10)).getMessage());
        assertEquals("3 peers, more than the limit of 2",
                assertThrows(PeerAddressException.class, () -> CompactPeers.decode(new byte[18], false, 2)).getMessage());
    }

    static InetSocketAddress peer(String ip, int port) throws Exception {
        return new InetSocketAddress(InetAddress.getByName(ip), port);
    }
}
