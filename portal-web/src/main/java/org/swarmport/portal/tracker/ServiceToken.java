package org.swarmport.portal.tracker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.swarmport.db.Settings;

/**
 * The bearer token of the tracker's write API: {@code SWARMPORT_SERVICE_TOKEN}, else the one
 * the tracker generated into {@code $SWARMPORT_DATA_DIR/service-token} (the same server's data
 * directory, as the tracker finds it). Read when first needed, not at start: the tracker may
 * create the file after the portal has started. Never logged.
 */
final class ServiceToken {

    private final Settings settings;
    private volatile String token;

    ServiceToken(Settings settings) {
        this.settings = settings;
    }

    /** The token; a TrackerUnavailableException when there is none to be read yet. */
    String value() throws TrackerUnavailableException {
        String known = token;
        if (known == null) {
            known = settings.raw("SWARMPORT_SERVICE_TOKEN");
            if (known == null || known.isBlank()) {
                Path file = dataDirectory().resolve("service-token");
                try {
                    known = Files.readString(file, StandardCharsets.US_ASCII).strip();
                } catch (IOException e) {
                    throw new TrackerUnavailableException("SWARMPORT_SERVICE_TOKEN is not set and " + file
                            + " cannot be read (" + e.getClass().getSimpleName() + ")", e);
                }
            }
            known = known.strip();
            token = known;
        }
        return known;
    }

    private Path dataDirectory() {
        // as the tracker's TrackerConfig finds it
        return Path.of(settings.string("SWARMPORT_DATA_DIR",
                System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir")) + "/swarmport"));
    }
}
