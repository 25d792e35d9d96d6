package org.swarmport.tracker.stats;

import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.swarmport.tracker.catalogue.Catalogue;
import org.swarmport.tracker.swarm.RegistryTotals;
import org.swarmport.tracker.swarm.Swarms;
import org.swarmport.tracker.ws.BrowserPeers;
import org.swarmport.tracker.ws.BrowserTotals;

/** {@code GET /tracker/api/v1/stats}: what the tracker knows, in numbers. */
@Path("stats")
public class StatsResource {

    @Inject
    Catalogue catalogue;

    @Inject
    Swarms swarms;

    @Inject
    BrowserPeers browsers;

    @Inject
    TrackerCounters counters;

    /**
     * {@code torrents}: in the catalogue (null while the database does not answer);
     * {@code swarms}, {@code seeders}, {@code leechers}: live, HTTP, UDP and browser (WebSocket)
     * peers together, a torrent one swarm whatever its peers speak;
     * {@code announcesPerSecond}: over the last minute, all protocols.
     */
    public record Stats(Long torrents, long swarms, long seeders, long leechers, double announcesPerSecond) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Stats stats() {
        RegistryTotals totals = swarms.registry().totals();
        BrowserTotals browser = browsers.totals();
        return new Stats(catalogueCount(), totals.swarms() + browser.browserOnlySwarms(),
                totals.seeders() + browser.seeders(), totals.leechers() + browser.leechers(),
                Math.round(counters.announcesPerSecond() * 10) / 10.0);
    }

    private Long catalogueCount() {
        try {
            return catalogue.count();
        } catch (PersistenceException e) {
            return null;
        }
    }
}
