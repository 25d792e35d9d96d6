package org.swarmport.peer.metainfo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The content the tool corpus was made from, regenerated exactly as
 * {@code src/test/corpus/make-corpus.sh} writes it: bytes of the SHA-256 of {@code "<seed>:<n>"}
 * for n = 0, 1, 2..., cut to the file's size. So our builder can hash the very files mktorrent,
 * transmission and libtorrent hashed, and must arrive at their hashes; storage tests verify them.
 */
public final class CorpusContent {

    private CorpusContent() {
    }

    public static byte[] bytes(int size, String seed) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] data = new byte[size + 32];
            for (int at = 0, counter = 0; at < size; at += 32, counter++) {
                byte[] block = sha256.digest((seed + ":" + counter).getBytes(StandardCharsets.US_ASCII));
                System.arraycopy(block, 0, data, at, 32);
            }
            return Arrays.copyOf(data, size);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** single.bin: 100,000 bytes. */
    public static byte[] single() {
        return bytes(100_000, "single");
    }

    /** The files of the "multi" directory, by path under it, in the file tree's order. */
    public static Map<FilePath, byte[]> multi() {
        Map<FilePath, byte[]> files = new LinkedHashMap<>();
        files.put(FilePath.of("a.txt"), bytes(1_234, "a"));
        files.put(FilePath.of("sub", "b.bin"), bytes(70_000, "b"));
        files.put(FilePath.of("sub", "deeper", "c.bin"), bytes(32_768, "c"));
        files.put(FilePath.of("sub", "empty.txt"), bytes(0, "empty"));
        files.put(FilePath.of("z.dat"), bytes(5, "z"));
        return files;
    }

    static MetainfoBuilder multiBuilder() {
        MetainfoBuilder builder = MetainfoBuilder.directory("multi");
        multi().forEach((path, content) -> builder.add(path, ContentSource.of(content)));
        return builder;
    }
}
