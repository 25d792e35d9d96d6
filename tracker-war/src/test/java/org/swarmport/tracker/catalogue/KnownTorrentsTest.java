package org.swarmport.tracker.catalogue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KnownTorrentsTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void hybridTorrentsV1AndTruncatedV2HashesLeadToOneSwarm_BEP52() {
        String v1 = "11".repeat(20);
        String v2 = "22".repeat(32);
        Map<KnownTorrents.Key, byte[]> index = KnownTorrents.index(List.<Object[]>of(new Object[] {v1, v1, v2}));

        assertArrayEquals(HEX.parseHex(v1), index.get(KnownTorrents.Key.of(HEX.parseHex(v1))));
        assertArrayEquals(HEX.parseHex(v1), index.get(KnownTorrents.Key.of(HEX.parseHex("22".repeat(20)))));
        assertEquals(2, index.size());
    }

    @Test
    void v2OnlyTorrentsSwarmUnderTheirTruncatedHash() {
        String v2 = "ab".repeat(32);
        String swarm = v2.substring(0, 40);
        Map<KnownTorrents.Key, byte[]> index = KnownTorrents.index(List.<Object[]>of(new Object[] {swarm, null, v2}));

        assertArrayEquals(HEX.parseHex(swarm), index.get(KnownTorrents.Key.of(HEX.parseHex(swarm))));
        assertNull(index.get(KnownTorrents.Key.of(HEX.parseHex("cd".repeat(20)))));
    }
}
