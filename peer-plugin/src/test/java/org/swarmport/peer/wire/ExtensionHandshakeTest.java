package org.swarmport.peer.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.swarmport.peer.bencode.ByteMutations;

class ExtensionHandshakeTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void readsLibtorrentsHandshake_BEP10_BEP9() throws Exception {
        ExtensionHandshake h = ExtensionHandshake.parse(b(
                "d12:complete_agoi-1e1:md11:lt_donthavei7e10:share_modei8e11:upload_onlyi3e12:ut_holepunchi4e"
                        + "11:ut_metadatai2e6:ut_pexi1ee13:metadata_sizei31235e4:reqqi500e11:upload_onlyi0e"
                        + "1:v18:libtorrent 2.0.8.06:yourip4:\u007f\u0000\u0000\u0001e"));
        assertEquals(OptionalInt.of(2), h.idOf("ut_metadata"));
        assertEquals(OptionalInt.of(1), h.idOf("ut_pex"));
        assertEquals(OptionalLong.of(31235), h.metadataSize());
        assertEquals(OptionalInt.of(500), h.requestQueue());
        assertEquals(Optional.of("libtorrent 2.0.8.0"), h.client());
        assertEquals(4, h.yourIp().orElseThrow().length);
    }

    @Test
    void idZeroMeansDisabled_BEP10() throws Exception {
        ExtensionHandshake h = ExtensionHandshake.parse(b("d1:md11:ut_metadatai0eee"));
        assertFalse(h.idOf("ut_metadata").isPresent());
    }

    @Test
    void roundTrips() throws Exception {
        ExtensionHandshake h = new ExtensionHandshake(Map.of("ut_metadata", 3, "ut_pex", 1), Optional.of("Swarmport"),
                OptionalInt.of(6881), OptionalInt.of(250), OptionalLong.of(1234),
                Optional.of(new byte[] {10, 0, 0, 1}));
        assertEquals(h, ExtensionHandshake.parse(h.toBytes()));
    }

    @Test
    void refusesWrongTypesWithTheKeyNamed() {
        assertMessage("d1:mi1ee", "'m' is an integer, not a dictionary");
        assertMessage("d1:md11:ut_metadata1:xee", "m.ut_metadata is a string, not an integer");
        assertMessage("d1:md11:ut_metadatai256eee", "m.ut_metadata = 256 is not a message id 0..255");
        assertMessage("d4:reqq3:abce", "'reqq' is a string, not an integer");
        assertMessage("d1:pi70000ee", "'p' = 70000 is outside 0..65535");
        assertMessage("d13:metadata_sizei-5ee", "metadata_size -5 is outside");
        assertMessage("d13:metadata_sizei999999999999ee", "metadata_size 999999999999 is outside");
        assertMessage("d6:yourip3:abce", "yourip of 3 bytes");
        assertMessage("li1ee", "is a list, not a dictionary");
        assertMessage("d1:m", "extension handshake: bencode:");
    }

    @Test
    void ignoresUnknownKeys_BEP10() throws Exception {
        ExtensionHandshake h = ExtensionHandshake.parse(b("d1:md6:ut_pexi1ee7:unknownli1eee"));
        assertEquals(Map.of("ut_pex", 1), h.extensions());
    }

    @Test
    void oversizedHandshakeIsRefused() {
        String big = "d1:v70000:" + "x".repeat(70000) + "e";
        assertThrows(WireException.class, () -> ExtensionHandshake.parse(b(big)));
    }

    @Test
    void mutatedHandshakesFailOnlyWithAWireException() {
        byte[] valid = new ExtensionHandshake(Map.of("ut_metadata", 3, "ut_pex", 1), Optional.of("Swarmport"),
                OptionalInt.of(6881), OptionalInt.of(250), OptionalLong.of(1234), Optional.empty()).toBytes();
        Random random = new Random(10);
        for (int i = 0; i < 5000; i++) {
            byte[] bytes = ByteMutations.mutate(random, valid);
            try {
                ExtensionHandshake.parse(bytes);
            } catch (WireException expected) {
                assertTrue(expected.getMessage().startsWith("extension handshake"));
            } catch (RuntimeException e) {
                fail("mutation " + i + ": " + e, e);
            }
        }
    }

    private static void assertMessage(String payload, String expected) {
        WireException e = assertThrows(WireException.class, () -> ExtensionHandshake.parse(b(payload)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
