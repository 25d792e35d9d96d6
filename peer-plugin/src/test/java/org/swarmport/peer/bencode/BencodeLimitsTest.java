package org.swarmport.peer.bencode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BencodeLimitsTest {

    @Test
    void defaultFitsLargeTorrentFiles() {
        assertEquals(64 << 20, BencodeLimits.DEFAULT.maxBytes());
        assertEquals(64, BencodeLimits.DEFAULT.maxDepth());
    }

    @Test
    void stricterLimitsAreBuiltWithOf() {
        assertEquals(new BencodeLimits(1024, 4, 256, 100), BencodeLimits.of(1024, 4, 256, 100));
    }

    @Test
    void nonsensicalLimitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> BencodeLimits.of(0, 4, 4, 4));
        assertThrows(IllegalArgumentException.class, () -> BencodeLimits.of(4, -1, 4, 4));
        assertThrows(IllegalArgumentException.class, () -> BencodeLimits.of(4, BencodeLimits.DEPTH_CEILING + 1, 4, 4));
        assertThrows(IllegalArgumentException.class, () -> BencodeLimits.of(4, 4, -1, 4));
        assertThrows(IllegalArgumentException.class, () -> BencodeLimits.of(4, 4, 4, -1));
    }
}
