package org.swarmport.tracker.stats;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.swarmport.tracker.catalogue.Catalogue;

/** {@code GET /tracker/api/v1/stats}: what the tracker knows, in numbers. */
@Path("stats")
public class StatsResource {

    @Inject
    Catalogue catalogue;

    /** {@code torrents}: how many torrents the catalogue holds. */
    public record Stats(long torrents) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Stats stats() {
        return new Stats(catalogue.count());
    }
}
