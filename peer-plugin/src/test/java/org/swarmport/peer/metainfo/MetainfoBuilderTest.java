package org.swarmport.peer.metainfo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetainfoBuilderTest {

    private static final long KIB = 1024;
    private static final long MIB = 1024 * KIB;

    private static Metainfo corpus(String file) throws Exception {
        return MetainfoParser.parse(ToolCorpusTest.resource(ToolCorpusTest.DIRECTORY + file));
    }

    @Test
    void v2SingleFileIsByteForByteLibtorrentsInfoDictionary_BEP52() throws Exception {
        Metainfo ours = MetainfoBuilder.singleFile("single.bin", ContentSource.of(CorpusContent.single()))
                .version(MetainfoVersion.V2).pieceLength(16 * KIB).build();
        Metainfo libtorrent = corpus("libtorrent-v2-single.torrent");
        assertArrayEquals(libtorrent.infoBytes(), ours.infoBytes());
        assertEquals("00cbdc55e277408586d70c2574953b20fd92001185088466e19f1964e5050290", ours.infoHashV2().orElseThrow().hex());
        FileEntry file = ours.files().get(0);
        assertArrayEquals(libtorrent.pieceLayer(file.piecesRoot().orElseThrow()).orElseThrow(),
                ours.pieceLayer(file.piecesRoot().orElseThrow()).orElseThrow());
    }

    @Test
    void v2MultiFileIsByteForByteLibtorrentsInfoDictionary_BEP52() throws Exception {
        Metainfo ours = CorpusContent.multiBuilder().version(MetainfoVersion.V2).pieceLength(32 * KIB).build();
        assertEquals("7e6182e08d26560be726af1a637dda734f80c007b5b2b4a5b10fd59433c5633c", ours.infoHashV2().orElseThrow().hex());
        assertArrayEquals(corpus("libtorrent-v2-multi.torrent").infoBytes(), ours.infoBytes());
    }

    @Test
    void v1SingleFileHasTheInfoHashOfMktorrentAndLibtorrent_BEP3() throws Exception {
        Metainfo at32 = MetainfoBuilder.singleFile("single.bin", ContentSource.of(CorpusContent.single()))
                .version(MetainfoVersion.V1).pieceLength(32 * KIB).build();
        assertEquals("dbaa08befbf2baf1a594c835201295a00b33fdbc", at32.infoHashV1().orElseThrow().hex(), "mktorrent -l 15");
        Metainfo at16 = MetainfoBuilder.singleFile("single.bin", ContentSource.of(CorpusContent.single()))
                .version(MetainfoVersion.V1).pieceLength(16 * KIB).build();
        assertEquals("6d7bbe3fe4a0f04b992be4c654b60e3759728348", at16.infoHashV1().orElseThrow().hex(), "libtorrent v1_only");
    }

    @Test
    void hybridSingleFileIsByteForByteLibtorrentsInfoDictionary_BEP52() throws Exception {
        // One file needs no pad, so here libtorrent's hybrid and ours are the same bytes.
        Metainfo ours = MetainfoBuilder.singleFile("single.bin", ContentSource.of(CorpusContent.single())).build();
        assertEquals(16 * KIB, ours.pieceLength(), "chosen automatically");
        assertArrayEquals(corpus("libtorrent-hybrid-single.torrent").infoBytes(), ours.infoBytes());
        assertEquals("c3a6db36c49fb5e732c1725f209bc461e7091512", ours.infoHashV1().orElseThrow().hex());
    }

    @Test
    void hybridHasLibtorrentsPieceHashesAndRootsButNoTailPad_BEP52_BEP47() throws Exception {
        Metainfo ours = CorpusContent.multiBuilder().pieceLength(32 * KIB).build();
        Metainfo libtorrent = corpus("libtorrent-hybrid-multi.torrent");
        assertEquals(MetainfoVersion.HYBRID, ours.version());
        assertEquals(libtorrent.pieceCount(), ours.pieceCount());
        // libtorrent pads after the last file too; that changes only the last piece's SHA-1.
        for (int piece = 0; piece < ours.pieceCount() - 1; piece++) {
            assertArrayEquals(libtorrent.pieceHashV1(piece), ours.pieceHashV1(piece), "piece " + piece);
        }
        assertEquals(libtorrent.contentFiles().stream().map(FileEntry::piecesRoot).toList(),
                ours.contentFiles().stream().map(FileEntry::piecesRoot).toList());
        List<FileEntry> files = ours.files();
        assertFalse(files.get(files.size() - 1).padding(), "no pad after the last file");
        assertEquals(List.of("multi/a.txt", "multi/.pad/31534", "multi/sub/b.bin", "multi/.pad/28304",
                "multi/sub/deeper/c.bin", "multi/sub/empty.txt", "multi/z.dat"),
                files.stream().map(file -> file.path().toString()).toList());
    }

    @Test
    void outputIsDeterministic() throws Exception {
        byte[] first = CorpusContent.multiBuilder().tracker("http://t.example/announce").build().rawBytes();
        byte[] second = CorpusContent.multiBuilder().tracker("http://t.example/announce").build().rawBytes();
        assertArrayEquals(first, second);
    }

    @Test
    void filesAreSortedIntoTheFileTreeOrderWhateverOrderTheyWereAddedIn_BEP52() throws Exception {
        MetainfoBuilder reversed = MetainfoBuilder.directory("multi");
        List<Map.Entry<FilePath, byte[]>> entries = List.copyOf(CorpusContent.multi().entrySet());
        for (int i = entries.size() - 1; i >= 0; i--) {
            reversed.add(entries.get(i).getKey(), ContentSource.of(entries.get(i).getValue()));
        }
        assertArrayEquals(CorpusContent.multiBuilder().build().rawBytes(), reversed.build().rawBytes());
    }

    @Test
    void metadataOutsideTheInfoDictionaryIsWritten_BEP12_BEP19_BEP27() throws Exception {
        Metainfo torrent = MetainfoBuilder.singleFile("f.bin", ContentSource.of(new byte[40_000]))
                .trackerTier(List.of("http://a.example/announce", "http://b.example/announce"))
                .tracker("udp://c.example:6969")
                .webSeed("http://seed.example/f.bin")
                .privateTorrent(true)
                .comment("a comment")
                .createdBy("Swarmport")
                .creationDate(Instant.ofEpochSecond(1_700_000_000))
                .build();
        assertEquals(List.of(List.of("http://a.example/announce", "http://b.example/announce"), List.of("udp://c.example:6969")),
                torrent.trackerTiers());
        assertEquals(List.of("http://seed.example/f.bin"), torrent.webSeeds());
        assertTrue(torrent.isPrivate());
        assertEquals("a comment", torrent.comment().orElseThrow());
        assertEquals("Swarmport", torrent.createdBy().orElseThrow());
        assertEquals(Instant.ofEpochSecond(1_700_000_000), torrent.creationDate().orElseThrow());
        assertTrue(torrent.isSingleFile());
    }

    @Test
    void thePrivateFlagChangesTheInfoHash_BEP27() throws Exception {
        InfoHash open = MetainfoBuilder.singleFile("f", ContentSource.of(new byte[10])).build().bestInfoHash();
        InfoHash closed = MetainfoBuilder.singleFile("f", ContentSource.of(new byte[10])).privateTorrent(true).build()
                .bestInfoHash();
        assertFalse(open.equals(closed));
    }

    @Test
    void automaticPieceLengthAimsAtOneToTwoThousandPowerOfTwoPieces() {
        assertEquals(16 * KIB, MetainfoBuilder.automaticPieceLength(1));
        assertEquals(16 * KIB, MetainfoBuilder.automaticPieceLength(2000 * 16 * KIB));
        assertEquals(32 * KIB, MetainfoBuilder.automaticPieceLength(2000 * 16 * KIB + 1));
        for (long total = 64 * MIB; total <= 32 * 1024 * MIB; total = total * 3 / 2) {
            long length = MetainfoBuilder.automaticPieceLength(total);
            long pieces = (total + length - 1) / length;
            assertEquals(1, Long.bitCount(length));
            assertTrue(pieces > 1000 && pieces <= 2000, total + " bytes gave " + pieces + " pieces");
        }
        assertEquals(16 * MIB, MetainfoBuilder.automaticPieceLength(1L << 50));
    }

    @Test
    void aV2PieceLengthMustBeAPowerOfTwoOfAtLeast16KiB_BEP52() throws Exception {
        MetainfoBuilder builder = MetainfoBuilder.singleFile("f", ContentSource.of(new byte[10])).pieceLength(20_000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
        assertTrue(e.getMessage().contains("power of two"), e.getMessage());
        // v1 allows any positive piece length (BEP 3 only says "almost always a power of two").
        assertEquals(20_000, builder.version(MetainfoVersion.V1).build().pieceLength());
    }

    @Test
    void contentThatCannotMakeATorrentIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> MetainfoBuilder.singleFile("empty", ContentSource.of(new byte[0])).build());
        assertThrows(IllegalArgumentException.class, () -> MetainfoBuilder.directory("d")
                .add(FilePath.of("a"), ContentSource.of(new byte[1]))
                .add(FilePath.of("a"), ContentSource.of(new byte[2])).build());
        assertThrows(IllegalArgumentException.class, () -> MetainfoBuilder.directory("d")
                .add(FilePath.of("a"), ContentSource.of(new byte[1]))
                .add(FilePath.of("a", "b"), ContentSource.of(new byte[2])).build());
        assertThrows(IllegalArgumentException.class, () -> MetainfoBuilder.directory(".."));
        assertThrows(IllegalArgumentException.class, () -> MetainfoBuilder.directory("CON"));
    }

    @Test
    void aSourceThatChangesLengthWhileHashedIsAnIoError() {
        ContentSource liar = new ContentSource() {
            @Override
            public long length() {
                return 100;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(new byte[99]);
            }
        };
        IOException e = assertThrows(IOException.class, () -> MetainfoBuilder.singleFile("f", liar).build());
        assertTrue(e.getMessage().contains("changed while it was hashed"), e.getMessage());
    }

    @Test
    void aDirectoryOnDiskHashesLikeTheSameBytesInMemory(@TempDir Path temp) throws Exception {
        Path root = temp.resolve("multi");
        for (Map.Entry<FilePath, byte[]> file : CorpusContent.multi().entrySet()) {
            Path target = root.resolve(String.join("/", file.getKey().components()));
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
        // A file far larger than the read buffer, so hashing streams over many reads and pieces.
        byte[] large = CorpusContent.bytes(3 * 1024 * 1024 + 12_345, "large");
        Files.write(root.resolve("sub").resolve("large.bin"), large);

        Metainfo fromDisk = MetainfoBuilder.of(root).pieceLength(64 * KIB).build();
        Metainfo inMemory = CorpusContent.multiBuilder().add(FilePath.of("sub", "large.bin"), ContentSource.of(large))
                .pieceLength(64 * KIB).build();
        assertArrayEquals(inMemory.rawBytes(), fromDisk.rawBytes());
        assertEquals("multi", fromDisk.name());
        assertEquals(6, fromDisk.contentFiles().size());
    }

    @Test
    void aSingleFileOnDiskMakesASingleFileTorrent(@TempDir Path temp) throws Exception {
        Path file = temp.resolve("single.bin");
        Files.write(file, CorpusContent.single());
        Metainfo torrent = MetainfoBuilder.of(file).version(MetainfoVersion.V1).pieceLength(32 * KIB).build();
        assertEquals("dbaa08befbf2baf1a594c835201295a00b33fdbc", torrent.infoHashV1().orElseThrow().hex());
    }
}
