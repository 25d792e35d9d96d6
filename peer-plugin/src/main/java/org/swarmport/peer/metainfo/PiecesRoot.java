package org.swarmport.peer.metainfo;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The root of a file's merkle tree (BEP 52 {@code pieces root}): SHA-256 over the file's
 * 16 KiB blocks. It names the file's piece layer in {@code piece layers}, and identical files
 * have identical roots in any torrent.
 */
public final class PiecesRoot {

    public static final int LENGTH = 32;

    private final byte[] bytes;

    private PiecesRoot(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A root from its 32 bytes, which are copied. */
    public static PiecesRoot of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a pieces root is " + LENGTH + " bytes, not " + bytes.length);
        }
        return new PiecesRoot(bytes.clone());
    }

    /** A copy of the 32 bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    boolean matches(byte[] hash) {
        return Arrays.equals(bytes, hash);
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PiecesRoot root && Arrays.equals(bytes, root.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
