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

    /**
     * Starts {@code command} (stderr to the test's) for a test that talks to it line by line, such
     * as a libtorrent seed that prints its port. Close it in a {@code try}-with-resources: that ends
     * its stdin, waits two seconds for it to exit, then terminates it (SIGTERM, then SIGKILL).
     */
    public static Running start(List<String> command) throws IOException {
        return new Running(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }

    /** A tool started by {@link #start}: its stdout as lines, its stdin for commands. */
    public static final class Running implements AutoCloseable {

        private final Process process;
        private final java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
        private final Thread reader;

        private Running(Process process) {
            this.process = process;
            this.reader = new Thread(() -> {
                try (var in = new java.io.BufferedReader(
                        new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    // The process ended or was killed: no more lines.
                }
            }, "stdout of " + process.pid());
            reader.setDaemon(true);
            reader.start();
        }

        /** The next stdout line starting with {@code prefix} (other lines are skipped); fails after {@code timeoutSeconds}. */
        public String awaitLine(String prefix, int timeoutSeconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            while (true) {
                long left = deadline - System.nanoTime();
                String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
                if (line == null) {
                    fail("no line starting with '" + prefix + "' within " + timeoutSeconds + " s"
                            + (process.isAlive() ? "" : " (exited with " + process.exitValue() + ")"));
                }
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
        }

        /** Writes {@code line} and a newline to its stdin. */
        public void send(String line) throws IOException {
            process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        }

        @Override
        public void close() throws InterruptedException {
            try {
                process.getOutputStream().close();
            } catch (IOException e) {
                // Already gone.
            }
            // Scripts end at the end of stdin; daemons such as transmission-cli need SIGTERM.
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
            reader.join(10_000);
        }
    }
}
