package org.swarmport.tracker.announce;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * One {@code GET /scrape} (BEP 48), as the client sent it. Built by
 * {@link ScrapeRequestParser}.
 *
 * @param infoHashes the distinct 20-byte info-hashes asked for, in the order first given;
 *                   empty when the client asked for a full scrape, which the servlet may
 *                   refuse. The arrays belong to the request: do not modify them.
 */
public record ScrapeRequest(List<byte[]> infoHashes) {

    public ScrapeRequest {
        infoHashes = List.copyOf(infoHashes);
        for (byte[] infoHash : infoHashes) {
            if (infoHash.length != 20) {
                throw new IllegalArgumentException("info-hashes must be 20 bytes");
            }
        }
    }

    /** No {@code info_hash} at all: the client wants every torrent (BEP 48). */
    public boolean isFullScrape() {
        return infoHashes.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof ScrapeRequest that) || that.infoHashes.size() != infoHashes.size()) {
            return false;
        }
        for (int i = 0; i < infoHashes.size(); i++) {
            if (!Arrays.equals(infoHashes.get(i), that.infoHashes.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = 1;
        for (byte[] infoHash : infoHashes) {
            hash = hash * 31 + Arrays.hashCode(infoHash);
        }
        return hash;
    }

    @Override
    public String toString() {
        HexFormat hex = HexFormat.of();
        StringBuilder text = new StringBuilder("ScrapeRequest[");
        for (int i = 0; i < infoHashes.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(hex.formatHex(infoHashes.get(i)));
        }
        return text.append(']').toString();
    }
}
