package org.swarmport.tracker.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.swarmport.tracker.announce.Announcer;
import org.swarmport.tracker.announce.SwarmAdmission;
import org.swarmport.tracker.config.TrackerMode;
import org.swarmport.tracker.stats.TrackerCounters;
import org.swarmport.tracker.swarm.OtherPeerCounts;
import org.swarmport.tracker.swarm.SwarmRegistry;

/**
 * Hostile datagrams against the whole dispatch: random bytes, short packets, valid requests
 * mutated, huge scrape lists, each with a wrong or a valid connection id. The tracker never
 * throws, never answers more than the safe datagram, answers a wrong id with silence unless
 * the packet is a connect, and every answer carries the request's transaction id (BEP 15).
 */
class UdpTrackerFuzzTest {

    private static final int ROUNDS = 30_000;
    private static final byte[] SENDER = {(byte) 198, 51, 100, 7};
    private static final int PORT = 40_000;
    private static final long NOW = UdpTrackerTest.T0;

    private final SplittableRandom random = new SplittableRandom(0xF022_15L);
    private final SwarmRegistry registry = new SwarmRegistry(SwarmRegistry.Config.DEFAULT);
    private final ConnectionIdIssuer ids = new ConnectionIdIssuer(new Random(3));
    private final long validId = ids.issue(SENDER, PORT, NOW);

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void hostileDatagramsNeverThrowNorReflectNorExceedTheSafeSize_BEP15() {
        SwarmAdmission admission = new SwarmAdmission(UdpTrackerTest.CATALOGUE, TrackerMode.OPEN);
        UdpTracker tracker = new UdpTracker(new Announcer(registry, admission, OtherPeerCounts.NONE, 1800, 900,
                ThreadLocalRandom::current), admission, registry, OtherPeerCounts.NONE, ids, new TrackerCounters());
        ByteBuffer out = ByteBuffer.allocate(UdpResponse.IPV6_SAFE_DATAGRAM_BYTES);
        int[] answersByAction = new int[4];
        int silent = 0;
        for (int round = 0; round < ROUNDS; round++) {
            byte[] packet = packet(round);
            boolean withValidId = packet.length >= 8 && ByteBuffer.wrap(packet).getLong(0) == validId;
            boolean connect = packet.length >= 16 && ByteBuffer.wrap(packet).getLong(0) == UdpRequest.PROTOCOL_ID
                    && ByteBuffer.wrap(packet).getInt(8) == 0;
            String context = "round " + round + ": " + HexFormat.of().formatHex(packet);
            int n;
            try {
                n = tracker.answer(packet, packet.length, SENDER, PORT, NOW, out);
            } catch (RuntimeException e) {
                throw new AssertionError(context, e);
            }
            if (n == UdpTracker.NO_ANSWER) {
                silent++;
                continue;
            }
            if (!withValidId && !connect) {
                fail("answered a packet without a valid connection id: " + context);
            }
            assertTrue(n <= UdpResponse.IPV6_SAFE_DATAGRAM_BYTES, context);
            assertTrue(n >= 8, context);
            int action = out.getInt(0);
            assertTrue(action >= 0 && action <= 3, context);
            assertEquals(ByteBuffer.wrap(packet).getInt(12), out.getInt(4), "transaction id, " + context);
            answersByAction[action]++;
        }
        // The rounds reach every kind of answer, not only silence.
        for (int action = 0; action < 4; action++) {
            assertTrue(answersByAction[action] > ROUNDS / 100, "action " + action + ": " + answersByAction[action]);
        }
        assertTrue(silent > ROUNDS / 10, "silent " + silent);
    }

    private byte[] packet(int round) {
        switch (round % 6) {
            case 0:
                return randomBytes(random.nextInt(200));
            case 1:
                return randomBytes(random.nextInt(16));
            case 2:
                return withId(mutate(valid()), random.nextBoolean() ? validId : random.nextLong());
            case 3:
                return hugeScrape();
            default:
                return mutate(valid());
        }
    }

    private byte[] valid() {
        switch (random.nextInt(3)) {
            case 0:
                return Packets.connect(random.nextInt());
            case 1:
                byte[] infoHash = Packets.filled(20, random.nextInt(4));
                byte[] announce = Packets.announce(validId, random.nextInt(), infoHash,
                        Packets.filled(20, random.nextInt(256)), random.nextInt(2), random.nextInt(4),
                        random.nextInt(-1, 300), random.nextInt(65_536));
                if (random.nextBoolean()) {
                    byte[] path = "/a1b2c3/announce".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                    return Packets.concat(announce, new byte[] {2, (byte) path.length}, path, new byte[] {0});
                }
                return announce;
            default:
                byte[][] hashes = new byte[1 + random.nextInt(80)][];
                for (int i = 0; i < hashes.length; i++) {
                    hashes[i] = Packets.filled(20, random.nextInt(4));
                }
                return Packets.scrape(validId, random.nextInt(), hashes);
        }
    }

    /** Up to 3,000 hashes: the answer must stay an error of a few bytes, never 12 bytes a hash. */
    private byte[] hugeScrape() {
        byte[][] hashes = new byte[75 + random.nextInt(3000)][];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = Packets.filled(20, i);
        }
        return Packets.scrape(random.nextBoolean() ? validId : random.nextLong(), random.nextInt(),
                hashes);
    }

    private byte[] mutate(byte[] packet) {
        byte[] copy = packet.clone();
        int flips = random.nextInt(4);
        for (int i = 0; i < flips && copy.length > 16; i++) {
            // Leave the connection id alone most of the time, so mutations reach the parser's depths.
            copy[16 + random.nextInt(copy.length - 16)] = (byte) random.nextInt(256);
        }
        if (random.nextInt(4) == 0 && copy.length > 0) {
            return java.util.Arrays.copyOf(copy, random.nextInt(copy.length));
        }
        return copy;
    }

    private static byte[] withId(byte[] packet, long id) {
        if (packet.length >= 8) {
            ByteBuffer.wrap(packet).putLong(0, id);
        }
        return packet;
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
