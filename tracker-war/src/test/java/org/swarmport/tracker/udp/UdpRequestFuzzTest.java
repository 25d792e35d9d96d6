package org.swarmport.tracker.udp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Random and mutated datagrams: the parser may only produce the outcomes
 * {@link UdpRequestParser} documents, each under the conditions it documents, and never
 * hangs or throws anything else.
 */
class UdpRequestFuzzTest {

    private static final int ROUNDS = 20_000;

    private final SplittableRandom random = new SplittableRandom(0x5EED_BEEF_15L);
    private int requests;
    private int refused;
    private int dropped;
    private int withUrlData;

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void randomAndMutatedPacketsGiveOnlyDocumentedOutcomes_BEP15_BEP41() {
        ByteBuffer answer = ByteBuffer.allocate(UdpResponse.IPV6_SAFE_DATAGRAM_BYTES);
        for (int round = 0; round < ROUNDS; round++) {
            byte[] packet = round % 4 == 0 ? randomPacket() : mutate(validPacket());
            // The datagram sits at the front of a bigger, reused buffer full of leftovers.
            byte[] buffer = Arrays.copyOf(packet, packet.length + random.nextInt(64));
            Arrays.fill(buffer, packet.length, buffer.length, (byte) random.nextInt(256));
            check(buffer, packet.length, answer, round);
        }
        assertTrue(requests > ROUNDS / 10, "requests " + requests);
        assertTrue(refused > ROUNDS / 10, "refused " + refused);
        assertTrue(dropped > ROUNDS / 100, "dropped " + dropped);
        assertTrue(withUrlData > ROUNDS / 100, "with URL data " + withUrlData);
    }

    private void check(byte[] packet, int length, ByteBuffer answer, int round) {
        String context = "round " + round + ": " + java.util.HexFormat.of().formatHex(packet, 0, length);
        int action = length >= 16 ? ByteBuffer.wrap(packet).getInt(8) : Integer.MIN_VALUE;
        try {
            UdpRequest request = UdpRequestParser.parse(packet, length);
            requests++;
            assertTrue(length >= 16, context);
            assertEquals(ByteBuffer.wrap(packet).getInt(12), request.transactionId(), context);
            if (request instanceof UdpRequest.Connect) {
                assertEquals(0, action, context);
                assertEquals(UdpRequest.PROTOCOL_ID, ByteBuffer.wrap(packet).getLong(0), context);
            } else if (request instanceof UdpRequest.Announce a) {
                assertEquals(1, action, context);
                assertTrue(length >= 98, context);
                assertNotNull(a.event(), context);
                assertEquals(20, a.infoHash().length, context);
                assertEquals(20, a.peerId().length, context);
                assertTrue(a.port() >= 0 && a.port() <= 65535, context);
                assertTrue(a.urlData().length() <= UdpRequestParser.MAX_URL_DATA, context);
                if (!a.urlData().isEmpty()) {
                    withUrlData++;
                }
            } else if (request instanceof UdpRequest.Scrape s) {
                assertEquals(2, action, context);
                assertTrue(s.count() >= 1 && s.count() <= UdpRequestParser.MAX_SCRAPE_HASHES, context);
                assertEquals(s.count() * 20, s.infoHashes().length, context);
                assertArrayEquals(Arrays.copyOfRange(packet, 16, 36), s.infoHash(0), context);
            } else {
                fail("unexpected request type " + request + " at " + context);
            }
        } catch (UdpRequestException e) {
            refused++;
            assertTrue(length >= 16, context);
            assertTrue(action != 0 && action != 3, context);
            assertEquals(ByteBuffer.wrap(packet).getInt(12), e.transactionId(), context);
            assertEquals(ByteBuffer.wrap(packet).getLong(0), e.connectionId(), context);
            String message = e.getMessage();
            assertTrue(message.length() > 0 && message.length() <= UdpResponse.MAX_ERROR_MESSAGE, context);
            assertTrue(StandardCharsets.US_ASCII.newEncoder().canEncode(message), context);
            answer.clear();
            assertEquals(8 + message.length(), UdpResponse.error(answer, e.transactionId(), message), context);
        } catch (UdpPacketDroppedException e) {
            dropped++;
            assertTrue(length < 16 || action == 0 || action == 3, context);
        }
    }

    private byte[] randomPacket() {
        int length = switch (random.nextInt(4)) {
            case 0 -> random.nextInt(20);
            case 1 -> 90 + random.nextInt(20);
            case 2 -> random.nextInt(1600);
            default -> 16 + 20 * random.nextInt(80) + random.nextInt(3) - 1;
        };
        byte[] packet = new byte[Math.max(0, length)];
        random.nextBytes(packet);
        if (packet.length >= 16 && random.nextInt(10) < 7) {
            ByteBuffer.wrap(packet).putInt(8, random.nextInt(5));
        }
        if (packet.length >= 16 && random.nextInt(4) == 0) {
            ByteBuffer.wrap(packet).putLong(0, UdpRequest.PROTOCOL_ID);
        }
        return packet;
    }

    private byte[] validPacket() {
        return switch (random.nextInt(4)) {
            case 0 -> Packets.connect(random.nextInt());
            case 1 -> Packets.announce(random.nextInt(4));
            case 2 -> Packets.announce(random.nextInt(4), options());
            default -> Packets.scrape(1 + random.nextInt(80));
        };
    }

    /** A run of BEP 41 options, mostly well formed. */
    private byte[] options() {
        ByteBuffer b = ByteBuffer.allocate(2048);
        int count = random.nextInt(12);
        for (int i = 0; i < count; i++) {
            int type = random.nextInt(5);
            b.put((byte) type);
            if (type >= 2) {
                int length = random.nextInt(random.nextBoolean() ? 64 : 256);
                b.put((byte) length);
                for (int j = 0; j < length; j++) {
                    b.put((byte) (0x21 + random.nextInt(94)));
                }
            }
        }
        return Arrays.copyOf(b.array(), b.position());
    }

    private byte[] mutate(byte[] packet) {
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations; m++) {
            switch (random.nextInt(5)) {
                case 0 -> {
                    if (packet.length > 0) {
                        packet[random.nextInt(packet.length)] = (byte) random.nextInt(256);
                    }
                }
                case 1 -> packet = Arrays.copyOf(packet, random.nextInt(packet.length + 1));
                case 2 -> {
                    byte[] tail = new byte[random.nextInt(300)];
                    random.nextBytes(tail);
                    packet = Packets.concat(packet, tail);
                }
                case 3 -> packet = Packets.concat(packet, options());
                default -> {
                    if (packet.length > 0) {
                        int at = random.nextInt(packet.length);
                        packet[at] = (byte) random.nextInt(4);
                    }
                }
            }
        }
        return packet;
    }
}
