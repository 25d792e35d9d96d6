package org.swarmport.tracker.announce;

import org.swarmport.tracker.GeneratedTorrent;

/** The one torrent {@link RealClientsIT} has real clients exchange. */
final class InteropTorrent {

    static final String NAME = "swarmport-interop.bin";
    static final int LENGTH = 3 * 1024 * 1024;
    /** Must equal {@code PIECE_LENGTH} in {@code src/test/interop/make_torrent.py}. */
    static final int PIECE_LENGTH = 32 * 1024;
    private static final GeneratedTorrent TORRENT =
            new GeneratedTorrent(NAME, LENGTH, PIECE_LENGTH, 0x5377_6172_6d70_6f72L);

    private InteropTorrent() {
    }

    static byte[] content() {
        return TORRENT.content();
    }

    static String infoHashV1() {
        return TORRENT.infoHashV1();
    }
}
