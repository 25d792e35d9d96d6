package org.swarmport.peer.discovery;

/**
 * A torrent's transfer figures as trackers want them (BEP 3): bytes uploaded and downloaded
 * since it started, and bytes still needed for the selected files.
 */
public record TransferTotals(long uploaded, long downloaded, long left) {

    public TransferTotals {
        if (uploaded < 0 || downloaded < 0 || left < 0) {
            throw new IllegalArgumentException("negative transfer figure: " + uploaded + "/" + downloaded + "/" + left);
        }
    }
}
