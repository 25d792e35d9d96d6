package org.swarmport.peer.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.swarmport.peer.session.WebSeedInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code seed} and {@code download} against each other on loopback, and their error paths. */
@Timeout(60)
class TransferCommandsTest {

    @TempDir
    Path work;

    static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private Path torrentOf(Path content) {
        Path torrent = work.resolve("release.torrent");
        Cli.run("create", content.toString(), "-o", torrent.toString(), "-p", "16K").expect(ExitStatus.OK, "");
        return torrent;
    }

    @Test
    void downloadFromOurOwnSeedGetsEveryByteAndSeedStopsOnInterrupt() throws Exception {
        Path content = CreateCommandTest.multiFileContent(work);
        Path torrent = torrentOf(content);
        Path downloads = work.resolve("downloads");
        int port = freePort();
        try (Cli.Background seed = Cli.start("seed", torrent.toString(), "-d", work.toString(), "--bind", "127.0.0.1",
                "--port", Integer.toString(port), "-q")) {
            seed.awaitOut("seeding release from " + work + " on port " + port, 30);
            Cli download = Cli.run("download", torrent.toString(), "-d", downloads.toString(), "--bind", "127.0.0.1",
                    "--port", "0", "--peer", "127.0.0.1:" + port, "--timeout", "40");
            download.expect(ExitStatus.OK, "downloading [##############################] 100%");
            assertTrue(download.out().contains("seeding: release, 100.0% verified"), download.both());
            for (String file : new String[] {"readme.txt", "data/one.bin", "data/two.bin"}) {
                assertArrayEquals(Files.readAllBytes(content.resolve(file)),
                        Files.readAllBytes(downloads.resolve("release").resolve(file)), file);
            }
            Cli stopped = seed.stop();
            stopped.expect(ExitStatus.INTERRUPTED, "swarmport-peer seed: interrupted");
        }
        // What download verified is in its resume data: a second run finds it complete at once.
        Cli again = Cli.run("download", torrent.toString(), "-d", downloads.toString(), "--bind", "127.0.0.1",
                "--port", "0", "--timeout", "10", "-q");
        again.expect(ExitStatus.OK, "");
    }

    @Test
    void seedRefusesIncompleteContent() throws Exception {
        Path content = CreateCommandTest.multiFileContent(work);
        Path torrent = torrentOf(content);
        Files.delete(content.resolve("data/one.bin"));
        Cli.run("seed", torrent.toString(), "-d", work.toString(), "--bind", "127.0.0.1", "--port", "0")
                .expect(ExitStatus.VERIFICATION_FAILED, "release in " + work + " is incomplete (");
    }

    @Test
    void seedForADurationEndsByItself() throws Exception {
        Path torrent = torrentOf(CreateCommandTest.multiFileContent(work));
        Cli cli = Cli.run("seed", torrent.toString(), "-d", work.toString(), "--bind", "127.0.0.1", "--port", "0",
                "--duration", "1", "-q").expect(ExitStatus.OK, "");
        assertTrue(cli.out().contains("seeding: release, 100.0% verified, 0 B downloaded, 0 B uploaded"), cli.both());
    }

    @Test
    void downloadWithoutPeersTimesOut() throws Exception {
        Path torrent = torrentOf(CreateCommandTest.multiFileContent(work));
        Cli cli = Cli.run("download", torrent.toString(), "-d", work.resolve("empty").toString(), "--bind", "127.0.0.1",
                "--port", "0", "--timeout", "1", "-q").expect(ExitStatus.FAILURE, "swarmport-peer download: not complete after 1 s");
        assertTrue(cli.out().contains("downloading: release, 0.0% verified"), cli.both());
    }

