package org.swarmport.tracker.announce;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import org.swarmport.peer.bencode.BEncoder;

/**
 * The one torrent {@link RealClientsIT} has real clients exchange. Its content comes from a
 * seeded generator and its info dictionary holds only what BEP 3 requires, so the test's
 * client side (which writes the file and has libtorrent make the .torrent) and its
 * in-container side (which registers the torrent, and cannot be handed arguments) arrive at
 * the same v1 info-hash independently.
 */
final class InteropTorrent {

    static final String NAME = "swarmport-interop.bin";
    static final int LENGTH = 3 * 1024 * 1024;
    /** Must equal {@code PIECE_LENGTH} in {@code src/test/interop/make_torrent.py}. */
    static final int PIECE_LENGTH = 32 * 1024;
    private static final long SEED = 0x5377_6172_6d70_6f72L;

    private InteropTorrent() {
    }

    /** {@link #LENGTH} bytes; java.util.Random's algorithm is specified, so they never change. */
    static byte[] content() {
        byte[] content = new byte[LENGTH];
        new Random(SEED).nextBytes(content);
        return content;
    }

    /** BEP 3 single-file info dictionary: keys in byte order, pieces = SHA-1 of each piece. */
    static byte[] infoDictionary() {
        byte[] content = content();
        MessageDigest sha1 = sha1();
        int pieces = (LENGTH + PIECE_LENGTH - 1) / PIECE_LENGTH;
        byte[] hashes = new byte[pieces * 20];
        for (int piece = 0; piece < pieces; piece++) {
            int start = piece * PIECE_LENGTH;
            sha1.update(content, start, Math.min(PIECE_LENGTH, LENGTH - start));
            System.arraycopy(sha1.digest(), 0, hashes, piece * 20, 20);
        }
        return new BEncoder(hashes.length + 128).beginDictionary()
                .string("length").integer(LENGTH)
                .string("name").string(NAME)
                .string("piece length").integer(PIECE_LENGTH)
                .string("pieces").string(hashes)
                .end()
                .toByteArray();
    }

    /** SHA-1 of the bencoded info dictionary, lower-case hex as the catalogue stores it. */
    static String infoHashV1() {
        return HexFormat.of().formatHex(sha1().digest(infoDictionary()));
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
