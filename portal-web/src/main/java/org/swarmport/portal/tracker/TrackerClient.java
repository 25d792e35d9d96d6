package org.swarmport.portal.tracker;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.swarmport.portal.config.PortalConfig;

/**
 * The portal's only way to the tracker: its JSON API over HTTP. A tracker that does not
 * answer makes a page say so; it never makes a page fail.
 */
@ApplicationScoped
public class TrackerClient {

    private static final Logger LOG = Logger.getLogger(TrackerClient.class.getName());

    @Inject
    PortalConfig config;

    private final Client client = ClientBuilder.newBuilder()
            .connectTimeout(2, TimeUnit.SECONDS)
            .readTimeout(5, TimeUnit.SECONDS)
            .build();

    /** The tracker's numbers, or empty when it cannot be reached or answers with an error. */
    public Optional<TrackerStats> stats() {
        try {
            return Optional.of(client.target(config.trackerUrl()).path("api/v1/stats")
                    .request(MediaType.APPLICATION_JSON)
                    .get(TrackerStats.class));
        } catch (ProcessingException | WebApplicationException e) {
            LOG.log(Level.FINE, "tracker API did not answer", e);
            LOG.info(() -> "Tracker API at " + config.trackerUrl() + " did not answer: " + e.getMessage());
            return Optional.empty();
        }
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
