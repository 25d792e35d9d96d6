package org.swarmport.peer.storage;

/**
 * How much a user wants one file of a torrent (selective download). A piece is as wanted as the
 * most wanted file it holds bytes of; a piece whose every file is {@link #SKIP} is not
 * downloaded at all.
 */
public enum FilePriority {
    /** Not downloaded, not created; bytes of it that share a piece with a wanted file go to the part file. */
    SKIP,
    LOW,
    NORMAL,
    HIGH;

    public boolean wanted() {
        return this != SKIP;
    }
}
