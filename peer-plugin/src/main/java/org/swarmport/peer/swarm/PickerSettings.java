package org.swarmport.peer.swarm;

/**
 * Tunables of the {@link PiecePicker}.
 *
 * @param requestTimeoutNanos    how long a peer may hold a request before it is released and
 *                               the peer marked stalled
 * @param endGameRequesters      in end game, how many peers at most are asked for the same block
 * @param maxRememberedCancels   per peer, how many cancelled or released requests are remembered
 *                               so that their late arrival is not taken for an unrequested piece
 */
public record PickerSettings(long requestTimeoutNanos, int endGameRequesters, int maxRememberedCancels) {

    /** 60 s timeout (what libtorrent calls {@code request_timeout} is of that order), 3 requesters, 1024 cancels. */
    public static final PickerSettings DEFAULTS = new PickerSettings(60_000_000_000L, 3, 1024);

    public PickerSettings {
        if (requestTimeoutNanos <= 0 || endGameRequesters < 2 || maxRememberedCancels < 0) {
            throw new IllegalArgumentException("bad picker settings: timeout " + requestTimeoutNanos + " ns, "
                    + endGameRequesters + " end-game requesters, " + maxRememberedCancels + " cancels");
        }
    }
}
