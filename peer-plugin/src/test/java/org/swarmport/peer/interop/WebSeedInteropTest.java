package org.swarmport.peer.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.metainfo.MetainfoBuilder;
import org.swarmport.peer.metainfo.MetainfoVersion;
import org.swarmport.peer.session.Client;
import org.swarmport.peer.session.TestContent;
import org.swarmport.peer.session.TorrentEvent;
import org.swarmport.peer.session.TorrentHandle;
import org.swarmport.peer.session.WebSeedInfo;

/**
 * Web seeds (BEP 19) served by a real nginx ({@code nginx-light}) on loopback: a multi-file
 * hybrid torrent (names with spaces and accents, pieces straddling files, BEP 47 pad files)
 * downloaded from the web seed alone, from the web seed and a libtorrent seed together, and from
 * a web seed whose file is corrupted, which is dropped while libtorrent supplies the rest.
 */
@Timeout(120)
class WebSeedInteropTest {

    @TempDir
    Path temp;

    /** The content under {@code root/set}; answers the torrent with {@code webSeed} as its url-list. */
    private static Metainfo content(Path root, String webSeed, int scale) throws Exception {
        Path dir = root.resolve("set");
        TestContent.file(dir, "my file.bin", 150_001 * scale, 21);
        TestContent.file(dir, "sub dir/café ♫.bin", 65_536 * scale, 22);
        TestContent.file(dir, "three.txt", 999, 23);
        return MetainfoBuilder.of(dir).version(MetainfoVersion.HYBRID).pieceLength(32768).webSeed(webSeed).build();
    }

