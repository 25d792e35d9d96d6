package org.swarmport.tracker.config;

/** Which torrents the tracker tracks. */
public enum TrackerMode {
    /** Any info-hash: a public tracker. */
    OPEN,
    /** Only torrents in the catalogue; the default, so a fresh install is never an open tracker by accident. */
    REGISTERED
    // PRIVATE (passkey in the announce path, per-account accounting) comes with the private
    // tracker issue; AnnounceHandler.swarmHash is where it will refuse an unknown passkey.
}
