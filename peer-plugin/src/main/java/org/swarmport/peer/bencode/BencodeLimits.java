package org.swarmport.peer.bencode;

/**
 * Bounds on what {@link BDecoder} accepts, checked before anything is allocated, so that a
 * hostile peer or upload cannot make the decoder use more memory or stack than the limits
 * allow.
 *
 * @param maxBytes        largest input, in bytes, the decoder reads for one value
 * @param maxDepth        deepest nesting of lists and dictionaries; 0 allows only integers and
 *                        strings
 * @param maxStringLength longest string, in bytes
 * @param maxElements     most list items plus dictionary entries, counted over the whole value
 */
public record BencodeLimits(int maxBytes, int maxDepth, int maxStringLength, int maxElements) {

    /**
     * Values are compared, hashed, printed and encoded by recursion; no real bencode nests
     * anywhere near this deep, so a larger limit would only invite a stack overflow.
     */
    public static final int DEPTH_CEILING = 1024;

    /**
     * Generous enough for any real .torrent file: 64 MiB holds the pieces string of a torrent
     * with more than three million pieces; three million elements is libtorrent's own token
     * limit for torrent files (load_torrent_limits.max_decode_tokens).
     */
    public static final BencodeLimits DEFAULT = new BencodeLimits(64 << 20, 64, 64 << 20, 3_000_000);

    public BencodeLimits {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        if (maxDepth < 0 || maxDepth > DEPTH_CEILING) {
            throw new IllegalArgumentException("maxDepth must be within 0.." + DEPTH_CEILING + ": " + maxDepth);
        }
        if (maxStringLength < 0) {
            throw new IllegalArgumentException("maxStringLength must not be negative: " + maxStringLength);
        }
        if (maxElements < 0) {
            throw new IllegalArgumentException("maxElements must not be negative: " + maxElements);
        }
    }

    /** Limits for a context stricter than {@link #DEFAULT}, such as one peer message. */
    public static BencodeLimits of(int maxBytes, int maxDepth, int maxStringLength, int maxElements) {
        return new BencodeLimits(maxBytes, maxDepth, maxStringLength, maxElements);
    }
}
