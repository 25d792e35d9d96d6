package org.swarmport.peer.metainfo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Seeded random mutations of the real corpus: the parser returns a {@link Metainfo} or throws
 * a {@link MetainfoException}, never anything else (no NullPointerException, no
 * IndexOutOfBounds, no IllegalArgumentException from a value type), and never hangs.
 */
class MetainfoFuzzTest {

    private static final long SEED = 0x6d65_7461_696e_666fL;
    private static final int ROUNDS = 30_000;
    private static final byte[] STRUCTURE = "ilde:-0123456789".getBytes(StandardCharsets.US_ASCII);

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void mutatedCorpusFilesAreParsedOrRefusedWithMetainfoException() throws IOException {
        List<byte[]> corpus = new ArrayList<>();
        for (ToolCorpusTest.Expected expected : ToolCorpusTest.manifest()) {
            corpus.add(ToolCorpusTest.resource(ToolCorpusTest.DIRECTORY + expected.file()));
        }
        Random random = new Random(SEED);
        int accepted = 0;
        for (int round = 0; round < ROUNDS; round++) {
            byte[] input = mutate(random, corpus.get(random.nextInt(corpus.size())));
            try {
                Metainfo metainfo = MetainfoParser.parse(input);
                accepted++;
                assertArrayEquals(input, metainfo.rawBytes());
                metainfo.files().forEach(file -> assertTrue(file.length() >= 0));
            } catch (MetainfoException expected) {
                assertTrue(expected.getMessage().startsWith("metainfo: "), expected.getMessage());
            } catch (RuntimeException | Error unexpected) {
                fail("round " + round + ": " + Arrays.toString(input) + " threw " + unexpected, unexpected);
            }
        }
        // Mutations inside a string (a comment, a hash) often keep a torrent valid: some must pass.
        assertTrue(accepted > 0, "no mutation was accepted: the fuzzer tests nothing but the decoder");
    }

    private static byte[] mutate(Random random, byte[] valid) {
        byte[] bytes = valid.clone();
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations && bytes.length > 0; m++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(6)) {
                case 0:
                    bytes[at] = (byte) random.nextInt(256);
                    break;
                case 1:
                    bytes[at] = STRUCTURE[random.nextInt(STRUCTURE.length)];
                    break;
                case 2:
                    bytes = Arrays.copyOf(bytes, at);
                    break;
                case 3:
                    byte[] shorter = new byte[bytes.length - 1];
                    System.arraycopy(bytes, 0, shorter, 0, at);
                    System.arraycopy(bytes, at + 1, shorter, at, bytes.length - at - 1);
                    bytes = shorter;
                    break;
                case 4: // a digit changed in place: lengths, piece lengths, string sizes
                    if (bytes[at] >= '0' && bytes[at] <= '9') {
                        bytes[at] = (byte) ('0' + random.nextInt(10));
                    }
                    break;
                default:
                    int length = random.nextInt(Math.min(64, bytes.length - at)) + 1;
                    byte[] longer = new byte[bytes.length + length];
                    System.arraycopy(bytes, 0, longer, 0, at + length);
                    System.arraycopy(bytes, at, longer, at + length, bytes.length - at);
                    bytes = longer;
            }
        }
        return bytes;
    }
}
