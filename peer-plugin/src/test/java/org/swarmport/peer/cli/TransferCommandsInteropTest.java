package org.swarmport.peer.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.swarmport.peer.interop.RealTools;

/** {@code download} from a libtorrent seed, and libtorrent downloading from {@code seed}. */
@Timeout(120)
class TransferCommandsInteropTest {

    private static String script() throws Exception {
        return Path.of(TransferCommandsInteropTest.class.getResource("/cli/libtorrent-session.py").toURI()).toString();
    }

    @Test
    void downloadFromALibtorrentSeed(@TempDir Path work) throws Exception {
        RealTools.requireLibtorrent();
        try (RealTools.Running seed = RealTools.start(List.of(RealTools.PYTHON, script(), "seed", work.toString()))) {
            int port = Integer.parseInt(seed.awaitLine("READY ", 60).split(" ")[1]);
            Path downloads = work.resolve("downloads");
            Cli cli = Cli.run("download", work.resolve("lt.torrent").toString(), "-d", downloads.toString(),
                    "--bind", "127.0.0.1", "--port", "0", "--peer", "127.0.0.1:" + port, "--timeout", "60", "-q");
            cli.expect(ExitStatus.OK, "");
            assertArrayEquals(Files.readAllBytes(work.resolve("content/lt-content.bin")),
                    Files.readAllBytes(downloads.resolve("lt-content.bin")));
        }
    }

    @Test
    void downloadWithEncryptionRequiredFromALibtorrentSeedThatForcesRc4(@TempDir Path work) throws Exception {
        RealTools.requireLibtorrent();
        String script = Path.of(TransferCommandsInteropTest.class.getResource("/crypto/libtorrent-encrypted-seed.py")
                .toURI()).toString();
        try (RealTools.Running seed = RealTools.start(List.of(RealTools.PYTHON, script, work.toString()))) {
            int port = Integer.parseInt(seed.awaitLine("READY ", 60).split(" ")[1]);
            Path downloads = work.resolve("downloads");
            Cli.run("download", work.resolve("seed.torrent").toString(), "-d", downloads.toString(), "--bind", "127.0.0.1",
                    "--port", "0", "--peer", "127.0.0.1:" + port, "--encryption", "required", "--timeout", "60", "-q")
                    .expect(ExitStatus.OK, "");
            assertArrayEquals(Files.readAllBytes(work.resolve("content.bin")), Files.readAllBytes(downloads.resolve("content.bin")));
        }
    }

    @Test
    void libtorrentDownloadsFromOurSeed(@TempDir Path work) throws Exception {
        RealTools.requireLibtorrent();
        Path content = CreateCommandTest.multiFileContent(work);
        Path torrent = work.resolve("release.torrent");
        Cli.run("create", content.toString(), "-o", torrent.toString(), "-p", "16K").expect(ExitStatus.OK, "");
        int port = TransferCommandsTest.freePort();
        Path theirs = work.resolve("libtorrent");
        try (Cli.Background seed = Cli.start("seed", torrent.toString(), "-d", work.toString(), "--bind", "127.0.0.1",
                "--port", Integer.toString(port), "-q")) {
            seed.awaitOut("on port " + port, 30);
            List<String> result = RealTools.output(List.of(RealTools.PYTHON, script(), "download", torrent.toString(),
                    theirs.toString(), Integer.toString(port)), 90);
            assertEquals(List.of("COMPLETE"), result);
            seed.stop().expect(ExitStatus.INTERRUPTED, "");
        }
        for (String file : new String[] {"readme.txt", "data/one.bin", "data/two.bin"}) {
            assertArrayEquals(Files.readAllBytes(content.resolve(file)), Files.readAllBytes(theirs.resolve("release").resolve(file)));
        }
    }
}
