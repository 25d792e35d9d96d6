package org.swarmport.tracker.announce;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses the raw query string of {@code GET /scrape?info_hash=...&info_hash=...}
 * (BEP 48) into a {@link ScrapeRequest}, or refuses it with a
 * {@link TrackerRequestException}.
 *
 * <p>Each {@code info_hash} is 20 bytes (a v2 one truncated, BEP 52). The number per
 * request is bounded, {@value #DEFAULT_MAX_INFO_HASHES} unless configured otherwise: the
 * most a BEP 15 UDP scrape can carry, so a swarm answers the same volume either way, and
 * above the 60 Transmission puts in one multi-scrape; libtorrent scrapes one at a time.
 * More is refused with a message rather than silently cut (opentracker drops the excess),
 * so a client learns why its counts are missing. The same hash given twice is kept once:
 * the answer is a dictionary keyed by hash. Other parameters (a passkey, a
 * {@code peer_id}) are skipped unread.
 */
public final class ScrapeRequestParser {

    public static final int DEFAULT_MAX_INFO_HASHES = 74;

    /** Room for the hashes, each {@code info_hash=} plus 60 escaped characters and a {@code &}. */
    private static final int QUERY_LENGTH_PER_HASH = 71;

    private ScrapeRequestParser() {
    }

    /** {@link #parse(String, int)} with {@value #DEFAULT_MAX_INFO_HASHES} hashes at most. */
    public static ScrapeRequest parse(String rawQuery) {
        return parse(rawQuery, DEFAULT_MAX_INFO_HASHES);
    }

    /**
     * @param rawQuery      the query string as received, still percent-encoded, or
     *                      {@code null} when there was none (a full scrape)
     * @param maxInfoHashes how many {@code info_hash} values one request may carry, at least 1
     * @throws TrackerRequestException when the scrape cannot be served
     */
    public static ScrapeRequest parse(String rawQuery, int maxInfoHashes) {
        if (maxInfoHashes < 1) {
            throw new IllegalArgumentException("maxInfoHashes must be at least 1");
        }
        long maxQueryLength = AnnounceRequestParser.MAX_QUERY_LENGTH
                + (long) maxInfoHashes * QUERY_LENGTH_PER_HASH;
        if (rawQuery != null && rawQuery.length() > maxQueryLength) {
            throw new TrackerRequestException(
                    "invalid query: longer than " + maxQueryLength + " characters");
        }
        List<byte[]> infoHashes = new ArrayList<>();
        Set<ByteBuffer> distinct = new HashSet<>();
        int given = 0;
        QueryCursor query = new QueryCursor(rawQuery);
        while (query.advance()) {
            if (!query.nameIs("info_hash")) {
                continue;
            }
            if (++given > maxInfoHashes) {
                throw new TrackerRequestException(
                        "too many info_hash: at most " + maxInfoHashes + " per scrape");
            }
            byte[] infoHash = query.bytesExactly("info_hash", 20);
            if (distinct.add(ByteBuffer.wrap(infoHash))) {
                infoHashes.add(infoHash);
            }
        }
        return new ScrapeRequest(infoHashes);
    }
}
