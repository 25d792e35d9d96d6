package org.swarmport.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The tracker's service token as an integration test outside the server finds it: the
 * {@code SWARMPORT_SERVICE_TOKEN} CI may set, else the file the tracker generated in its data
 * directory ({@code SWARMPORT_DATA_DIR}, or the test server's {@code standalone/data/swarmport}).
 */
public final class ServiceToken {

    private ServiceToken() {
    }

    public static String read() throws IOException {
        String configured = System.getenv("SWARMPORT_SERVICE_TOKEN");
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        String dataDir = System.getenv("SWARMPORT_DATA_DIR");
        Path directory = dataDir != null && !dataDir.isBlank() ? Path.of(dataDir)
                : Path.of(System.getProperty("jboss.home"), "standalone", "data", "swarmport");
        return Files.readString(directory.resolve("service-token")).strip();
    }
}
