package org.swarmport.tracker.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.swarmport.tracker.config.TrackerConfig;

/**
 * The bearer token that the write API asks for: {@code SWARMPORT_SERVICE_TOKEN}, else the one
 * kept in the data directory ({@link ServiceTokenFile}). Read when the war starts, so a data
 * directory that cannot be written stops the deployment instead of the first upload. The
 * token is never logged.
 */
@ApplicationScoped
public class ServiceToken {

    @Inject
    TrackerConfig config;

    private volatile byte[] token;

    void readAtStart(@Observes @Initialized(ApplicationScoped.class) Object warStarted) {
        expected();
    }

    /** Whether {@code presented} is the token, in time that does not depend on where it differs. */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(expected(), presented.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] expected() {
        byte[] known = token;
        if (known == null) {
            String value = config.serviceToken();
            if (value == null) {
                try {
                    value = ServiceTokenFile.readOrCreate(config.dataDirectory());
                } catch (IOException e) {
                    throw new UncheckedIOException("SWARMPORT_SERVICE_TOKEN is not set and the token file in "
                            + config.dataDirectory() + " cannot be read or created", e);
                }
            }
            known = value.getBytes(StandardCharsets.UTF_8);
            token = known;
        }
        return known;
    }
}
