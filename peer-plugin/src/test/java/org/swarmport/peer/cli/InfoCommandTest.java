package org.swarmport.peer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmport.peer.interop.RealTools;

/** {@code info} over the committed corpus: real tools' torrents shown right, broken ones refused with the parser's words. */
class InfoCommandTest {

    @TempDir
    Path work;

    static Path corpus(String path) throws Exception {
        return Path.of(InfoCommandTest.class.getResource("/metainfo/" + path).toURI());
    }

    @Test
    void textShowsHashesSizePiecesTrackersAndTheFileTree() throws Exception {
        Cli cli = Cli.run("info", corpus("tools/libtorrent-hybrid-multi.torrent").toString());
        assertEquals(ExitStatus.OK, cli.status(), cli.both());
        String out = cli.out();
        assertTrue(out.contains("name:         multi\n"), out);
        assertTrue(out.contains("info-hash v1: b6401410cae8917a1b3aff7f10763424785a9f60\n"), out);
        assertTrue(out.contains("info-hash v2: c3ca2a0fcc05ee7671b12a1359b5ed576a51b2f88bfc5470dd9f532d3ce56b46\n"), out);
        assertTrue(out.contains("meta version: hybrid v1 + v2 (BEP 52)\n"), out);
        assertTrue(out.contains("size:         101.6 KiB (104007 bytes) in 5 files\n"), out);
        assertTrue(out.contains("pieces:       6 x 32 KiB\n"), out);
        assertTrue(out.contains("private:      yes (BEP 27)\n"), out);
        assertTrue(out.contains("magnet:       magnet:?xt=urn:btih:b6401410cae8917a1b3aff7f10763424785a9f60"
                + "&xt=urn:btmh:1220c3ca2a0fcc05ee7671b12a1359b5ed576a51b2f88bfc5470dd9f532d3ce56b46&dn=multi"), out);
        assertTrue(out.contains("""
                files:
                  multi/
                  |-- a.txt  1.2 KiB
                  |-- sub/
                  |   |-- b.bin  68.4 KiB
                  |   |-- deeper/
                  |   |   `-- c.bin  32 KiB
                  |   `-- empty.txt  0 B
                  `-- z.dat  5 B
                """), out);
        assertTrue(!out.contains(".pad"), "pad files are not content");
    }

    @Test
    void trackersAndWebSeedsAreListedByTier_BEP12_BEP19() throws Exception {
        Path content = CreateCommandTest.multiFileContent(work);
        Path torrent = work.resolve("t.torrent");
        Cli.run("create", content.toString(), "-o", torrent.toString(), "-t", "http://a/announce,http://b/announce",
                "-t", "udp://c:80", "-w", "http://w/", "-c", "note");
        String out = Cli.run("info", torrent.toString()).out();
        assertTrue(out.contains("trackers:     tier 1: http://a/announce, http://b/announce\n"
                + "              tier 2: udp://c:80\n"), out);
        assertTrue(out.contains("web seeds:    http://w/\n"), out);
        assertTrue(out.contains("comment:      note\n"), out);
    }

    @Test
    void jsonIsValidAndCarriesTheSameFacts() throws Exception {
        Cli cli = Cli.run("info", "--json", corpus("tools/libtorrent-hybrid-multi.torrent").toString());
        assertEquals(ExitStatus.OK, cli.status(), cli.both());
        Path json = Files.writeString(work.resolve("info.json"), cli.out());
        // A real JSON parser reads it: Python's, present wherever the interop tests run.
        RealTools.requireCommand("python3", "python3");
        List<String> read = RealTools.output(List.of(RealTools.PYTHON, "-c", String.join("\n",
                "import json, sys",
                "d = json.load(open(sys.argv[1]))",
                "print(d['name'], d['metaVersion'], d['infoHashV1'], d['pieceCount'], d['private'], d['totalLength'])",
                "print('|'.join('/'.join(f['path']) + '=' + str(f['length']) for f in d['files']))",
                "print(d['magnet'].startswith('magnet:?xt=urn:btih:' + d['infoHashV1']))"), json.toString()), 30);
        assertEquals(List.of("multi hybrid b6401410cae8917a1b3aff7f10763424785a9f60 6 True 104007",
                "multi/a.txt=1234|multi/sub/b.bin=70000|multi/sub/deeper/c.bin=32768|multi/sub/empty.txt=0|multi/z.dat=5",
                "True"), read);
    }

    @Test
    void jsonEscapesNamesWithQuotesAndControlCharacters() {
        String json = Json.write(java.util.Map.of("name", "a \"b\" \\ c\n\u0001"));
        assertEquals("{\n  \"name\": \"a \\\"b\\\" \\\\ c\\n\\u0001\"\n}", json);
    }

    @Test
    void everyBrokenTorrentOfTheHostileCorpusGetsTheParsersMessage() throws Exception {
        Path directory = corpus("hostile");
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (String line : Files.readAllLines(directory.resolve("expected.tsv"))) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] columns = line.split("\t");
            Path torrent = directory.resolve(columns[0]);
            Cli cli = Cli.run("info", torrent.toString());
            String expected = "swarmport-peer info: " + torrent + ": not a valid torrent: " + columns[1] + "\n";
            if (cli.status() != ExitStatus.FAILURE || !cli.err().equals(expected) || !cli.out().isEmpty()) {
                mismatches.add(columns[0] + ": " + cli.both());
            }
            checked++;
        }
        assertTrue(checked >= 40, "cases: " + checked);
        assertEquals(List.of(), mismatches);
    }

    @Test
    void missingFileAndDirectoryFailWithoutAStackTrace() throws Exception {
        Cli missing = Cli.run("info", work.resolve("nope.torrent").toString());
        assertEquals(ExitStatus.FAILURE, missing.status());
        assertEquals("swarmport-peer info: " + work.resolve("nope.torrent") + ": no such file\n", missing.err());
        Cli directory = Cli.run("info", work.toString());
        assertEquals(ExitStatus.FAILURE, directory.status());
        assertEquals("swarmport-peer info: " + work + ": is a directory, not a .torrent file\n", directory.err());
    }

    @Test
    void fileOverTheBencodeLimitIsRefusedBeforeBeingRead() throws Exception {
        Path huge = work.resolve("huge.torrent");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength((64L << 20) + 1); // sparse: costs no disk
        }
        Cli cli = Cli.run("info", huge.toString());
        assertEquals(ExitStatus.FAILURE, cli.status(), cli.both());
        assertEquals("swarmport-peer info: " + huge + ": 64.0 MiB is too large for a .torrent file (limit 64 MiB)\n",
                cli.err());
    }
}
