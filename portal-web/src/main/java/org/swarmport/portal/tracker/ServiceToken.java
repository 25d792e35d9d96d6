package org.swarmport.portal.tracker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.swarmport.portal.config.PortalConfig;

/**
 * The bearer token of the tracker's write API: {@code SWARMPORT_SERVICE_TOKEN}, else the one the
 * tracker generated into {@code $SWARMPORT_DATA_DIR/service-token} (the file's name is the
 * tracker's {@code ServiceTokenFile.FILE_NAME}; the wars share no classes). Read at the first
 * write, not when the war starts: the portal may start before the tracker has made the file.
 * Never logged, never in an exception's message.
 */
@ApplicationScoped
public class ServiceToken {

    static final String FILE_NAME = "service-token";

    @Inject
    PortalConfig config;

    private volatile String token;

    /** The token; empty while neither the setting nor the tracker's file has one. */
    Optional<String> value() {
        String known = token;
        if (known == null) {
            known = config.serviceToken().orElseGet(() -> fromFile(config.dataDirectory().resolve(FILE_NAME)));
            token = known;
        }
        return Optional.ofNullable(known);
    }

    private static String fromFile(Path file) {
        try {
            String read = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return read.length() >= 16 ? read : null;
        } catch (IOException e) {
            // missing or unreadable: the write that needs it says the tracker refused
            return null;
        }
    }
}
