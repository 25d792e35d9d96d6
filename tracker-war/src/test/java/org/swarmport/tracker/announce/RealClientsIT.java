package org.swarmport.tracker.announce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.swarmport.tracker.GeneratedTorrent;
import org.swarmport.tracker.RequiredTools;
import org.swarmport.tracker.TrackerDeployment;
import org.swarmport.tracker.catalogue.KnownTorrents;
import org.swarmport.tracker.catalogue.Torrent;

/**
 * Real BitTorrent clients from Debian packages find each other only through Swarmport's HTTP
 * tracker (BEP 3, compact peers BEP 23), in its default {@code registered} mode: libtorrent
 * seeds and aria2 downloads through the tracker's own port, then aria2 seeds and libtorrent
 * downloads through {@code /tracker/announce}. DHT, local peer
 * discovery and peer exchange are off, so a transfer proves the announce answers.
 *
 * <p>The torrent is registered inside the server, which cannot be handed the client side's
 * info-hash: both sides derive it from {@link InteropTorrent}, and the client side checks
 * that libtorrent's .torrent has that very hash. The helper scripts are in
 * {@code src/test/interop/}; their logs land in {@code target/interop/real-clients/}.
 *
 * <p>Needs {@code aria2c} and {@code /usr/bin/python3} with libtorrent (Debian packages
 * {@code aria2} and {@code python3-libtorrent}): skipped without them, failed without them
 * when {@code CI=true}.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealClientsIT {

    private static final String PYTHON = "/usr/bin/python3";
    private static final Path SCRIPTS = Path.of("src/test/interop").toAbsolutePath();
    static final Path WORK = Path.of("target/interop/real-clients").toAbsolutePath();
    /** Longest a whole transfer may take; 3 MiB on loopback takes a few seconds. */
    private static final Duration TRANSFER_LIMIT = Duration.ofSeconds(120);
    private static final Duration ANNOUNCE_LIMIT = Duration.ofSeconds(30);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(10);
    /**
     * The tracker's own HTTP port at its default (SWARMPORT_TRACKER_HTTP_PORT): one direction
     * announces there, the other through WildFly's {@code /tracker/announce}, so both paths
     * serve real clients.
     */
    private static final String OWN_PORT_ANNOUNCE = "http://127.0.0.1:6969/announce";

    @Deployment
    static WebArchive deployment() {
        return TrackerDeployment.war().addClasses(RealClientsIT.class, InteropTorrent.class, GeneratedTorrent.class,
                RequiredTools.class);
    }

    @PersistenceContext(unitName = "tracker")
    EntityManager em;

    @Inject
    UserTransaction tx;

    @Inject
    KnownTorrents knownTorrents;

    @Test
    @Order(1)
    void registerTheInteropTorrent() throws Exception {
        String infoHash = InteropTorrent.infoHashV1();
        tx.begin();
        deleteTorrent(infoHash);
        em.persist(new Torrent(infoHash, null, InteropTorrent.NAME, InteropTorrent.LENGTH,
                OffsetDateTime.now(ZoneOffset.UTC)));
        tx.commit();

        // Registered mode reads the catalogue every minute; the test cannot wait that long.
        assertTrue(knownTorrents.refresh(), "the catalogue could not be read back");
        assertNotNull(knownTorrents.swarmHashOf(HexFormat.of().parseHex(infoHash)),
                "registered mode does not admit the torrent just stored: " + infoHash);
    }

    @Test
    @Order(2)
    @RunAsClient
    void aria2DownloadsWhatLibtorrentSeeds(@ArquillianResource URL base) throws Exception {
        requireClients();
        Path torrent = prepareTorrent(base, true);
        Path downloads = emptyDirectory("aria2-download");
        Path seedLog = WORK.resolve("libtorrent-seed.log");
        Path downloadLog = WORK.resolve("aria2-download.log");

        List<Process> started = new ArrayList<>();
        try {
            Process seed = new ProcessBuilder(PYTHON, "-B", SCRIPTS.resolve("seed.py").toString(),
                    torrent.toString(), contentDirectory().toString(), Long.toString(TRANSFER_LIMIT.toSeconds() * 2))
                    .redirectError(seedLog.toFile())
                    .start();
            started.add(seed);
            // aria2 asks the tracker once at start: the seed must be in the swarm by then.
            awaitLine(seed, "announced", ANNOUNCE_LIMIT, "libtorrent seed got no announce answer", seedLog);

            Process download = new ProcessBuilder(aria2(downloads,
                    "--seed-time=0",
                    "--bt-stop-timeout=" + TRANSFER_LIMIT.toSeconds(),
                    torrent.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(downloadLog.toFile())
                    .start();
            started.add(download);
            assertExitsZero(download, "aria2c download", downloadLog, seedLog);
        } finally {
            started.forEach(RealClientsIT::stop);
        }
        assertIsTheContent(downloads.resolve(InteropTorrent.NAME), downloadLog, seedLog);
    }

    @Test
    @Order(3)
    @RunAsClient
    void libtorrentDownloadsWhatAria2Seeds(@ArquillianResource URL base) throws Exception {
        requireClients();
        Path torrent = prepareTorrent(base, false);
        Path downloads = emptyDirectory("libtorrent-download");
        Path seedLog = WORK.resolve("aria2-seed.log");
        Path downloadLog = WORK.resolve("libtorrent-download.log");

        List<Process> started = new ArrayList<>();
        try {
            // aria2 checks the data and seeds it; whichever client announces first, the
            // downloader re-announces until the tracker hands it the seed.
            Process seed = new ProcessBuilder(aria2(contentDirectory(),
                    "--check-integrity=true",
                    "--seed-ratio=0.0",
                    "--seed-time=" + TRANSFER_LIMIT.toMinutes() * 2,
                    torrent.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(seedLog.toFile())
                    .start();
            started.add(seed);
            Process download = new ProcessBuilder(PYTHON, "-B", SCRIPTS.resolve("download.py").toString(),
                    torrent.toString(), downloads.toString(), Long.toString(TRANSFER_LIMIT.toSeconds()))
                    .redirectErrorStream(true)
                    .redirectOutput(downloadLog.toFile())
                    .start();
            started.add(download);
            assertExitsZero(download, "libtorrent download", downloadLog, seedLog);
        } finally {
            started.forEach(RealClientsIT::stop);
        }
        assertIsTheContent(downloads.resolve(InteropTorrent.NAME), downloadLog, seedLog);
    }

    @Test
    @Order(4)
    void removeTheInteropTorrent() throws Exception {
        tx.begin();
        deleteTorrent(InteropTorrent.infoHashV1());
        tx.commit();
        knownTorrents.refresh();
    }

    private void deleteTorrent(String infoHashV1) {
        em.createQuery("delete from Torrent t where t.infoHashV1 = :hash")
                .setParameter("hash", infoHashV1)
                .executeUpdate();
    }

    /** Skips the test without the clients; fails it instead on CI, where they must be installed. */
    private static void requireClients() {
        List<String> missing = new ArrayList<>();
        if (!RequiredTools.runs("aria2c", "--version")) {
            missing.add("aria2c (Debian package aria2)");
        }
        if (!RequiredTools.runs(PYTHON, "-c", "import libtorrent")) {
            missing.add(PYTHON + " -c 'import libtorrent' (Debian package python3-libtorrent)");
        }
        RequiredTools.require("real BitTorrent clients", missing);
    }

    /**
     * Writes the content, has libtorrent make the .torrent announcing to {@code announce}, and
     * checks that libtorrent's info-hash is the one registered inside the server.
     */
    private Path prepareTorrent(URL base, boolean ownPort) throws Exception {
        Path content = contentDirectory().resolve(InteropTorrent.NAME);
        Files.createDirectories(content.getParent());
        Files.write(content, InteropTorrent.content());
        String announce = announceUrl(base, ownPort);
        Path torrent = WORK.resolve(InteropTorrent.NAME + ".torrent");
        Path log = WORK.resolve("make-torrent.log");

        Process maker = new ProcessBuilder(PYTHON, "-B", SCRIPTS.resolve("make_torrent.py").toString(),
                content.toString(), announce, torrent.toString())
                .redirectError(log.toFile())
                .start();
        CompletableFuture<String> printed = CompletableFuture.supplyAsync(() -> firstLine(maker));
        assertExitsZero(maker, "make_torrent.py", log);
        String libtorrentHash = printed.get(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(InteropTorrent.infoHashV1(), libtorrentHash,
                "libtorrent's info-hash differs from the one Swarmport's encoder computed and registered");
        return torrent;
    }

    /** The only tracker the torrent names; {@link RealClientsUdpIT} names the UDP tracker instead. */
    /**
     * The announce URL the torrent names: the tracker's own HTTP port, or {@code /tracker/announce}
     * on WildFly's port; a subclass may name another protocol's.
     */
    String announceUrl(URL base, boolean ownPort) {
        // libtorrent and aria2 listen on 127.0.0.1; "localhost" could resolve to ::1 first.
        return ownPort ? OWN_PORT_ANNOUNCE : base.toString().replace("://localhost:", "://127.0.0.1:") + "announce";
    }

    private static Path contentDirectory() {
        return WORK.resolve("content");
    }

    private static Path emptyDirectory(String name) throws IOException {
        Path directory = WORK.resolve(name);
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        return Files.createDirectories(directory);
    }

    /**
     * aria2c with nothing but the tracker to find peers: no DHT, local peer discovery or peer
     * exchange, no user configuration file, and a listening port of its own (its default
     * range 6881-6999 includes ports other services here use).
     */
    private List<String> aria2(Path directory, String... more) throws IOException {
        List<String> command = new ArrayList<>(List.of("aria2c",
                "--no-conf=true",
                "--enable-dht6=false",
                "--bt-enable-lpd=false",
                "--enable-peer-exchange=false",
                "--bt-tracker-connect-timeout=10",
                "--bt-tracker-timeout=10",
                "--listen-port=" + freePort(),
                "--stop=" + TRANSFER_LIMIT.toSeconds() * 2,
                "--summary-interval=0",
                "--console-log-level=notice",
                "--enable-color=false",
                "--file-allocation=none",
                "--allow-overwrite=true",
                "--dir=" + directory));
        command.addAll(aria2Dht());
        command.addAll(List.of(more));
        return command;
    }

    /** aria2c's DHT: off. */
    List<String> aria2Dht() throws IOException {
        return List.of("--enable-dht=false");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String firstLine(Process process) {
        try {
            return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitLine(Process process, String expected, Duration limit, String failure, Path log)
            throws Exception {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> firstLine(process));
        try {
            assertEquals(expected, line.get(limit.toSeconds(), TimeUnit.SECONDS), failure + "\n" + tails(log));
        } catch (TimeoutException e) {
            fail(failure + " within " + limit.toSeconds() + " s\n" + tails(log));
        }
    }

    private static void assertExitsZero(Process process, String what, Path... logs) throws Exception {
        if (!process.waitFor(TRANSFER_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            stop(process);
            fail(what + " did not finish within " + TRANSFER_LIMIT.toSeconds() + " s\n" + tails(logs));
        }
        assertEquals(0, process.exitValue(), what + " failed\n" + tails(logs));
    }

    private static void assertIsTheContent(Path file, Path... logs) throws IOException {
        assertTrue(Files.isRegularFile(file), file + " was not downloaded\n" + tails(logs));
        byte[] downloaded = Files.readAllBytes(file);
        assertEquals(InteropTorrent.LENGTH, downloaded.length, file + " has the wrong length");
        assertEquals(-1, Arrays.mismatch(InteropTorrent.content(), downloaded),
                file + " differs from the content at this offset");
    }

    /** Asks first, so the clients send their "stopped" announce; then insists. */
    private static void stop(Process process) {
        try {
            process.destroy();
            if (!process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String tails(Path... logs) {
        StringBuilder tails = new StringBuilder();
        for (Path log : logs) {
            tails.append("--- last lines of ").append(log).append('\n');
            try {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                lines.subList(Math.max(0, lines.size() - 40), lines.size())
                        .forEach(line -> tails.append(line).append('\n'));
            } catch (IOException e) {
                tails.append("(unreadable: ").append(e.getMessage()).append(")\n");
            }
        }
        return tails.toString();
    }
}
