package org.swarmport.peer.metainfo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;

import org.junit.jupiter.api.Test;

class InfoHashTest {

    private static final byte[] INFO = "d4:name1:xe".getBytes(StandardCharsets.US_ASCII);

    @Test
    void v1IsSha1AndV2IsSha256OverTheGivenSpan_BEP3_BEP52() {
        byte[] file = ("d4:info" + new String(INFO, StandardCharsets.US_ASCII) + "e").getBytes(StandardCharsets.US_ASCII);
        // sha1("d4:name1:xe") and sha256("d4:name1:xe"), computed with Python's hashlib.
        assertEquals("c06fadd1439dd2d619fec4538d69a54e614bb831", InfoHash.ofInfo(InfoHash.Version.V1, file, 7, INFO.length).hex());
        assertEquals("7d4596d9278e1efc8ff75eb65a1a7a5593d65dab899a6c2a7159a8bfdc2194c2",
                InfoHash.ofInfo(InfoHash.Version.V2, file, 7, INFO.length).hex());
    }

    @Test
    void hexRoundTripsInEitherCase() {
        InfoHash v1 = InfoHash.fromHex("9CD2CAA7A7151520C28AFA54768E549B86591D38");
        assertEquals("9cd2caa7a7151520c28afa54768e549b86591d38", v1.hex());
        assertEquals(InfoHash.Version.V1, v1.version());
        assertEquals(v1, InfoHash.fromHex(v1.hex()));
        InfoHash v2 = InfoHash.fromHex("03e9445ba5151648ce2cf28851bd05b5f7ea9bb3d118067bcd84e546dac425de");
        assertEquals(InfoHash.Version.V2, v2.version());
        assertThrows(IllegalArgumentException.class, () -> InfoHash.fromHex("abc"));
        assertThrows(IllegalArgumentException.class, () -> InfoHash.fromHex("zz".repeat(20)));
    }

    @Test
    void trackersSeeAV2HashTruncatedTo20Bytes_BEP52() {
        InfoHash v2 = InfoHash.fromHex("03e9445ba5151648ce2cf28851bd05b5f7ea9bb3d118067bcd84e546dac425de");
        assertEquals("03e9445ba5151648ce2cf28851bd05b5f7ea9bb3", HexFormat.of().formatHex(v2.truncated()));
        InfoHash v1 = InfoHash.fromHex("9cd2caa7a7151520c28afa54768e549b86591d38");
        assertArrayEquals(v1.bytes(), v1.truncated());
    }

    @Test
    void equalityIsByVersionAndBytes() {
        InfoHash v2 = InfoHash.fromHex("03e9445ba5151648ce2cf28851bd05b5f7ea9bb3d118067bcd84e546dac425de");
        InfoHash v1SameBytes = InfoHash.of(InfoHash.Version.V1, v2.truncated());
        assertNotEquals(v2, v1SameBytes);
        assertEquals(Set.of(v2), Set.of(InfoHash.of(InfoHash.Version.V2, v2.bytes())));
        assertThrows(IllegalArgumentException.class, () -> InfoHash.of(InfoHash.Version.V2, new byte[20]));
    }

    @Test
    void theBytesCannotBeChangedFromOutside() {
        byte[] bytes = new byte[20];
        InfoHash hash = InfoHash.of(InfoHash.Version.V1, bytes);
        bytes[0] = 1;
        hash.bytes()[1] = 1;
        assertArrayEquals(new byte[20], hash.bytes());
        assertEquals(Arrays.hashCode(new byte[20]) + 31 * InfoHash.Version.V1.hashCode(), hash.hashCode());
    }
}
