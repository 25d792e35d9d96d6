package org.swarmport.peer.pex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.swarmport.peer.bencode.ByteMutations;

class PexMessageTest {

    @Test
    void addedPeersAreCompactWithOneFlagByteEach_BEP11() throws Exception {
        PexMessage message = new PexMessage(List.of(new PexPeer(peer("10.0.0.1", 6881), PexPeer.SEED | PexPeer.REACHABLE),
                new PexPeer(peer("10.0.0.2", 80), PexPeer.PREFERS_ENCRYPTION)), List.of(peer("10.0.0.3", 1)));
        assertEquals("d5:added12:\n\u0000\u0000\u0001\u001a\u00e1\n\u0000\u0000\u0002\u0000\u00507:added.f2:\u0012\u0001"
                + "7:dropped6:\n\u0000\u0000\u0003\u0000\u0001e", latin1(message.encode()));
        assertEquals(message, PexMessage.parse(message.encode()));
        assertEquals(PexPeer.SEED | PexPeer.REACHABLE, PexMessage.parse(message.encode()).added().get(0).flags());
    }

    @Test
    void ipv6PeersTravelInAdded6AndDropped6_BEP11() throws Exception {
        PexMessage message = new PexMessage(List.of(new PexPeer(peer("2001:db8::1", 51413), PexPeer.SUPPORTS_UTP),
                PexPeer.of(peer("1.2.3.4", 5))), List.of(peer("2001:db8::2", 7), peer("5.6.7.8", 9)));
        String wire = latin1(message.encode());
        assertTrue(wire.startsWith("d5:added6:\u0001\u0002\u0003\u0004\u0000\u00057:added.f1:\u00006:added618:"), wire);
        assertTrue(wire.contains("8:added6.f1:\u0004"));
        assertTrue(wire.contains("7:dropped6:\u0005\u0006\u0007\b\u0000\t8:dropped618:"));
        PexMessage parsed = PexMessage.parse(message.encode());
        assertEquals(List.of(PexPeer.of(peer("1.2.3.4", 5)), PexPeer.of(peer("2001:db8::1", 51413))), parsed.added());
        assertEquals(PexPeer.SUPPORTS_UTP, parsed.added().get(1).flags());
        assertEquals(List.of(peer("5.6.7.8", 9), peer("2001:db8::2", 7)), parsed.dropped());
    }

    @Test
    void missingFlagsMeanNoFlagsAndUnknownKeysAreIgnored_BEP11() throws Exception {
        PexMessage parsed = PexMessage.parse(latin1("d5:added6:\u0001\u0002\u0003\u0004\u0000\u00051:xi1ee"));
        assertEquals(List.of(new PexPeer(peer("1.2.3.4", 5), 0)), parsed.added());
        assertEquals(0, parsed.added().get(0).flags());
    }

    @Test
    void anEmptyDictionaryIsAnEmptyMessage() throws Exception {
        PexMessage parsed = PexMessage.parse(latin1("de"));
        assertTrue(parsed.added().isEmpty() && parsed.dropped().isEmpty());
        assertEquals("de", latin1(new PexMessage(List.of(), List.of()).encode()));
    }

    @Test
    void portZeroEntriesAreSkippedButFlagsStayWithTheirPeers() throws Exception {
        PexMessage parsed = PexMessage.parse(latin1("d5:added12:\u0001\u0001\u0001\u0001\u0000\u0000"
                + "\u0002\u0002\u0002\u0002\u0000\u00027:added.f2:\u0001\u0002e"));
        assertEquals(List.of(new PexPeer(peer("2.2.2.2", 2), PexPeer.SEED)), parsed.added());
        assertEquals(PexPeer.SEED, parsed.added().get(0).flags());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "i1e|ut_pex: message is an integer, expected a dictionary",
        "d5:addedi1ee|ut_pex: added is an integer, expected a string",
        "d5:added5:abcdee|ut_pex: added: 5 bytes are not a whole number of 6-byte IPv4 peers",
        "d6:added67:abcdefge|ut_pex: added6: 7 bytes are not a whole number of 18-byte IPv6 peers",
        "d5:added6:abcdef7:added.f2:xye|ut_pex: added.f has 2 flags for 1 peers",
        "d7:dropped1:xe|ut_pex: dropped: 1 bytes are not a whole number of 6-byte IPv4 peers",
        "d5:added|ut_pex: not a bencoded message: bencode: truncated dictionary at offset 0",
        "d5:addedl1:xee|ut_pex: not a bencoded message: bencode: nesting depth exceeds limit of 1 at offset 8",
    })
    void malformedMessagesAreRefused(String wire, String message) {
        assertEquals(message, assertThrows(PexException.class, () -> PexMessage.parse(latin1(wire))).getMessage());
    }

    @Test
    void moreThanAHundredPeersInOneFieldIsFlooding() {
        String many = "\u0001\u0002\u0003\u0004\u0000\u0001".repeat(101);
        assertEquals("ut_pex: added: 101 peers, more than the limit of 100",
                assertThrows(PexException.class, () -> PexMessage.parse(latin1("d5:added606:" + many + "e"))).getMessage());
    }

    @Test
    void oversizedMessagesAreRefusedBeforeDecoding() {
        byte[] huge = latin1("d5:added18000:" + "a".repeat(18000) + "e");
        PexException e = assertThrows(PexException.class, () -> PexMessage.parse(huge));
        assertTrue(e.getMessage().contains("exceeds limit"), e.getMessage());
    }

    @Test
    void mutatedMessagesAreParsedOrRefusedWithPexException() throws Exception {
        List<PexPeer> added = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            added.add(new PexPeer(peer("10.0.0." + i, 1000 + i), i));
        }
        added.add(PexPeer.of(peer("2001:db8::9", 9)));
        byte[] valid = new PexMessage(added, List.of(peer("10.9.9.9", 9), peer("2001:db8::8", 8))).encode();
        Random random = new Random(0x7065_78L);
        for (int round = 0; round < 20_000; round++) {
            byte[] input = ByteMutations.mutate(random, valid);
            try {
                PexMessage parsed = PexMessage.parse(input);
                assertTrue(parsed.added().size() <= 2 * PexMessage.MAX_RECEIVED_PER_FIELD);
            } catch (PexException expected) {
                assertTrue(expected.getMessage().startsWith("ut_pex: "));
            } catch (RuntimeException | Error unexpected) {
                fail("round " + round + ": " + Arrays.toString(input) + " threw " + unexpected, unexpected);
            }
        }
    }

    static InetSocketAddress peer(String ip, int port) throws Exception {
        return new InetSocketAddress(InetAddress.getByName(ip), port);
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
