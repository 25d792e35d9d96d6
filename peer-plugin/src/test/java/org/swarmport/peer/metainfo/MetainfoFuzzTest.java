package org.swarmport.peer.metainfo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.swarmport.peer.bencode.ByteMutations;

/**
 * Seeded random mutations of the real corpus, of its bytes and of its decoded values: the
 * parser returns a {@link Metainfo} or throws a {@link MetainfoException}, never anything else
 * (no NullPointerException, no IndexOutOfBounds, no IllegalArgumentException from a value
 * type), and never hangs.
 */
class MetainfoFuzzTest {

    private static final long SEED = 0x6d65_7461_696e_666fL;
    private static final int ROUNDS = 30_000;
    private static final int VALUE_ROUNDS = 10_000;
    /** Keys the parser reads, so that replacements also add fields where none were. */
    private static final String[] KEYS = {"", "length", "path", "pieces root", "attr", "symlink path", "name",
        "piece length", "pieces", "files", "file tree", "meta version", "private", "announce-list", "url-list"};

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void mutatedCorpusFilesAreParsedOrRefusedWithMetainfoException() throws IOException {
        List<byte[]> corpus = ToolCorpusTest.files();
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

    /**
     * Mutations of the decoded values rather than the bytes: most byte mutations break the
     * bencode, these always decode, so every one reaches the metainfo checks — a field of the
     * wrong type, a negative or huge number, a key removed, an empty list or dictionary.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void torrentsWithAValueReplacedAreParsedOrRefusedWithMetainfoException() throws IOException {
        List<byte[]> corpus = ToolCorpusTest.files();
        Random random = new Random(SEED + 1);
        int refused = 0;
        for (int round = 0; round < VALUE_ROUNDS; round++) {
            Map<String, Object> torrent = Bencoded.decode(corpus.get(random.nextInt(corpus.size())));
            for (int m = 1 + random.nextInt(2); m > 0; m--) {
                replaceSomewhere(random, torrent);
            }
            byte[] input = Bencoded.encode(torrent);
            try {
                MetainfoParser.parse(input);
            } catch (MetainfoException expected) {
                refused++;
                assertTrue(expected.getMessage().startsWith("metainfo: "), expected.getMessage());
            } catch (RuntimeException | Error unexpected) {
                fail("round " + round + ": " + new String(input, StandardCharsets.ISO_8859_1) + " threw " + unexpected, unexpected);
            }
        }
        assertTrue(refused > VALUE_ROUNDS / 2, "most replacements must be refused, were " + refused);
    }

    /** Walks from the root to a random container and replaces, or removes, one of its values. */
    @SuppressWarnings("unchecked")
    private static void replaceSomewhere(Random random, Object root) {
        Object node = root;
        while (true) {
            List<Object> children = node instanceof Map<?, ?> map ? new ArrayList<>(map.values()) : (List<Object>) node;
            boolean stop = children.isEmpty() || random.nextInt(3) == 0;
            int index = children.isEmpty() ? 0 : random.nextInt(children.size());
            Object child = children.isEmpty() ? null : children.get(index);
            if (!stop && (child instanceof Map || child instanceof List)) {
                node = child;
                continue;
            }
            Object replacement = randomValue(random);
            if (node instanceof Map<?, ?> map) {
                Map<String, Object> dictionary = (Map<String, Object>) map;
                if (dictionary.isEmpty()) {
                    dictionary.put(randomKey(random), replacement);
                    return;
                }
                String key = new ArrayList<>(dictionary.keySet()).get(index);
                if (random.nextInt(4) == 0) {
                    dictionary.remove(key);
                } else {
                    dictionary.put(key, replacement);
                }
            } else if (children.isEmpty()) {
                children.add(replacement);
            } else {
                children.set(index, replacement);
            }
            return;
        }
    }

    private static String randomKey(Random random) {
        return KEYS[random.nextInt(KEYS.length)];
    }

    private static Object randomValue(Random random) {
        switch (random.nextInt(9)) {
            case 0:
                return (long) random.nextInt(5) - 2;
            case 1:
                return random.nextLong();
            case 2:
                return 1L << (10 + random.nextInt(50));
            case 3:
                return Bencoded.bytes(random.nextInt(256), random.nextInt(40));
            case 4:
                return new String[] {"..", "/", "CON", "", "p", "l", "x", "a\\b", Bencoded.utf8("\u202e")}[random.nextInt(9)];
            case 5:
                return new ArrayList<>();
            case 6:
                return new TreeMap<String, Object>();
            case 7:
                return Bencoded.listOf(Bencoded.bytes(97, 1 + random.nextInt(4)));
            default:
                return Bencoded.dictOf(randomKey(random), randomValue(random));
        }
    }
}
