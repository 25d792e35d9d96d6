package org.swarmport.tracker.announce;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.swarmport.tracker.swarm.OtherPeerCounts;
import org.swarmport.tracker.swarm.SwarmRegistry;

/**
 * Answers an HTTP scrape (BEP 48): the counts of each info_hash asked for. In registered
 * mode, hashes the catalogue does not know are left out, as BEP 48 allows; in open mode a
 * hash nobody announced answers zeros. A scrape without info_hash is a full scrape.
 */
public final class ScrapeHandler {

    private final SwarmRegistry registry;
    private final SwarmAdmission admission;
    private final OtherPeerCounts others;
    private final Supplier<byte[]> fullScrape;

    /**
     * @param others     the swarms' peers outside the registry (browser peers), added to each
     *                   hash's counts; a full scrape reports the registry's swarms alone
     * @param fullScrape the full scrape's answer, or null when full scrapes are off
     */
    public ScrapeHandler(SwarmRegistry registry, SwarmAdmission admission, OtherPeerCounts others,
            Supplier<byte[]> fullScrape) {
        this.registry = registry;
        this.admission = admission;
        this.others = others;
        this.fullScrape = fullScrape;
    }

    public byte[] scrape(String rawQuery) {
        try {
            ScrapeRequest request = ScrapeRequestParser.parse(rawQuery);
            if (request.isFullScrape()) {
                if (fullScrape == null) {
                    throw new TrackerRequestException("full scrape is disabled on this tracker: ask for info_hash values");
                }
                return fullScrape.get();
            }
            List<byte[]> hashes = new ArrayList<>(request.infoHashes());
            hashes.sort(Arrays::compareUnsigned);
            ScrapeResponse response = new ScrapeResponse(hashes.size());
            for (byte[] hash : hashes) {
                byte[] swarm = admission.swarmOf(hash);
                if (swarm == null) {
                    continue;
                }
                response.file(hash, others.withRegistry(registry, swarm));
            }
            return response.toByteArray();
        } catch (TrackerRequestException e) {
            return AnnounceResponse.failure(e.getMessage());
        }
    }
}
