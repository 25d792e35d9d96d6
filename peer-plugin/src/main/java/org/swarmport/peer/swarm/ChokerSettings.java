package org.swarmport.peer.swarm;

/**
 * Tunables of the {@link Choker}; the defaults are the classic ones of BitTorrent's mainline
 * client, which libtorrent and Transmission kept.
 *
 * @param uploadSlots             peers unchoked at a time, optimistic slots included
 * @param optimisticSlots         of those, how many go to optimistic unchokes
 * @param optimisticIntervalNanos how long an optimistic unchoke lasts before it rotates
 * @param rateWindowNanos         the window download and upload rates are measured over
 * @param snubNanos               a peer unchoking us that sent nothing for this long is snubbed
 * @param newPeerNanos            a peer connected for less than this is "new": three times as
 *                                likely to get the optimistic unchoke
 * @param seedTurnNanos           when seeding, how long one peer keeps its slot while others wait
 */
public record ChokerSettings(int uploadSlots, int optimisticSlots, long optimisticIntervalNanos, long rateWindowNanos,
                             long snubNanos, long newPeerNanos, long seedTurnNanos) {

    private static final long SECOND = 1_000_000_000L;

    /** 4 slots of which 1 optimistic, rotated every 30 s; rates over 20 s; snubbed after 60 s; new for 60 s; seed turns of 30 s. */
    public static final ChokerSettings DEFAULTS =
            new ChokerSettings(4, 1, 30 * SECOND, 20 * SECOND, 60 * SECOND, 60 * SECOND, 30 * SECOND);

    public ChokerSettings {
        if (uploadSlots < 1 || optimisticSlots < 0 || optimisticSlots > uploadSlots) {
            throw new IllegalArgumentException(uploadSlots + " upload slots with " + optimisticSlots + " optimistic");
        }
        if (optimisticIntervalNanos <= 0 || rateWindowNanos < SECOND || snubNanos <= 0 || newPeerNanos < 0
                || seedTurnNanos <= 0) {
            throw new IllegalArgumentException("choker intervals must be positive (rate window at least 1 s)");
        }
    }

    /** These settings with {@code slots} upload slots (one optimistic when there are at least two). */
    public ChokerSettings withUploadSlots(int slots) {
        return new ChokerSettings(slots, slots > 1 ? Math.min(optimisticSlots, slots - 1) : 0, optimisticIntervalNanos,
                rateWindowNanos, snubNanos, newPeerNanos, seedTurnNanos);
    }
}
