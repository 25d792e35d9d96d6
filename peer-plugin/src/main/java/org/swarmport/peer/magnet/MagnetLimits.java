package org.swarmport.peer.magnet;

/**
 * Bounds on what {@link MagnetLink#parse(String, MagnetLimits)} accepts, checked before the
 * link is decoded, so that a pasted or crawled link cannot make the parser hold more than this.
 *
 * @param maxLength     longest link, in characters (escapes counted as written)
 * @param maxParameters most {@code key=value} parameters
 */
public record MagnetLimits(int maxLength, int maxParameters) {

    /**
     * Real links with a few dozen trackers stay within a few KiB; browsers cap URLs at 64 KiB
     * or less, so a longer link could not have been clicked anyway.
     */
    public static final MagnetLimits DEFAULT = new MagnetLimits(64 * 1024, 512);

    public MagnetLimits {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be positive: " + maxLength);
        }
        if (maxParameters < 1) {
            throw new IllegalArgumentException("maxParameters must be positive: " + maxParameters);
        }
    }
}
