package org.swarmport.tracker.announce;

import org.swarmport.peer.bencode.BEncoder;
import org.swarmport.tracker.swarm.SwarmCounts;

/**
 * The bencoded answer to a scrape (BEP 48): {@code files} maps each 20-byte info-hash to its
 * {@code complete}, {@code downloaded} and {@code incomplete}. Callers add the files in
 * ascending byte order of their hashes, as bencoded dictionaries require.
 */
final class ScrapeResponse {

    private static final byte[] FILES = AnnounceResponse.ascii("files");
    private static final byte[] COMPLETE = AnnounceResponse.ascii("complete");
    private static final byte[] DOWNLOADED = AnnounceResponse.ascii("downloaded");
    private static final byte[] INCOMPLETE = AnnounceResponse.ascii("incomplete");

    private final BEncoder out;

    ScrapeResponse(int files) {
        out = new BEncoder(16 + files * 80).beginDictionary().string(FILES).beginDictionary();
    }

    ScrapeResponse file(byte[] infoHash, SwarmCounts counts) {
        out.string(infoHash)
                .beginDictionary()
                .string(COMPLETE).integer(counts.seeders())
                .string(DOWNLOADED).integer(counts.completed())
                .string(INCOMPLETE).integer(counts.leechers())
                .end();
        return this;
    }

    byte[] toByteArray() {
        return out.end().end().toByteArray();
    }
}
