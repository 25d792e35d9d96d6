package org.swarmport.peer.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Runs {@code swarmport-peer} in-process with captured output, as the tests' one way in. */
record Cli(int status, String out, String err) {

    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = SwarmportPeer.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Cli(status, out.toString(), err.toString());
    }

    /** Starts a long-running command ({@code seed}) on its own thread. */
    static Background start(String... args) {
        return new Background(args);
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

    /** A command running on a thread of its own; its output can be read while it runs. */
    static final class Background implements AutoCloseable {
        private final StringWriter out = new StringWriter();
        private final StringWriter err = new StringWriter();
        private final CompletableFuture<Integer> status = new CompletableFuture<>();
        private final Thread thread;

        private Background(String[] args) {
            thread = new Thread(() -> status.complete(
                    SwarmportPeer.execute(new PrintWriter(out, true), new PrintWriter(err, true), args)), "cli " + args[0]);
            thread.setDaemon(true);
            thread.start();
        }

        /** Waits until stdout contains {@code text}; fails after {@code seconds} or if the command ends first. */
        void awaitOut(String text, int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            Supplier<String> state = () -> "--- out\n" + out + "--- err\n" + err;
            while (!out.toString().contains(text)) {
                if (status.isDone()) {
                    org.junit.jupiter.api.Assertions.fail("ended with " + status.join() + " before '" + text + "'\n" + state.get());
                }
                if (System.nanoTime() > deadline) {
                    org.junit.jupiter.api.Assertions.fail("no '" + text + "' within " + seconds + " s\n" + state.get());
                }
                thread.join(50);
            }
        }

        /** Interrupts the command (as Ctrl-C would stop it) and answers how it ended. */
        Cli stop() throws Exception {
            thread.interrupt();
            return finish(20);
        }

        /** Waits for the command to end by itself. */
        Cli finish(int seconds) throws Exception {
            int exit = status.get(seconds, TimeUnit.SECONDS);
            return new Cli(exit, out.toString(), err.toString());
        }

        @Override
        public void close() throws Exception {
            if (!status.isDone()) {
                stop();
            }
        }
    }
}
