package org.swarmport.peer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The top-level command: help, version, and the usage errors that end with status 2. */
class SwarmportPeerTest {

    @Test
    void noCommandIsAUsageError() {
        Cli.run().expect(ExitStatus.USAGE, "a command is needed: create, info, verify, download or seed")
                .expect(ExitStatus.USAGE, "Try 'swarmport-peer --help' for usage.");
    }

    @Test
    void unknownCommandIsAUsageError() {
        Cli.run("frobnicate").expect(ExitStatus.USAGE, "Unmatched argument at index 0: 'frobnicate'");
    }

    @Test
    void unknownOptionOfACommandNamesTheCommand() {
        Cli cli = Cli.run("info", "--colour", "x.torrent")
                .expect(ExitStatus.USAGE, "Try 'swarmport-peer info --help' for usage.");
        assertTrue(cli.err().startsWith("info: Unknown option: '--colour'"), cli.both());
    }

    @Test
    void missingArgumentIsAUsageError() {
        Cli.run("verify").expect(ExitStatus.USAGE, "Missing required parameter: 'TORRENT'");
    }

    @Test
    void helpListsTheCommandsAndTheExitStatuses() {
        Cli cli = Cli.run("--help");
        assertEquals(ExitStatus.OK, cli.status(), cli.both());
        for (String expected : new String[] {"create", "info", "verify", "download", "seed", "Exit status:", "3", "verify found content"}) {
            assertTrue(cli.out().contains(expected), expected + " in\n" + cli.out());
        }
    }

    @Test
    void helpOfACommandShowsItsOptions() {
        Cli cli = Cli.run("help", "create");
        assertEquals(ExitStatus.OK, cli.status(), cli.both());
        assertTrue(cli.out().contains("--piece-length=SIZE"), cli.out());
        assertTrue(cli.out().contains("default: hybrid"), cli.out());
    }

    @Test
    void versionComesFromTheManifestOrSaysDevelopment() {
        Cli cli = Cli.run("--version");
        assertEquals(ExitStatus.OK, cli.status(), cli.both());
        assertTrue(cli.out().strip().matches("swarmport-peer (development|\\d+\\.\\d+\\.\\d+.*)"), cli.out());
        assertFalse(cli.out().contains("null"));
    }
}
