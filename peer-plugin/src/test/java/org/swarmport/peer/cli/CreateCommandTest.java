package org.swarmport.peer.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.metainfo.MetainfoParser;
import org.swarmport.peer.metainfo.MetainfoVersion;

/** {@code create}: every option lands in the torrent, and every mistake gets its status and message. */
class CreateCommandTest {

    @TempDir
    Path work;

    static Path multiFileContent(Path parent) throws IOException {
        Path root = Files.createDirectories(parent.resolve("release"));
        Files.write(root.resolve("readme.txt"), "hello".getBytes());
        Files.createDirectories(root.resolve("data"));
        Files.write(root.resolve("data/one.bin"), org.swarmport.peer.metainfo.CorpusContent.bytes(40_000, "one"));
        Files.write(root.resolve("data/two.bin"), org.swarmport.peer.metainfo.CorpusContent.bytes(70_001, "two"));
        return root;
    }

    private Metainfo parse(Path torrent) throws Exception {
        return MetainfoParser.parse(Files.readAllBytes(torrent));
    }

    @Test
    void everyOptionLandsInTheTorrent_BEP12_BEP19_BEP27() throws Exception {
        Path content = multiFileContent(work);
        Path out = work.resolve("out.torrent");
        Cli cli = Cli.run("create", content.toString(), "-o", out.toString(), "--meta-version", "v1",
                "-p", "32K", "-t", "http://a.example/announce,http://b.example/announce", "-t", "udp://c.example:1337",
                "-w", "http://seed.example/files/", "--private", "-c", "first release", "--created-by", "tests");
        assertEquals(ExitStatus.OK, cli.status(), cli.both());
        Metainfo torrent = parse(out);
        assertEquals(MetainfoVersion.V1, torrent.version());
        assertEquals(32 * 1024, torrent.pieceLength());
        assertEquals(List.of(List.of("http://a.example/announce", "http://b.example/announce"),
                List.of("udp://c.example:1337")), torrent.trackerTiers());
        assertEquals(List.of("http://seed.example/files/"), torrent.webSeeds());
        assertTrue(torrent.isPrivate());
        assertEquals("first release", torrent.comment().orElseThrow());
        assertEquals("tests", torrent.createdBy().orElseThrow());
        assertTrue(torrent.creationDate().isEmpty(), "no date unless asked");
        assertEquals(3, torrent.contentFiles().size());
        assertTrue(cli.out().contains("info-hash v1: " + torrent.infoHashV1().orElseThrow().hex()), cli.out());
        assertFalse(cli.out().contains("info-hash v2"), cli.out());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"v1", "v2", "hybrid", "HYBRID"})
    void eachMetaVersionIsWritten_BEP52(String version) throws Exception {
        Path content = multiFileContent(work);
        Path out = work.resolve("x.torrent");
        Cli cli = Cli.run("create", content.toString(), "-o", out.toString(), "--meta-version", version);
        assertEquals(ExitStatus.OK, cli.status(), cli.both());
        assertEquals(MetainfoVersion.valueOf(version.toUpperCase()), parse(out).version());
    }

    @Test
    void defaultOutputIsTheNameWithDotTorrentAndHybrid() throws Exception {
        Path content = multiFileContent(work);
        Cli cli = Cli.run("create", content.toString());
        Path expected = Path.of("release.torrent");
        try {
            assertEquals(ExitStatus.OK, cli.status(), cli.both());
            Metainfo torrent = parse(expected);
            assertEquals(MetainfoVersion.HYBRID, torrent.version());
            assertTrue(cli.out().contains("info-hash v2: " + torrent.infoHashV2().orElseThrow().hex()), cli.out());
        } finally {
            Files.deleteIfExists(expected);
        }
    }

    @Test
    void sameContentAndOptionsGiveTheSameBytes_withDateOnlyTheFileChanges() throws Exception {
        Path content = multiFileContent(work);
        Path a = work.resolve("a.torrent");
        Path b = work.resolve("b.torrent");
        Path dated = work.resolve("dated.torrent");
        assertEquals(ExitStatus.OK, Cli.run("create", content.toString(), "-o", a.toString()).status());
        assertEquals(ExitStatus.OK, Cli.run("create", content.toString(), "-o", b.toString()).status());
        assertEquals(ExitStatus.OK, Cli.run("create", content.toString(), "-o", dated.toString(), "--date").status());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertTrue(parse(dated).creationDate().isPresent());
        assertEquals(parse(a).infoHashV1(), parse(dated).infoHashV1(), "the date is outside the info dictionary");
    }

    @Test
    void existingOutputIsKeptUnlessForced() throws Exception {
        Path content = multiFileContent(work);
        Path out = Files.writeString(work.resolve("taken.torrent"), "precious");
        Cli refused = Cli.run("create", content.toString(), "-o", out.toString());
        assertEquals(ExitStatus.FAILURE, refused.status(), refused.both());
        assertEquals("swarmport-peer create: " + out + " exists; use --force to replace it\n", refused.err());
        assertEquals("precious", Files.readString(out));
        Cli forced = Cli.run("create", content.toString(), "-o", out.toString(), "--force");
        assertEquals(ExitStatus.OK, forced.status(), forced.both());
        parse(out);
        try (var left = Files.list(work)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no temporary file left");
        }
    }

    @Test
    void missingContentFails() {
        Cli cli = Cli.run("create", work.resolve("nothing-here").toString(), "-o", work.resolve("o.torrent").toString());
        assertEquals(ExitStatus.FAILURE, cli.status(), cli.both());
        assertEquals("swarmport-peer create: " + work.resolve("nothing-here") + ": no such file or directory\n", cli.err());
    }

    @Test
    void contentOfOnlyEmptyFilesFailsWithTheBuildersReason() throws Exception {
        Path empty = Files.createDirectories(work.resolve("empty"));
        Files.write(empty.resolve("zero"), new byte[0]);
        Cli cli = Cli.run("create", empty.toString(), "-o", work.resolve("o.torrent").toString());
        assertEquals(ExitStatus.FAILURE, cli.status(), cli.both());
        assertTrue(cli.err().contains("the torrent would hold no data: every file is empty"), cli.both());
        assertFalse(Files.exists(work.resolve("o.torrent")));
    }

    /** {@code create} of fresh multi-file content to {@code o.torrent}, with {@code options}. */
    private Cli createWith(String... options) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("create", multiFileContent(work).toString(),
                "-o", work.resolve("o.torrent").toString(), "--force"));
        args.addAll(List.of(options));
        return Cli.run(args.toArray(String[]::new));
    }

    @ParameterizedTest(name = "--piece-length {0}")
    @ValueSource(strings = {"abc", "12X", "-5", "", "1234567890123456K"})
    void unreadablePieceLengthIsAUsageError(String value) throws Exception {
        createWith("-p", value).expect(ExitStatus.USAGE, "is not a size");
    }

    @Test
    void hybridPieceLengthThatIsNotAPowerOfTwoIsAUsageError_BEP52() throws Exception {
        createWith("-p", "100000").expect(ExitStatus.USAGE,
                "--piece-length of a hybrid torrent must be a power of two of at least 16 KiB (BEP 52), not 100000");
    }

    @Test
    void v1AcceptsAnyPieceLengthTheParserAllows() throws Exception {
        createWith("-p", "100000", "--meta-version", "v1").expect(ExitStatus.OK, "");
        assertEquals(100_000, parse(work.resolve("o.torrent")).pieceLength());
        createWith("-p", "0", "--meta-version", "v1").expect(ExitStatus.USAGE, "--piece-length: piece length must be within 1..");
    }

    @Test
    void blankTrackerIsAUsageError() throws Exception {
        createWith("-t", "http://a.example/,  ").expect(ExitStatus.USAGE, "tracker URL is blank");
    }

    @Test
    void unknownMetaVersionIsAUsageError() throws Exception {
        createWith("--meta-version", "v3").expect(ExitStatus.USAGE, "expected one of [V1, V2, HYBRID]");
    }
}
