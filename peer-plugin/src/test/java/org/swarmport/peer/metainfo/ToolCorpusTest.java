package org.swarmport.peer.metainfo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real .torrent files made by mktorrent, transmission-create and libtorrent
 * ({@code src/test/corpus/make-corpus.sh}), checked against what those tools themselves
 * report, recorded in {@code manifest.tsv}: our info-hashes must be theirs.
 */
class ToolCorpusTest {

    /** One manifest line: what libtorrent (and transmission-show) read from one file. */
    record Expected(String file, String v1, String v2, String transmission, String name, long totalLength,
                    long pieceLength, int pieces, boolean isPrivate, List<String> files) {

        @Override
        public String toString() {
            return file;
        }
    }

    static final String DIRECTORY = "/metainfo/tools/";

    static byte[] resource(String path) throws IOException {
        try (InputStream in = ToolCorpusTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("missing test resource " + path);
            }
            return in.readAllBytes();
        }
    }

    static List<Expected> manifest() throws IOException {
        List<Expected> expected = new ArrayList<>();
        for (String line : new String(resource(DIRECTORY + "manifest.tsv"), StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            expected.add(new Expected(f[0], f[1], f[2], f[3], f[4], Long.parseLong(f[5]), Long.parseLong(f[6]),
                    Integer.parseInt(f[7]), Boolean.parseBoolean(f[8]), List.of(f[9].split("\\|"))));
        }
        return expected;
    }

    /** The bytes of every file of the corpus. */
    static List<byte[]> files() throws IOException {
        List<byte[]> files = new ArrayList<>();
        for (Expected expected : manifest()) {
            files.add(resource(DIRECTORY + expected.file()));
        }
        return files;
    }

    static Stream<Expected> corpus() throws IOException {
        return manifest().stream();
    }

    @Test
    void theCorpusHoldsEveryKindFromEveryTool() throws IOException {
        List<Expected> all = manifest();
        assertEquals(11, all.size());
        assertTrue(all.stream().anyMatch(e -> e.file().startsWith("mktorrent-")));
        assertTrue(all.stream().anyMatch(e -> e.file().startsWith("transmission-")));
        assertTrue(all.stream().anyMatch(e -> e.file().startsWith("libtorrent-v2-")));
        assertTrue(all.stream().anyMatch(e -> e.file().startsWith("libtorrent-hybrid-")));
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void infoHashesAreTheOnesTheToolsReport_BEP3_BEP52(Expected expected) throws Exception {
        Metainfo metainfo = MetainfoParser.parse(resource(DIRECTORY + expected.file()));
        assertEquals(expected.v1(), metainfo.infoHashV1().map(InfoHash::hex).orElse("-"));
        assertEquals(expected.v2(), metainfo.infoHashV2().map(InfoHash::hex).orElse("-"));
        if (!expected.transmission().equals("unreadable")) {
            assertEquals(expected.transmission(), metainfo.infoHashV1().orElseThrow().hex());
        }
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void filesAndPiecesAreTheOnesTheToolsReport_BEP3_BEP52(Expected expected) throws Exception {
        Metainfo metainfo = MetainfoParser.parse(resource(DIRECTORY + expected.file()));
        assertEquals(expected.name(), metainfo.name());
        assertEquals(expected.totalLength(), metainfo.totalLength());
        assertEquals(expected.pieceLength(), metainfo.pieceLength());
        assertEquals(expected.pieces(), metainfo.pieceCount());
        assertEquals(expected.isPrivate(), metainfo.isPrivate());
        List<String> files = metainfo.contentFiles().stream().map(file -> file.path() + "=" + file.length()).toList();
        assertEquals(expected.files(), files);
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void versionFollowsTheKeysPresent_BEP52(Expected expected) throws Exception {
        Metainfo metainfo = MetainfoParser.parse(resource(DIRECTORY + expected.file()));
        MetainfoVersion version = expected.v1().equals("-") ? MetainfoVersion.V2
                : expected.v2().equals("-") ? MetainfoVersion.V1 : MetainfoVersion.HYBRID;
        assertEquals(version, metainfo.version());
        for (FileEntry file : metainfo.contentFiles()) {
            assertEquals(version.hasV2() && file.length() > 0, file.piecesRoot().isPresent(), file.path().toString());
            if (version.hasV2()) {
                assertEquals(0, file.offset() % metainfo.pieceLength(), "v2 files start at a piece boundary");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void rawBytesAreKeptExactly(Expected expected) throws Exception {
        byte[] torrent = resource(DIRECTORY + expected.file());
        Metainfo metainfo = MetainfoParser.parse(torrent);
        assertArrayEquals(torrent, metainfo.rawBytes());
        assertEquals(metainfo.bestInfoHash(), InfoHash.ofInfo(metainfo.bestInfoHash().version(),
                metainfo.infoBytes(), 0, metainfo.infoBytes().length));
    }

    @Test
    void trackersWebSeedsAndCommentAreRead_BEP12_BEP19() throws Exception {
        Metainfo mktorrent = MetainfoParser.parse(resource(DIRECTORY + "mktorrent-multi.torrent"));
        assertEquals(List.of(List.of("http://tracker.example/announce"), List.of("http://backup.example/announce")),
                mktorrent.trackerTiers());
        assertEquals(List.of("http://seed.example/files/"), mktorrent.webSeeds());
        assertEquals("made by mktorrent", mktorrent.comment().orElseThrow());
        assertEquals("mktorrent 1.1", mktorrent.createdBy().orElseThrow());
        assertFalse(mktorrent.creationDate().isPresent(), "mktorrent -d writes no date");

        Metainfo libtorrent = MetainfoParser.parse(resource(DIRECTORY + "libtorrent-hybrid-multi.torrent"));
        assertEquals(List.of(List.of("http://tracker.example/announce"), List.of("udp://backup.example:6969/announce")),
                libtorrent.trackerTiers());
        assertEquals(List.of("http://seed.example/files/"), libtorrent.webSeeds());
        assertTrue(libtorrent.creationDate().isPresent());
        assertTrue(libtorrent.isPrivate());
    }

    @Test
    void hybridPadFilesAlignEveryFileToAPiece_BEP47() throws Exception {
        Metainfo hybrid = MetainfoParser.parse(resource(DIRECTORY + "libtorrent-hybrid-multi.torrent"));
        List<FileEntry> pads = hybrid.files().stream().filter(FileEntry::padding).toList();
        assertEquals(3, pads.size());
        assertEquals("multi/.pad/31534", pads.get(0).path().toString());
        for (FileEntry file : hybrid.files()) {
            if (!file.padding() && file.length() > 0) {
                assertEquals(0, file.offset() % hybrid.pieceLength(), file.path().toString());
            }
        }
    }

    @Test
    void pieceLayersAreKeptForFilesLargerThanAPiece_BEP52() throws Exception {
        Metainfo v2 = MetainfoParser.parse(resource(DIRECTORY + "libtorrent-v2-multi.torrent"));
        FileEntry big = v2.contentFiles().stream().filter(f -> f.path().fileName().equals("b.bin")).findFirst().orElseThrow();
        assertEquals(3 * 32, v2.pieceLayer(big.piecesRoot().orElseThrow()).orElseThrow().length);
        FileEntry small = v2.contentFiles().stream().filter(f -> f.path().fileName().equals("a.txt")).findFirst().orElseThrow();
        assertTrue(v2.pieceLayer(small.piecesRoot().orElseThrow()).isEmpty());
    }
}
