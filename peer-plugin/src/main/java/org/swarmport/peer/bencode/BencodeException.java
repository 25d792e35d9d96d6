package org.swarmport.peer.bencode;

/**
 * A defect in bencoded input, or a value of the wrong shape asked for by a typed getter.
 *
 * <p>Checked on purpose: bencode arrives from peers, trackers and uploaded files, so a bad
 * input is an expected outcome the caller must turn into a tracker {@code failure reason}, an
 * HTTP 400 or a dropped peer, not a bug to let escape.
 *
 * <p>The message is written for users: {@code "bencode: leading zero in integer at offset 17"}.
 * The offset is an index into the array given to the decoder; it points at the start of the
 * offending token (the {@code i} of a bad integer, the first digit of a bad string length),
 * or at the single offending byte when that byte alone is the defect. It never carries input
 * content other than one byte, so it is safe to echo back.
 */
public final class BencodeException extends Exception {

    private static final String PREFIX = "bencode: ";

    private final int offset;

    /** A defect at a position in the input. */
    public BencodeException(String defect, int offset) {
        super(PREFIX + defect + " at offset " + offset);
        this.offset = offset;
    }

    /** A defect with no position, such as a missing dictionary key of a value built in code. */
    public BencodeException(String defect) {
        super(PREFIX + defect);
        this.offset = -1;
    }

    /** The byte offset of the defect in the decoded array, or -1 when it has none. */
    public int offset() {
        return offset;
    }
}
