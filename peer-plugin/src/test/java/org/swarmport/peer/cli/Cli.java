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

    /** The command's output and errors, for assertion messages. */
    String both() {
        return "exit " + status + "\n--- out\n" + out + "--- err\n" + err;
    }
}
