package org.swarmport.tracker.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class ConnectionsPerAddressTest {

    @Test
    void anAddressAtTheLimitIsRefusedUntilOneOfItsSocketsCloses() {
        ConnectionsPerAddress connections = new ConnectionsPerAddress(2);
        assertTrue(connections.tryOpen("192.0.2.1"));
        assertTrue(connections.tryOpen("192.0.2.1"));
        assertFalse(connections.tryOpen("192.0.2.1"));
        assertTrue(connections.tryOpen("192.0.2.2"), "other addresses are not held up");
        connections.close("192.0.2.1");
        assertTrue(connections.tryOpen("192.0.2.1"));
    }

    @Test
    void anAddressIsForgottenWithItsLastSocket() {
        ConnectionsPerAddress connections = new ConnectionsPerAddress(2);
        connections.tryOpen("2001:db8::1");
        connections.close("2001:db8::1");
        connections.close("2001:db8::1");
        assertEquals(0, connections.open("2001:db8::1"));
    }

    @Test
    void ipv6ClientsCountByTheirSlash64AndMappedIpv4AsIpv4() throws Exception {
        assertEquals("192.0.2.7", ConnectionsPerAddress.keyOf(InetAddress.getByName("192.0.2.7").getAddress()));
        assertEquals("2001:db8:0:1::/64",
                ConnectionsPerAddress.keyOf(InetAddress.getByName("2001:db8:0:1:aaaa::1").getAddress()));
        assertEquals(ConnectionsPerAddress.keyOf(InetAddress.getByName("2001:db8:0:1::2").getAddress()),
                ConnectionsPerAddress.keyOf(InetAddress.getByName("2001:db8:0:1:ffff:ffff:ffff:ffff").getAddress()));
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = (byte) 198;
        mapped[13] = 51;
        mapped[14] = 100;
        mapped[15] = 9;
        assertEquals("198.51.100.9", ConnectionsPerAddress.keyOf(mapped));
    }
}
