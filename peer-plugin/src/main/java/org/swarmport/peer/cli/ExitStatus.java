package org.swarmport.peer.cli;

/**
 * The exit codes of {@code swarmport-peer}, so that scripts can tell a usage mistake from a bad
 * file from content that does not match its torrent.
 */
public final class ExitStatus {

    /** Done. */
    public static final int OK = 0;
    /** Could not do it: a file missing or unreadable, a torrent the parser refuses, a network or disk error. */
    public static final int FAILURE = 1;
    /** The command line itself is wrong: unknown option, missing argument, bad value. */
    public static final int USAGE = 2;
    /** {@code verify}: the content is incomplete or does not match the torrent's hashes. */
    public static final int VERIFICATION_FAILED = 3;
    /** {@code download}, {@code seed}: stopped by an interrupt (Ctrl-C) before finishing. */
    public static final int INTERRUPTED = 130;

    private ExitStatus() {
    }
}
