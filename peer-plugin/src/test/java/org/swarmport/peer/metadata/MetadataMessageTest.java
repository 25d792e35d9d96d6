package org.swarmport.peer.metadata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.swarmport.peer.bencode.ByteMutations;

class MetadataMessageTest {

    @Test
    void requestIsMsgTypeZeroAndThePiece_BEP9() throws MetadataException {
        byte[] wire = new MetadataMessage.Request(3).encode();
        assertEquals("d8:msg_typei0e5:piecei3ee", ascii(wire));
        assertEquals(Optional.of(new MetadataMessage.Request(3)), MetadataMessage.parse(wire));
    }

    @Test
    void rejectIsMsgTypeTwo_BEP9() throws MetadataException {
        byte[] wire = new MetadataMessage.Reject(0).encode();
        assertEquals("d8:msg_typei2e5:piecei0ee", ascii(wire));
        assertEquals(Optional.of(new MetadataMessage.Reject(0)), MetadataMessage.parse(wire));
    }

    @Test
    void dataIsTheHeaderFollowedByTheRawPiece_BEP9() throws MetadataException {
        byte[] piece = new byte[100];
        Arrays.fill(piece, (byte) 'x');
        byte[] wire = new MetadataMessage.Data(1, MetadataMessage.PIECE_SIZE + 100, piece).encode();
        assertEquals("d8:msg_typei1e5:piecei1e10:total_sizei16484ee" + "x".repeat(100), ascii(wire));
        MetadataMessage.Data parsed = (MetadataMessage.Data) MetadataMessage.parse(wire).orElseThrow();
        assertEquals(1, parsed.piece());
        assertEquals(16484, parsed.totalSize());
        assertArrayEquals(piece, parsed.data());
    }

    @Test
    void aMessageCanSitInsideALargerBuffer() throws MetadataException {
        byte[] wire = new MetadataMessage.Request(7).encode();
        byte[] framed = new byte[wire.length + 10];
        System.arraycopy(wire, 0, framed, 6, wire.length);
        assertEquals(Optional.of(new MetadataMessage.Request(7)),
                MetadataMessage.parse(framed, 6, wire.length, MetadataMessage.DEFAULT_MAX_METADATA_SIZE));
    }

    @Test
    void unknownMessageTypesAreIgnored_BEP9() throws MetadataException {
        assertEquals(Optional.empty(), MetadataMessage.parse(bytes("d8:msg_typei7e5:piecei0ee")));
    }

    @Test
    void extraHeaderKeysAreAllowed() throws MetadataException {
        assertEquals(Optional.of(new MetadataMessage.Request(1)),
                MetadataMessage.parse(bytes("d1:ai5e8:msg_typei0e5:piecei1ee")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "i5e|ut_metadata: header is an integer, expected a dictionary",
        "d5:piecei0ee|ut_metadata: header has no msg_type",
        "d8:msg_typei0ee|ut_metadata: header has no piece",
        "d8:msg_type1:05:piecei0ee|ut_metadata: msg_type is a string, expected an integer",
        "d8:msg_typei0e5:piecei-1ee|ut_metadata: piece -1 is out of range",
        "d8:msg_typei0e5:piecei4294967296ee|ut_metadata: piece 4294967296 is out of range",
        "d8:msg_typei0e5:piecei0eexx|ut_metadata: 2 bytes after a request",
        "d8:msg_typei2e5:piecei0eex|ut_metadata: 1 bytes after a reject",
        "d8:msg_typei1e5:piecei0ee|ut_metadata: header has no total_size",
        "d8:msg_typei1e5:piecei0e10:total_sizei0ee|ut_metadata: total_size 0 is outside 1..8388608",
        "d8:msg_typei1e5:piecei0e10:total_sizei8388609ee|ut_metadata: total_size 8388609 is outside 1..8388608",
        "d8:msg_typei1e5:piecei1e10:total_sizei5eeabcde|ut_metadata: piece 1 is beyond the 1 pieces of 5 bytes",
        "d8:msg_typei1e5:piecei0e10:total_sizei5eeabcd|ut_metadata: piece 0 has 4 bytes, expected 5",
        "d8:msg_typei1e5:piecei0e10:total_sizei5eeabcdef|ut_metadata: piece 0 has 6 bytes, expected 5",
        "d8:msg_typei0e5:piecei0e|ut_metadata: bad header: bencode: truncated dictionary",
        "d8:msg_typeli0ee5:piecei0ee|ut_metadata: bad header: bencode: nesting depth exceeds limit of 1",
    })
    void malformedMessagesAreRefusedWithAPreciseMessage(String wire, String message) {
        MetadataException e = assertThrows(MetadataException.class, () -> MetadataMessage.parse(bytes(wire)));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void emptyPayloadIsRefused() {
        MetadataException e = assertThrows(MetadataException.class, () -> MetadataMessage.parse(new byte[0]));
        assertTrue(e.getMessage().startsWith("ut_metadata: bad header: bencode: empty input"), e.getMessage());
    }

    @Test
    void oversizedHeaderIsRefusedBeforeItIsRead() {
        byte[] wire = bytes("d1:x300:" + "a".repeat(300) + "8:msg_typei0e5:piecei0ee");
        MetadataException e = assertThrows(MetadataException.class, () -> MetadataMessage.parse(wire));
        assertTrue(e.getMessage().contains("exceeds limit"), e.getMessage());
    }

    @Test
    void aSmallerMetadataLimitIsHonoured() {
        byte[] wire = new MetadataMessage.Data(0, 100, new byte[100]).encode();
        assertThrows(MetadataException.class, () -> MetadataMessage.parse(wire, 0, wire.length, 99));
    }

    @Test
    void mutatedMessagesAreParsedOrRefusedWithMetadataException() {
        byte[][] valid = {new MetadataMessage.Request(2).encode(), new MetadataMessage.Reject(9).encode(),
            new MetadataMessage.Data(0, 40, new byte[40]).encode(),
            new MetadataMessage.Data(1, MetadataMessage.PIECE_SIZE + 3, new byte[3]).encode()};
        Random random = new Random(0x7574_6d65_7461L);
        for (int round = 0; round < 20_000; round++) {
            byte[] input = ByteMutations.mutate(random, valid[random.nextInt(valid.length)]);
            try {
                Optional<MetadataMessage> message = MetadataMessage.parse(input);
                if (message.isPresent() && !(message.get() instanceof MetadataMessage.Data)) {
                    assertArrayEquals(input, message.get().encode(), "a request or reject is its canonical encoding");
                }
            } catch (MetadataException expected) {
                assertTrue(expected.getMessage().startsWith("ut_metadata: "));
            } catch (RuntimeException | Error unexpected) {
                fail("round " + round + ": " + Arrays.toString(input) + " threw " + unexpected, unexpected);
            }
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String ascii(byte[] wire) {
        return new String(wire, StandardCharsets.ISO_8859_1);
    }
}
