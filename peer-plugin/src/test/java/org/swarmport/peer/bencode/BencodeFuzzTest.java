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
            byte[] mutated = ByteMutations.mutate(random, valid);
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
}
