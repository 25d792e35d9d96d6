package org.swarmport.tracker.health;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.swarmport.db.DatabaseStatus;
import org.swarmport.db.HealthReport;

/** {@code GET /tracker/api/v1/health}: 200 when the tracker and its database answer, else 503. */
@Path("health")
public class HealthResource {

    @Inject
    TrackerSchema schema;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        DatabaseStatus database = schema.status();
        return Response.status(database.isUp() ? 200 : 503)
                .entity(HealthReport.of(database))
                .build();
    }
}
