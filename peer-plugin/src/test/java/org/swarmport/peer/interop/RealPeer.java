package org.swarmport.peer.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real client (libtorrent script, transmission-cli, aria2c) run as a process for one test: its
 * stdout lines are collected on a daemon thread so the test can wait for one with a deadline, its
 * stderr goes to a log file the failure message quotes, {@link #send} writes commands to its
 * stdin, and {@link #close} ends it within seconds.
 */
public final class RealPeer implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private RealPeer(Process process, Path log) {
        this.process = process;
        this.log = log;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "real-peer-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code command}, with stderr (and, when {@code mergeOutput}, nothing else) logged to {@code log}. */
    public static RealPeer start(List<String> command, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
        return new RealPeer(builder.start(), log);
    }

    /**
     * Waits for a stdout line starting with {@code prefix} and answers it; fails the test when the
     * process ends or the time passes first.
     */
    public String awaitLine(String prefix, int timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
            if (line == null && !process.isAlive() && lines.isEmpty()) {
                fail(describe("ended (exit " + process.exitValue() + ") before printing '" + prefix + "'"));
            }
        }
        fail(describe("did not print '" + prefix + "' within " + timeoutSeconds + " s"));
        return null;
    }

    /** Waits for the process to end by itself; answers its exit code, or fails after the timeout. */
    public int awaitExit(int timeoutSeconds) throws InterruptedException {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            fail(describe("did not finish within " + timeoutSeconds + " s"));
        }
        return process.exitValue();
    }

    /** A TCP port on loopback that was free a moment ago, for a tool that cannot pick its own. */
    public static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Waits until something accepts TCP connections on loopback {@code port}; fails after the timeout. */
    public void awaitListening(int port, int timeoutSeconds) throws InterruptedException {
        if (!listening(process, port, timeoutSeconds)) {
            fail(describe(process.isAlive() ? "did not listen on port " + port + " within " + timeoutSeconds + " s"
                    : "ended (exit " + process.exitValue() + ") before listening on " + port));
        }
    }

    /**
     * Polls until something accepts TCP connections on loopback {@code port}: true then, false
     * when {@code process} ends or the time passes first.
     */
    static boolean listening(Process process, int port, int timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 500);
                return true;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    return false;
                }
                Thread.sleep(100);
            }
        }
        return false;
    }

    /** Writes {@code line} and a newline to its stdin (a script that takes commands, such as {@code peers}). */
    public void send(String line) throws IOException {
        process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** What the test's failure says: the problem and the process's log. */
    public String describe(String problem) {
        String text;
        try {
            text = Files.readString(log);
        } catch (IOException e) {
            text = "(no log: " + e + ")";
        }
        if (text.length() > 4000) {
            text = "…" + text.substring(text.length() - 4000);
        }
        return "real peer " + problem + "; its log:\n" + text;
    }

    @Override
    public void close() throws InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // it may have ended already
        }
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroy();
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
            }
        }
    }
}