    private static void await(BooleanSupplier condition, int seconds, java.util.function.Supplier<String> why)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(why.get());
            }
            Thread.sleep(50);
        }
    }

    private Path torrentFile(Metainfo metainfo) throws Exception {
        Path file = temp.resolve("t-" + System.nanoTime() + ".torrent");
        Files.write(file, metainfo.rawBytes());
        return file;
    }

    @Test
    void downloadsAMultiFileTorrentFromAWebSeedAloneNeverAskingForPadFiles_BEP19_BEP47() throws Exception {
        Path served = Files.createDirectories(temp.resolve("www"));
        try (Nginx nginx = Nginx.serve(served, temp.resolve("nginx"), 0)) {
            Metainfo metainfo = content(served, nginx.url("/"), 1);
            assertTrue(metainfo.files().stream().anyMatch(f -> f.padding()), "the hybrid torrent has pad files");
            Path downloads = Files.createDirectories(temp.resolve("ours"));
            try (Client client = TestContent.loopbackClient().build().start()) {
                TorrentHandle torrent = client.add(metainfo, downloads);
                assertTrue(torrent.awaitCompletion(Duration.ofSeconds(60)),
                        () -> "not complete: " + torrent.webSeeds() + " " + torrent.diagnostics() + nginx.log());
                await(() -> !torrent.webSeeds().isEmpty() && torrent.webSeeds().get(0).downloaded() > 0, 5,
                        () -> "web seed shows nothing: " + torrent.webSeeds());
                WebSeedInfo seed = torrent.webSeeds().get(0);
                assertEquals(WebSeedInfo.State.ACTIVE, seed.state(), seed::toString);
                assertTrue(torrent.peers().isEmpty());
            }
            TestContent.assertSameTree(served.resolve("set"), downloads.resolve("set"));
            List<String> log = nginx.accessLog();
            assertTrue(!log.isEmpty() && log.stream().allMatch(line -> line.contains("\" 206 ")), () -> String.join("\n", log));
            assertTrue(log.stream().noneMatch(line -> line.contains(".pad")), () -> String.join("\n", log));
            assertTrue(log.stream().anyMatch(line -> line.contains("/set/sub%20dir/caf%C3%A9%20%E2%99%AB.bin")),
                    () -> String.join("\n", log));
        }
    }

    @Test
    void aWebSeedAndALibtorrentSeedBothContribute_BEP19() throws Exception {
        RealTools.requireLibtorrent();
        Path served = Files.createDirectories(temp.resolve("www"));
        // 128 KiB/s per connection and 7 MB: when the web seed's first run has arrived, most of the
        // torrent is still unrequested (it keeps 1 MiB outstanding at that rate) for libtorrent to take
        try (Nginx nginx = Nginx.serve(served, temp.resolve("nginx"), 128 * 1024)) {
            Metainfo metainfo = content(served, nginx.url("/"), 32);
            Path downloads = Files.createDirectories(temp.resolve("ours"));
            try (RealPeer seed = LibtorrentInteropTest.libtorrent(temp, "seed", torrentFile(metainfo).toString(), served,
                    "enabled", null);
                 Client client = TestContent.loopbackClient().build().start()) {
                int port = Integer.parseInt(seed.awaitLine("READY", 60).split(" ")[1]);
                TorrentHandle torrent = client.add(metainfo, downloads);
                await(() -> !torrent.webSeeds().isEmpty() && torrent.webSeeds().get(0).downloaded() > 0, 30,
                        () -> "nothing from the web seed: " + torrent.webSeeds() + nginx.log());
                torrent.connect(TestContent.loopback(port));
                assertTrue(torrent.awaitCompletion(Duration.ofSeconds(60)),
                        () -> seed.describe("not complete: " + torrent.webSeeds() + " " + torrent.diagnostics()));
                // the handle's figures are refreshed on the engine's tick
                await(() -> torrent.downloaded() - torrent.webSeeds().get(0).downloaded() > 0, 5,
                        () -> "nothing from libtorrent: web seed " + torrent.webSeeds() + ", all " + torrent.downloaded());
            }
            TestContent.assertSameTree(served.resolve("set"), downloads.resolve("set"));
        }
    }

    @Test
    void aWebSeedServingACorruptedFileIsDroppedAndLibtorrentSuppliesTheRest_BEP19() throws Exception {
        RealTools.requireLibtorrent();
        Path good = Files.createDirectories(temp.resolve("good"));
        Path served = Files.createDirectories(temp.resolve("www"));
        try (Nginx nginx = Nginx.serve(served, temp.resolve("nginx"), 0)) {
            Metainfo metainfo = content(good, nginx.url("/"), 1);
            Files.createDirectories(served.resolve("set/sub dir"));
            for (String name : List.of("my file.bin", "sub dir/café ♫.bin", "three.txt")) {
                Files.copy(good.resolve("set").resolve(name), served.resolve("set").resolve(name),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            byte[] changed = Files.readAllBytes(served.resolve("set/my file.bin"));
            changed[40_000] ^= 0x5a;
            Files.write(served.resolve("set/my file.bin"), changed);
            Path downloads = Files.createDirectories(temp.resolve("ours"));
            try (RealPeer seed = LibtorrentInteropTest.libtorrent(temp, "seed", torrentFile(metainfo).toString(), good,
                    "enabled", null);
                 Client client = TestContent.loopbackClient().build().start()) {
                int port = Integer.parseInt(seed.awaitLine("READY", 60).split(" ")[1]);
                TorrentHandle torrent = client.add(metainfo, downloads);
                List<TorrentEvent> events = new CopyOnWriteArrayList<>();
                torrent.addListener(events::add);
                await(() -> !torrent.webSeeds().isEmpty()
                        && torrent.webSeeds().get(0).state() == WebSeedInfo.State.DROPPED, 30,
                        () -> "the web seed was not dropped: " + torrent.webSeeds() + " " + torrent.diagnostics());
                assertTrue(torrent.webSeeds().get(0).lastError().orElseThrow().contains("failed its hash check"));
                assertTrue(torrent.progress() < 1.0);
                torrent.connect(TestContent.loopback(port));
                assertTrue(torrent.awaitCompletion(Duration.ofSeconds(60)),
                        () -> seed.describe("not complete: " + torrent.webSeeds() + " " + torrent.diagnostics()));
                assertTrue(events.stream().noneMatch(e -> e instanceof TorrentEvent.PeerBanned), events::toString);
            }
            TestContent.assertSameTree(good.resolve("set"), downloads.resolve("set"));
        }
    }
}
