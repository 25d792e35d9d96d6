package org.swarmport.tracker;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import org.swarmport.peer.bencode.BEncoder;

/**
 * A single-file torrent whose content comes from a seeded generator and whose info
 * dictionary holds only what BEP 3 requires, so that a test's client side (which hands the
 * file to a real client that makes its own .torrent) and its in-container side (which
 * registers the torrent, and cannot be handed arguments) arrive at the same v1 info-hash
 * independently.
 */
public record GeneratedTorrent(String name, int length, int pieceLength, long seed) {

    /** {@link #length} bytes; java.util.Random's algorithm is specified, so they never change. */
    public byte[] content() {
        byte[] content = new byte[length];
        new Random(seed).nextBytes(content);
        return content;
    }

    /** BEP 3 single-file info dictionary: keys in byte order, pieces = SHA-1 of each piece. */
    public byte[] infoDictionary() {
        byte[] content = content();
        MessageDigest sha1 = sha1();
        int pieces = (length + pieceLength - 1) / pieceLength;
        byte[] hashes = new byte[pieces * 20];
        for (int piece = 0; piece < pieces; piece++) {
            int start = piece * pieceLength;
            sha1.update(content, start, Math.min(pieceLength, length - start));
            System.arraycopy(sha1.digest(), 0, hashes, piece * 20, 20);
        }
        return new BEncoder(hashes.length + 128).beginDictionary()
                .string("length").integer(length)
                .string("name").string(name)
                .string("piece length").integer(pieceLength)
                .string("pieces").string(hashes)
                .end()
                .toByteArray();
    }

    /** SHA-1 of the bencoded info dictionary, lower-case hex as the catalogue stores it. */
    public String infoHashV1() {
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
