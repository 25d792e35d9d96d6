package org.swarmport.tracker;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * For tests that drive real programs (BitTorrent clients, a browser): without them a test
 * is skipped on a developer's machine, and fails in CI ({@code CI=true}), where
 * {@code .ci/run} installs them and the test must run.
 */
public final class RequiredTools {

    private RequiredTools() {
    }

    /** Returns when nothing is missing; else skips the test, or fails it on CI. */
    public static void require(String what, List<String> missing) {
        if (missing.isEmpty()) {
            return;
        }
        String message = what + " missing: " + String.join(", ", missing);
        if ("true".equals(System.getenv("CI"))) {
            fail(message + "; CI=true, so this test must run");
        }
        Assumptions.abort(message);
    }

    /** Whether the command starts and exits 0 within 30 s. */
    public static boolean runs(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
