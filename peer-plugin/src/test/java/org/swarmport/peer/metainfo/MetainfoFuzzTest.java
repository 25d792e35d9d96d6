package org.swarmport.peer.metainfo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.swarmport.peer.bencode.ByteMutations;

/**
 * Seeded random mutations of the real corpus: the parser returns a {@link Metainfo} or throws
 * a {@link MetainfoException}, never anything else (no NullPointerException, no
 * IndexOutOfBounds, no IllegalArgumentException from a value type), and never hangs.
 */
class MetainfoFuzzTest {

    private static final long SEED = 0x6d65_7461_696e_666fL;
    private static final int ROUNDS = 30_000;

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
            byte[] input = ByteMutations.mutate(random, corpus.get(random.nextInt(corpus.size())));
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
}