    @Test
    void portAlreadyTakenFails() throws Exception {
        Path torrent = torrentOf(CreateCommandTest.multiFileContent(work));
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Cli.run("seed", torrent.toString(), "-d", work.toString(), "--bind", "127.0.0.1", "--port",
                    Integer.toString(taken.getLocalPort())).expect(ExitStatus.FAILURE,
                    "swarmport-peer seed: cannot listen on port " + taken.getLocalPort() + ": ");
        }
    }

    @Test
    void badPeerAddressesAreUsageErrors() throws Exception {
        Path torrent = torrentOf(CreateCommandTest.multiFileContent(work));
        Cli.run("download", torrent.toString(), "--peer", "nohost").expect(ExitStatus.USAGE, "'nohost' has no port");
        Cli.run("download", torrent.toString(), "--peer", "::1:80").expect(ExitStatus.USAGE, "an IPv6 address needs brackets");
        Cli.run("download", torrent.toString(), "--peer", "127.0.0.1:0").expect(ExitStatus.USAGE, "port 0 is outside 1..65535");
        Cli.run("download", torrent.toString(), "--encryption", "sometimes").expect(ExitStatus.USAGE,
                "expected one of [DISABLED, PREFERRED, REQUIRED]");
        Cli.run("download", torrent.toString(), "--timeout", "0").expect(ExitStatus.USAGE, "--timeout must be at least 1 second");
        Cli.run("seed", torrent.toString(), "-d", work.toString(), "--duration", "0")
                .expect(ExitStatus.USAGE, "--duration must be at least 1 second");
    }

    @Test
    void aMagnetLinkIsForDownloadOnlyAndABadOneIsAUsageError_BEP9() {
        Cli.run("seed", "magnet:?xt=urn:btih:b6401410cae8917a1b3aff7f10763424785a9f60").expect(ExitStatus.FAILURE,
                "swarmport-peer seed: a magnet link does not hold the torrent this command needs: give a .torrent file");
        Cli.run("download", "magnet:?xt=urn:btih:b6401410cae8917a1b3aff7f1076342478", "-d", work.toString())
                .expect(ExitStatus.USAGE, "swarmport-peer download: not a valid magnet link: ");
    }

    @Test
    void theProgressLineShowsWebSeedsWithTheirRateAndTheFailedOnes_BEP19() {
        assertEquals("", RunningTorrent.webSeeds(java.util.List.of()));
        WebSeedInfo active = new WebSeedInfo("http://a/", WebSeedInfo.State.ACTIVE, 1536 * 1024, 10, 0, Optional.empty());
        WebSeedInfo waiting = new WebSeedInfo("http://b/", WebSeedInfo.State.BACKING_OFF, 0, 0, 2, Optional.of("404"));
        WebSeedInfo dropped = new WebSeedInfo("http://c/", WebSeedInfo.State.DROPPED, 0, 0, 0, Optional.of("bad"));
        assertEquals("  1 web seed " + ByteSize.format(1536 * 1024) + "/s", RunningTorrent.webSeeds(java.util.List.of(active)));
        assertEquals("  3 web seeds " + ByteSize.format(1536 * 1024) + "/s, 1 waiting, 1 dropped",
                RunningTorrent.webSeeds(java.util.List.of(active, waiting, dropped)));
    }

    @Test
    void aMagnetLinkWithoutPeersEndsAtTheTimeoutWithoutMetadata_BEP9() {
        Cli.run("download", "magnet:?xt=urn:btih:b6401410cae8917a1b3aff7f10763424785a9f60&dn=nothing", "-d",
                work.toString(), "--bind", "127.0.0.1", "--port", "0", "--timeout", "1", "-q")
                .expect(ExitStatus.FAILURE, "swarmport-peer download: no metadata after 1 s");
    }

    @Test
    void brokenTorrentAndMissingDirectoryFail() throws Exception {
        Path broken = InfoCommandTest.corpus("hostile/truncated.torrent");
        Cli.run("download", broken.toString()).expect(ExitStatus.FAILURE, "not a valid torrent: metainfo: bencode: truncated");
        Cli.run("seed", broken.toString()).expect(ExitStatus.FAILURE, "not a valid torrent: metainfo: bencode: truncated");
        Path torrent = torrentOf(CreateCommandTest.multiFileContent(work));
        Cli.run("seed", torrent.toString(), "-d", work.resolve("absent").toString())
                .expect(ExitStatus.FAILURE, work.resolve("absent") + ": no such directory");
        assertEquals(0, Cli.run("help", "download").status());
    }
}
