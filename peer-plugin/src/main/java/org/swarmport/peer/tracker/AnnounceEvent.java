package org.swarmport.peer.tracker;

/**
 * The {@code event} of an announce (BEP 3): {@code started} first, {@code completed} once when
 * the download finishes, {@code stopped} on the way out, nothing in between. The codes are
 * BEP 15's.
 */
public enum AnnounceEvent {
    NONE(0, null),
    COMPLETED(1, "completed"),
    STARTED(2, "started"),
    STOPPED(3, "stopped");

    private final int udpCode;
    private final String httpName;

    AnnounceEvent(int udpCode, String httpName) {
        this.udpCode = udpCode;
        this.httpName = httpName;
    }

    /** The 32-bit code of a UDP announce (BEP 15). */
    public int udpCode() {
        return udpCode;
    }

    /** The HTTP {@code event} value, or null for {@link #NONE}, which sends no {@code event} at all. */
    public String httpName() {
        return httpName;
    }
}
