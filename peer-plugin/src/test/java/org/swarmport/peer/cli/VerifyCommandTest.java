package org.swarmport.peer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.swarmport.peer.metainfo.CorpusContent;
import org.swarmport.peer.metainfo.FilePath;

/** {@code verify}: matching content ends with 0, missing or damaged content with 3 and the files named. */
class VerifyCommandTest {

    @TempDir
    Path work;

    private Path torrentOf(Path content, String... options) {
        Path torrent = work.resolve("release.torrent");
        String[] args = new String[4 + options.length];
        args[0] = "create";
        args[1] = content.toString();
        args[2] = "-o";
        args[3] = torrent.toString();
        System.arraycopy(options, 0, args, 4, options.length);
        Cli cli = Cli.run(args);
        assertEquals(ExitStatus.OK, cli.status(), cli.both());
        return torrent;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"v1", "v2", "hybrid"})
    void contentThatMatchesIsComplete(String version) throws Exception {
        Path content = CreateCommandTest.multiFileContent(work);
        Path torrent = torrentOf(content, "--meta-version", version, "-p", "16K");
        Cli cli = Cli.run("verify", torrent.toString(), "-d", work.toString());
        assertEquals(ExitStatus.OK, cli.status(), cli.both());
        assertTrue(cli.out().startsWith("complete: all "), cli.both());
        assertTrue(cli.out().contains(" pieces of release match"), cli.both());
        assertTrue(cli.err().contains("verifying [##############################] 100%"), cli.both());
    }

    @Test
    void quietDrawsNoProgressBar() throws Exception {
        Path torrent = torrentOf(CreateCommandTest.multiFileContent(work));
        Cli cli = Cli.run("verify", "-q", torrent.toString(), "-d", work.toString());
        assertEquals(ExitStatus.OK, cli.status(), cli.both());
        assertEquals("", cli.err());
    }

    @Test
    void oneDamagedByteFailsVerificationAndNamesTheFile() throws Exception {
        Path content = CreateCommandTest.multiFileContent(work);
        Path torrent = torrentOf(content, "--meta-version", "v1", "-p", "16K");
        Path two = content.resolve("data/two.bin");
        byte[] bytes = Files.readAllBytes(two);
        bytes[50_000] ^= 1;
        Files.write(two, bytes);
        Cli cli = Cli.run("verify", "-q", torrent.toString(), "-d", work.toString());
        assertEquals(ExitStatus.VERIFICATION_FAILED, cli.status(), cli.both());
        assertTrue(cli.out().contains("damaged: release/data/two.bin (1 of "), cli.both());
        assertTrue(!cli.out().contains("one.bin") && !cli.out().contains("readme"), cli.both());
    }

    @Test
    void missingFileFailsVerificationAndIsCalledMissing() throws Exception {
        Path content = CreateCommandTest.multiFileContent(work);
        Path torrent = torrentOf(content);
        Files.delete(content.resolve("readme.txt"));
        Cli cli = Cli.run("verify", "-q", torrent.toString(), "-d", work.toString());
        assertEquals(ExitStatus.VERIFICATION_FAILED, cli.status(), cli.both());
        assertTrue(cli.out().contains("missing: release/readme.txt (1 of 1 pieces)"), cli.both());
    }

    @Test
    void fileLongerThanTheTorrentSaysVerifiesWithANote() throws Exception {
        Path content = CreateCommandTest.multiFileContent(work);
        Path torrent = torrentOf(content);
        Files.writeString(content.resolve("readme.txt"), "hello, and more");
        Cli cli = Cli.run("verify", "-q", torrent.toString(), "-d", work.toString());
        assertEquals(ExitStatus.OK, cli.status(), cli.both());
        assertEquals("swarmport-peer verify: note: release/readme.txt is 15 bytes on disk, the torrent has 5; "
                + "the rest is not checked\n", cli.err());
    }

    @Test
    void wrongDirectoryFindsNothing() throws Exception {
        Path torrent = torrentOf(CreateCommandTest.multiFileContent(work));
        Path elsewhere = Files.createDirectories(work.resolve("elsewhere"));
        Cli cli = Cli.run("verify", "-q", torrent.toString(), "-d", elsewhere.toString());
        assertEquals(ExitStatus.VERIFICATION_FAILED, cli.status(), cli.both());
        assertTrue(cli.out().startsWith("incomplete: 0 of "), cli.both());
        try (var left = Files.list(elsewhere)) {
            assertEquals(0, left.count(), "verify creates nothing, not even resume data");
        }
    }

    @Test
    void absentDirectoryFails() throws Exception {
        Path torrent = torrentOf(CreateCommandTest.multiFileContent(work));
        Cli cli = Cli.run("verify", torrent.toString(), "-d", work.resolve("absent").toString());
        assertEquals(ExitStatus.FAILURE, cli.status(), cli.both());
        assertEquals("swarmport-peer verify: " + work.resolve("absent") + ": no such directory\n", cli.err());
    }

    @Test
    void brokenTorrentFailsWithTheParsersMessage() throws Exception {
        Path torrent = InfoCommandTest.corpus("hostile/path-dot-dot.torrent");
        Cli cli = Cli.run("verify", torrent.toString(), "-d", work.toString());
        assertEquals(ExitStatus.FAILURE, cli.status(), cli.both());
        assertTrue(cli.err().startsWith("swarmport-peer verify: " + torrent + ": not a valid torrent: metainfo: "), cli.both());
        assertTrue(cli.err().contains("'..'"), cli.both());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"libtorrent-v1-multi", "libtorrent-v2-multi", "libtorrent-hybrid-multi", "mktorrent-multi",
        "transmission-multi"})
    void contentHashedByRealToolsVerifies(String name) throws Exception {
        for (Map.Entry<FilePath, byte[]> file : CorpusContent.multi().entrySet()) {
            Path target = work.resolve("multi").resolve(file.getKey().toString());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
        Cli cli = Cli.run("verify", "-q", InfoCommandTest.corpus("tools/" + name + ".torrent").toString(), "-d", work.toString());
        assertEquals(ExitStatus.OK, cli.status(), cli.both());
    }
}
