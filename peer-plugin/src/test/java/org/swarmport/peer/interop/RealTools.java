package org.swarmport.peer.interop;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real BitTorrent programs interop tests drive (Debian packages). A test that needs one calls
 * {@code require…} first: where the tool is missing the test is skipped, except in CI
 * ({@code CI=true}), where it fails, because {@code .ci/run} installs every tool and a missing
 * one means the check did not happen.
 */
public final class RealTools {

    public static final String PYTHON = "/usr/bin/python3";

    private RealTools() {
    }

    /** {@code /usr/bin/python3} with {@code import libtorrent} (python3-libtorrent). */
    public static void requireLibtorrent() throws InterruptedException {
        boolean present = Files.isExecutable(Path.of(PYTHON))
                && output(List.of(PYTHON, "-c", "import libtorrent; print('ok')"), 60).equals(List.of("ok"));
        require(present, PYTHON + " cannot import libtorrent: install python3-libtorrent");
    }

    /**
     * A program on the {@code PATH} (for example {@code aria2c}, {@code transmission-cli}); answers
     * its absolute path.
     */
    public static Path requireCommand(String name, String debianPackage) {
        Path found = which(name);
        require(found != null, name + " is not on the PATH: install " + debianPackage);
        return found;
    }

    /** Runs {@code command} to its end (stderr to the test's), answering its stdout lines; empty if it cannot start. */
    public static List<String> output(List<String> command, int timeoutSeconds) throws InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            return List.of();
        }
        String out;
        try {
            out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            process.destroyForcibly();
            return List.of();
        }
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(command.get(0) + " did not finish within " + timeoutSeconds + " s");
        }
        return out.isBlank() ? List.of() : List.of(out.strip().split("\n"));
    }

    private static Path which(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static void require(boolean present, String missing) {
        if (!present && "true".equals(System.getenv("CI"))) {
            fail("CI=true but " + missing);
        }
        assumeTrue(present, missing);
    }
}
