package org.swarmport.peer.tracker;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.swarmport.peer.interop.RealTools;
import org.swarmport.peer.metainfo.InfoHash;

/**
 * The real {@code opentracker} (Debian package, built in whitelist mode) on 127.0.0.1, HTTP and
 * UDP on ports free when it starts, run as {@code nobody} as it insists, with the given torrents
 * whitelisted. Closing it stops the process.
 */
public final class Opentracker implements AutoCloseable {

    private final Process process;
    private final int httpPort;
    private final int udpPort;

    public Opentracker(Path directory, List<InfoHash> whitelist) throws IOException, InterruptedException {
        Path binary = RealTools.requireCommand("opentracker", "opentracker");
        Path list = directory.resolve("whitelist");
        Files.writeString(list, whitelist.stream().map(hash -> hexOf(hash.truncated()))
                .collect(Collectors.joining("\n", "", "\n")), StandardCharsets.US_ASCII);
        // It drops to nobody and chroots into its working directory (its -d option breaks the
        // whitelist path, so it is left at the default): both must stay readable.
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(list, PosixFilePermissions.fromString("rw-r--r--"));
        httpPort = freeTcpPort();
        udpPort = freeUdpPort();
        process = new ProcessBuilder(binary.toString(), "-i", "127.0.0.1", "-p", Integer.toString(httpPort),
                "-P", Integer.toString(udpPort), "-u", "nobody", "-w", list.toString())
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("opentracker.log").toFile())
                .start();
        awaitListening(directory);
    }

    public String httpAnnounce() {
        return "http://127.0.0.1:" + httpPort + "/announce";
    }

    public String udpAnnounce() {
        return "udp://127.0.0.1:" + udpPort + "/announce";
    }

    private void awaitListening(Path directory) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("opentracker exited with " + process.exitValue() + ": "
                        + Files.readString(directory.resolve("opentracker.log")));
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), httpPort), 200);
                return;
            } catch (IOException notYet) {
                // Polled until the deadline: opentracker takes a moment to bind.
                process.waitFor(20, TimeUnit.MILLISECONDS);
            }
        }
        throw new IOException("opentracker did not listen on " + httpPort + " within 10 s");
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String hexOf(byte[] bytes) {
        StringBuilder hex = new StringBuilder();
        for (byte b : bytes) {
            hex.append(String.format("%02x", b & 0xff));
        }
        return hex.toString();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
