package org.swarmport.peer.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.swarmport.peer.interop.RealPeer;
import org.swarmport.peer.interop.RealTools;

/**
 * {@code download} from libtorrent seeds (one of them forcing RC4 encryption), and libtorrent
 * downloading from {@code seed}; the engine's libtorrent script plays the other side.
 */
@Timeout(120)
class TransferCommandsInteropTest {

    @TempDir
    Path work;

    private static String script(String resource) throws Exception {
        return Path.of(TransferCommandsInteropTest.class.getResource(resource).toURI()).toString();
    }

    /** A torrent made by our {@code create} of fresh multi-file content under {@code work}. */
    private Path release(String... options) {
        Path torrent = work.resolve("release.torrent");
        try {
            List<String> args = new java.util.ArrayList<>(List.of("create", CreateCommandTest.multiFileContent(work).toString(),
                    "-o", torrent.toString(), "-p", "16K"));
            args.addAll(List.of(options));
            Cli.run(args.toArray(String[]::new)).expect(ExitStatus.OK, "");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return torrent;
    }

    private void assertSameRelease(Path downloads) throws Exception {
        for (String file : new String[] {"readme.txt", "data/one.bin", "data/two.bin"}) {
            assertArrayEquals(Files.readAllBytes(work.resolve("release").resolve(file)),
                    Files.readAllBytes(downloads.resolve("release").resolve(file)), file);
        }
    }

    @Test
    void downloadFromALibtorrentSeed() throws Exception {
        RealTools.requireLibtorrent();
        Path torrent = release();
        try (RealPeer seed = RealPeer.start(List.of(RealTools.PYTHON, script("/interop/libtorrent-peer.py"), "seed",
                torrent.toString(), work.toString()), work.resolve("libtorrent.log"))) {
            int port = Integer.parseInt(seed.awaitLine("READY ", 60).split(" ")[1]);
            Cli.run("download", torrent.toString(), "-d", work.resolve("downloads").toString(), "--bind", "127.0.0.1",
                    "--port", "0", "--peer", "127.0.0.1:" + port, "--timeout", "60", "-q").expect(ExitStatus.OK, "");
        }
        assertSameRelease(work.resolve("downloads"));
    }

    @Test
    void downloadFromAMagnetLinkFetchingTheMetadataFromALibtorrentSeed_BEP9() throws Exception {
        RealTools.requireLibtorrent();
        // v1: a v2 file larger than a piece needs piece layers, which are not metadata (README)
        Path torrent = release("--meta-version", "v1");
        String hash = org.swarmport.peer.metainfo.MetainfoParser.parse(Files.readAllBytes(torrent)).infoHashV1()
                .orElseThrow().hex();
        try (RealPeer seed = RealPeer.start(List.of(RealTools.PYTHON, script("/interop/libtorrent-peer.py"), "seed",
                torrent.toString(), work.toString()), work.resolve("libtorrent.log"))) {
            int port = Integer.parseInt(seed.awaitLine("READY ", 60).split(" ")[1]);
            // the peer in the link itself (x.pe), as a magnet link copied from a site might carry it
            Cli result = Cli.run("download", "magnet:?xt=urn:btih:" + hash + "&dn=release&x.pe=127.0.0.1:" + port,
                    "-d", work.resolve("downloads").toString(), "--bind", "127.0.0.1", "--port", "0", "--timeout", "60",
                    "-q").expect(ExitStatus.OK, "");
            org.junit.jupiter.api.Assertions.assertTrue(result.out().contains("fetching the metadata of release"),
                    result.out());
        }
        assertSameRelease(work.resolve("downloads"));
    }

    @Test
    void downloadWithEncryptionRequiredFromALibtorrentSeedThatForcesRc4() throws Exception {
        RealTools.requireLibtorrent();
        try (RealPeer seed = RealPeer.start(List.of(RealTools.PYTHON,
                script("/crypto/libtorrent-encrypted-seed.py"), work.toString()), work.resolve("libtorrent-encrypted.log"))) {
            int port = Integer.parseInt(seed.awaitLine("READY ", 60).split(" ")[1]);
            Path downloads = work.resolve("downloads");
            Cli.run("download", work.resolve("seed.torrent").toString(), "-d", downloads.toString(), "--bind", "127.0.0.1",
                    "--port", "0", "--peer", "127.0.0.1:" + port, "--encryption", "required", "--timeout", "60", "-q")
                    .expect(ExitStatus.OK, "");
            assertArrayEquals(Files.readAllBytes(work.resolve("content.bin")), Files.readAllBytes(downloads.resolve("content.bin")));
        }
    }

    @Test
    void libtorrentDownloadsFromOurSeed() throws Exception {
        RealTools.requireLibtorrent();
        Path torrent = release();
        int port = TransferCommandsTest.freePort();
        Path theirs = work.resolve("libtorrent");
        try (Cli.Background seed = Cli.start("seed", torrent.toString(), "-d", work.toString(), "--bind", "127.0.0.1",
                "--port", Integer.toString(port), "-q")) {
            seed.awaitOut("on port " + port, 30);
            try (RealPeer leech = RealPeer.start(List.of(RealTools.PYTHON, script("/interop/libtorrent-peer.py"), "download",
                    torrent.toString(), theirs.toString(), "--peer", "127.0.0.1:" + port, "--timeout", "60"),
                    work.resolve("libtorrent.log"))) {
                leech.awaitLine("DONE", 90);
            }
            seed.stop().expect(ExitStatus.INTERRUPTED, "");
        }
        assertSameRelease(theirs);
    }
}
