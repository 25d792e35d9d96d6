package org.swarmport.peer.metainfo;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The identity of a torrent: the hash of its info dictionary exactly as it appears in the file.
 * SHA-1, 20 bytes, for v1 (BEP 3); SHA-256, 32 bytes, for v2 (BEP 52). A hybrid torrent has
 * both, computed over the same bytes.
 *
 * <p>Trackers and the peer handshake have 20-byte slots, so a v2 hash travels there
 * {@link #truncated() truncated} to its first 20 bytes (BEP 52). Equality is by version and
 * bytes: a v1 hash never equals a truncated v2 hash, even with the same 20 bytes.
 */
public final class InfoHash implements Comparable<InfoHash> {

    /** The two hash functions of the BEPs. */
    public enum Version {
        V1("SHA-1", 20),
        V2("SHA-256", 32);

        private final String algorithm;
        private final int length;

        Version(String algorithm, int length) {
            this.algorithm = algorithm;
            this.length = length;
        }

        /** Length of the hash in bytes. */
        public int length() {
            return length;
        }

        MessageDigest newDigest() {
            try {
                return MessageDigest.getInstance(algorithm);
            } catch (NoSuchAlgorithmException e) {
                // Every Java platform must provide SHA-1 and SHA-256 (MessageDigest's documentation).
                throw new IllegalStateException(algorithm + " missing from this JDK", e);
            }
        }
    }

    /** Length of the hash in a tracker request or a handshake. */
    public static final int WIRE_LENGTH = 20;

    private static final HexFormat HEX = HexFormat.of();

    private final Version version;
    private final byte[] bytes;

    private InfoHash(Version version, byte[] bytes) {
        this.version = version;
        this.bytes = bytes;
    }

    /** A hash of {@code version} from its bytes, which are copied. */
    public static InfoHash of(Version version, byte[] bytes) {
        Objects.requireNonNull(version, "version");
        if (bytes.length != version.length) {
            throw new IllegalArgumentException(version + " info-hash must be " + version.length + " bytes, is " + bytes.length);
        }
        return new InfoHash(version, bytes.clone());
    }

    /** The hash of {@code version} over {@code length} bytes of {@code source} from {@code offset}: the raw info dictionary. */
    public static InfoHash ofInfo(Version version, byte[] source, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, source.length);
        MessageDigest digest = version.newDigest();
        digest.update(source, offset, length);
        return new InfoHash(version, digest.digest());
    }

    /** A hash from 40 (v1) or 64 (v2) hex digits, either case. */
    public static InfoHash fromHex(String hex) {
        Version version;
        if (hex.length() == 2 * Version.V1.length) {
            version = Version.V1;
        } else if (hex.length() == 2 * Version.V2.length) {
            version = Version.V2;
        } else {
            throw new IllegalArgumentException("an info-hash has 40 or 64 hex digits, not " + hex.length());
        }
        return new InfoHash(version, HEX.parseHex(hex));
    }

    public Version version() {
        return version;
    }

    /** A copy of the full hash: 20 bytes for v1, 32 for v2. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * The 20 bytes a tracker or a peer handshake sees: the hash itself for v1, the first 20
     * bytes for v2 (BEP 52, "info-hash" in tracker and handshake messages).
     */
    public byte[] truncated() {
        return Arrays.copyOf(bytes, WIRE_LENGTH);
    }

    /** Lower-case hex of the full hash. */
    public String hex() {
        return HEX.formatHex(bytes);
    }

    @Override
    public int compareTo(InfoHash other) {
        int byVersion = version.compareTo(other.version);
        return byVersion != 0 ? byVersion : Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InfoHash hash && version == hash.version && Arrays.equals(bytes, hash.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * version.hashCode() + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
