package org.swarmport.tracker.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
