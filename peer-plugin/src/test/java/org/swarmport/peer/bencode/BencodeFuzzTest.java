package org.swarmport.peer.bencode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Seeded random inputs: the decoder may accept or reject, but must never throw anything other
 * than {@link BencodeException} and never hang. Whatever it accepts must re-encode to exactly
 * the same bytes, which is what strict canonical parsing (BEP 3) promises.
 */
class BencodeFuzzTest {

    private static final long SEED = 0x5ba7_3b0c_0de_cL;
    private static final int ROUNDS = 20_000;
    private static final BencodeLimits STRICT = BencodeLimits.of(4096, 8, 512, 256);

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void mutatedValidEncodingsOnlyEverFailWithBencodeException_BEP3() {
        Random random = new Random(SEED);
        for (int round = 0; round < ROUNDS; round++) {
            byte[] valid = BEncoder.encode(randomValue(random, 0));
            byte[] mutated = mutate(random, valid);
            decodeExpectingOnlyBencodeException(mutated, BencodeLimits.DEFAULT);
            decodeExpectingOnlyBencodeException(mutated, STRICT);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void randomBytesOnlyEverFailWithBencodeException_BEP3() {
        Random random = new Random(SEED + 1);
        // Mostly bencode's own alphabet, so that the decoder gets past the first byte.
        byte[] alphabet = "0123456789:iledd-ee1234:".getBytes(StandardCharsets.US_ASCII);
        for (int round = 0; round < ROUNDS; round++) {
            byte[] input = new byte[random.nextInt(64)];
            for (int i = 0; i < input.length; i++) {
                input[i] = random.nextInt(4) == 0 ? (byte) random.nextInt(256) : alphabet[random.nextInt(alphabet.length)];
            }
            decodeExpectingOnlyBencodeException(input, BencodeLimits.DEFAULT);
            decodeExpectingOnlyBencodeException(input, STRICT);
            if (input.length > 0) {
                int offset = random.nextInt(input.length);
                try {
                    BDecoder.decodePrefix(input, offset, STRICT);
                } catch (BencodeException expected) {
                    // rejected cleanly
                } catch (RuntimeException | Error unexpected) {
                    fail("prefix decode at " + offset + " of " + Arrays.toString(input) + " threw " + unexpected, unexpected);
                }
            }
        }
    }

    private static void decodeExpectingOnlyBencodeException(byte[] input, BencodeLimits limits) {
        BValue value;
        try {
            value = BDecoder.decode(input, limits);
        } catch (BencodeException expected) {
            return;
        } catch (RuntimeException | Error unexpected) {
            fail("decoding " + Arrays.toString(input) + " threw " + unexpected, unexpected);
            return;
        }
        assertArrayEquals(input, BEncoder.encode(value), "accepted input must be canonical");
    }

    private static BValue randomValue(Random random, int depth) {
        int kind = depth >= 4 ? random.nextInt(2) : random.nextInt(4);
        switch (kind) {
            case 0:
                return BInteger.of(random.nextInt(3) == 0 ? random.nextLong() : random.nextInt(200) - 100);
            case 1:
                byte[] bytes = new byte[random.nextInt(12)];
                random.nextBytes(bytes);
                return BString.of(bytes);
            case 2:
                BValue[] items = new BValue[random.nextInt(5)];
                for (int i = 0; i < items.length; i++) {
                    items[i] = randomValue(random, depth + 1);
                }
                return BList.of(items);
            default:
                BDictionary.Builder builder = BDictionary.builder();
                int size = random.nextInt(5);
                for (int i = 0; i < size; i++) {
                    // Distinct keys, so the builder never sees a duplicate.
                    builder.put("k" + i + (char) ('a' + random.nextInt(26)), randomValue(random, depth + 1));
                }
                return builder.build();
        }
    }

    private static byte[] mutate(Random random, byte[] valid) {
        byte[] bytes = valid.clone();
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations && bytes.length > 0; m++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(5)) {
                case 0: // flip to a random byte
                    bytes[at] = (byte) random.nextInt(256);
                    break;
                case 1: // flip to a structural byte
                    bytes[at] = "ilde:-0123456789".getBytes(StandardCharsets.US_ASCII)[random.nextInt(16)];
                    break;
                case 2: // truncate
                    bytes = Arrays.copyOf(bytes, at);
                    break;
                case 3: // delete one byte
                    byte[] shorter = new byte[bytes.length - 1];
                    System.arraycopy(bytes, 0, shorter, 0, at);
                    System.arraycopy(bytes, at + 1, shorter, at, bytes.length - at - 1);
                    bytes = shorter;
                    break;
                default: // duplicate a slice in place
                    int length = random.nextInt(bytes.length - at) + 1;
                    byte[] longer = new byte[bytes.length + length];
                    System.arraycopy(bytes, 0, longer, 0, at + length);
                    System.arraycopy(bytes, at, longer, at + length, bytes.length - at);
                    bytes = longer;
            }
        }
        return bytes;
    }
}
