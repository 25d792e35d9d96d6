package org.swarmport.peer.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.swarmport.peer.metainfo.ContentSource;
import org.swarmport.peer.metainfo.FileEntry;
import org.swarmport.peer.metainfo.FilePath;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.metainfo.MetainfoBuilder;
import org.swarmport.peer.metainfo.MetainfoParser;
import org.swarmport.peer.metainfo.MetainfoVersion;

class PieceGeometryTest {

    private static final int KIB = 1024;

    private static Metainfo twoFiles(MetainfoVersion version) throws Exception {
        return MetainfoBuilder.directory("two")
                .add(FilePath.of("a"), ContentSource.of(new byte[20 * KIB]))
                .add(FilePath.of("b"), ContentSource.of(new byte[40 * KIB]))
                .pieceLength(32 * KIB)
                .version(version)
                .build();
    }

    @Test
    void lastPieceOfAV1TorrentIsShortAndSoIsItsLastBlock_BEP3() {
        PieceGeometry geometry = PieceGeometry.uniform(3, 40_000, 100_000);
        assertEquals(40_000, geometry.dataLength(0));
        assertEquals(20_000, geometry.dataLength(2));
        assertEquals(3, geometry.blockCount(0));
        assertEquals(new Block(0, 32 * KIB, 40_000 - 32 * KIB), geometry.block(0, 2));
        assertEquals(2, geometry.blockCount(2));
        assertEquals(new Block(2, 16 * KIB, 20_000 - 16 * KIB), geometry.block(2, 1));
    }

    /** Data and piece-space length of each piece, in KiB. */
    private static void assertLengths(PieceGeometry geometry, int[] dataKib, int[] spaceKib) {
        assertEquals(dataKib.length, geometry.pieceCount());
        for (int piece = 0; piece < dataKib.length; piece++) {
            assertEquals(dataKib[piece] * KIB, geometry.dataLength(piece), "data of piece " + piece);
            assertEquals(spaceKib[piece] * KIB, geometry.pieceLength(piece), "space of piece " + piece);
        }
    }

    @Test
    void v2OnlyTorrentsRequestAShortLastPieceInEveryFileButKeepItsGapInPieceSpace_BEP52() throws Exception {
        PieceGeometry geometry = PieceGeometry.of(twoFiles(MetainfoVersion.V2));
        assertLengths(geometry, new int[] {20, 32, 8}, new int[] {32, 32, 8});
        assertEquals(new Block(0, 16 * KIB, 4 * KIB), geometry.block(0, 1));
    }

    @Test
    void padFilesOfHybridTorrentsAreNotRequestedButStayInThePiece_BEP47() throws Exception {
        Metainfo hybrid = twoFiles(MetainfoVersion.HYBRID);
        assertTrue(hybrid.files().stream().anyMatch(file -> file.padding()), "the builder pads a hybrid torrent");
        PieceGeometry geometry = PieceGeometry.of(hybrid);
        assertLengths(geometry, new int[] {20, 32, 8}, new int[] {32, 32, 8});
        assertEquals(new Block(0, 16 * KIB, 4 * KIB), geometry.block(0, 1));
    }

    @Test
    void v1TorrentsLetPiecesStraddleFiles_BEP3() throws Exception {
        assertLengths(PieceGeometry.of(twoFiles(MetainfoVersion.V1)), new int[] {32, 28}, new int[] {32, 28});
    }

    /** Real torrents of the tools: the requested bytes of all pieces are exactly the content, padding left out. */
    @ParameterizedTest
    @ValueSource(strings = {"libtorrent-v1-multi", "libtorrent-v2-multi", "libtorrent-hybrid-multi", "libtorrent-hybrid-single",
            "mktorrent-multi", "transmission-multi"})
    void requestedBytesOfToolTorrentsAreTheirContent(String name) throws Exception {
        Metainfo metainfo;
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/metainfo/tools/" + name + ".torrent"))) {
            metainfo = MetainfoParser.parse(in.readAllBytes());
        }
        PieceGeometry geometry = PieceGeometry.of(metainfo);
        long requested = 0;
        long space = 0;
        for (int piece = 0; piece < geometry.pieceCount(); piece++) {
            requested += geometry.dataLength(piece);
            int blocks = geometry.blockCount(piece);
            Block last = geometry.block(piece, blocks - 1);
            assertEquals(geometry.dataLength(piece), last.offset() + last.length());
            assertTrue(geometry.dataLength(piece) <= geometry.pieceLength(piece));
            space += geometry.pieceLength(piece);
        }
        FileEntry lastFile = metainfo.files().get(metainfo.files().size() - 1);
        assertEquals(lastFile.offset() + lastFile.length(), space, "pieces cover the piece space");
        assertEquals(metainfo.totalLength(), requested);
    }

    @Test
    void onlyExactBlocksOfTheTorrentAreBlocks() {
        PieceGeometry geometry = PieceGeometry.uniform(3, 40_000, 100_000);
        assertTrue(geometry.isBlock(new Block(1, 0, 16 * KIB)));
        assertFalse(geometry.isBlock(new Block(1, 0, 100)), "short block inside a piece");
        assertFalse(geometry.isBlock(new Block(1, 32 * KIB, 16 * KIB)), "runs past the end of the piece");
        assertFalse(geometry.isBlock(new Block(2, 32 * KIB, 1)), "starts past the end of the last piece");
        assertFalse(geometry.isBlock(new Block(3, 0, 16 * KIB)), "no such piece");
        assertThrows(IllegalArgumentException.class, () -> new Block(0, 100, 16 * KIB));
        assertThrows(IllegalArgumentException.class, () -> new Block(0, 0, 16 * KIB + 1));
    }

    @Test
    void refusesInconsistentLayouts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PieceGeometry.uniform(2, 40_000, 100_000));
        assertEquals("100000 bytes in pieces of 40000 make 3 pieces, not 2", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PieceGeometry.uniform(1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> PieceGeometry.uniform(1, 1L << 31, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> PieceGeometry.uniform(3, 40_000, 100_000).block(2, 2));
    }
}
