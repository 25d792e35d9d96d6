package org.swarmport.peer.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@code swarmport-peer} in-process with captured output, as the tests' one way in. */
record Cli(int status, String out, String err) {

    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = SwarmportPeer.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Cli(status, out.toString(), err.toString());
    }

    /** Asserts the exit status and that stderr contains {@code inErr}; answers this for more checks. */
    Cli expect(int expectedStatus, String inErr) {
        org.junit.jupiter.api.Assertions.assertEquals(expectedStatus, status, this::both);
        org.junit.jupiter.api.Assertions.assertTrue(err.contains(inErr), () -> "'" + inErr + "' in\n" + both());
        return this;
    }

    /** The command's output and errors, for assertion messages. */
    String both() {
        return "exit " + status + "\n--- out\n" + out + "--- err\n" + err;
    }
}
