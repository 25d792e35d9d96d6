package org.swarmport.peer.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The configuration directory a test hands {@code transmission-cli -g}: its {@code settings.json}
 * binds Transmission to 127.0.0.1 on the given port and turns off DHT, LPD, PEX, uTP, port
 * mapping and RPC, so the only peer it ever talks to is the one the test connects. Encryption is
 * left to the command line ({@code -er}, {@code -et}), which each test chooses.
 */
public final class TransmissionConfig {

    private TransmissionConfig() {
    }

    /** Writes {@code dir/settings.json} (creating {@code dir}) and answers {@code dir}. */
    public static Path write(Path dir, int port) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("settings.json"), """
                {"bind-address-ipv4": "127.0.0.1", "bind-address-ipv6": "::1",
                 "peer-port": %d, "peer-port-random-on-start": false,
                 "dht-enabled": false, "lpd-enabled": false, "pex-enabled": false, "utp-enabled": false,
                 "port-forwarding-enabled": false, "rpc-enabled": false, "message-level": 1}
                """.formatted(port));
        return dir;
    }
}
