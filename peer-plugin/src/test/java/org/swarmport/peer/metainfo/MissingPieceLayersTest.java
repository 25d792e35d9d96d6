package org.swarmport.peer.metainfo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A v2 info dictionary from a magnet link (BEP 9) lacks the piece layers BEP 52 keeps outside
 * it: what is missing, and the torrent once peers sent them.
 */
class MissingPieceLayersTest {

    private static final long PIECE = 16 * 1024;

    private static ContentSource bytes(int length, long seed) {
        byte[] content = new byte[length];
        new Random(seed).nextBytes(content);
        return ContentSource.of(content);
    }

    private static Metainfo torrent(MetainfoVersion version) throws Exception {
        return MetainfoBuilder.directory("set")
                .add(FilePath.of(List.of("big.bin")), bytes(5 * 16384 + 100, 1))
                .add(FilePath.of(List.of("small.txt")), bytes(1000, 2))
                .add(FilePath.of(List.of("sub", "two.bin")), bytes(3 * 16384, 3))
                .version(version).pieceLength(PIECE).build();
    }

    @Test
    void aV2InfoDictionaryNeedsTheLayersOfFilesLargerThanAPiece_BEP52() throws Exception {
        Metainfo full = torrent(MetainfoVersion.V2);
        PieceLayersNeeded needed = MetainfoParser.missingPieceLayers(full.infoBytes());
        assertEquals(PIECE, needed.pieceLength());
        Map<PiecesRoot, Integer> missing = needed.piecesPerRoot();
        Map<PiecesRoot, Integer> expected = new HashMap<>();
        for (FileEntry file : full.contentFiles()) {
            if (file.length() > PIECE) {
                expected.put(file.piecesRoot().orElseThrow(), (int) ((file.length() + PIECE - 1) / PIECE));
            }
        }
        assertEquals(expected, missing);
        assertEquals(List.of(6, 3), List.copyOf(missing.values()), "in file order");
        assertThrows(MetainfoException.class, () -> MetainfoParser.parseInfo(full.infoBytes(), List.of(), List.of()));
    }

    @Test
    void withTheFetchedLayersTheInfoIsTheSameTorrent_BEP52() throws Exception {
        for (MetainfoVersion version : new MetainfoVersion[] {MetainfoVersion.V2, MetainfoVersion.HYBRID}) {
            Metainfo full = torrent(version);
            Map<PiecesRoot, byte[]> layers = new HashMap<>();
            for (PiecesRoot root : MetainfoParser.missingPieceLayers(full.infoBytes()).piecesPerRoot().keySet()) {
                layers.put(root, full.pieceLayer(root).orElseThrow());
            }
            Metainfo rebuilt = MetainfoParser.parseInfo(full.infoBytes(), List.of(List.of("http://t/announce")),
                    List.of(), layers);
            assertEquals(full.infoHashes(), rebuilt.infoHashes(), version.toString());
            for (FileEntry file : full.contentFiles()) {
                for (int piece = 0; piece < (file.length() + PIECE - 1) / PIECE && file.length() > PIECE; piece++) {
                    assertArrayEquals(full.pieceHashV2(file, piece), rebuilt.pieceHashV2(file, piece));
                }
            }
            assertEquals(List.of(List.of("http://t/announce")), rebuilt.trackerTiers());
        }
    }

    @Test
    void aLayerThatDoesNotHashToItsRootIsRefused_BEP52() throws Exception {
        Metainfo full = torrent(MetainfoVersion.V2);
        Map<PiecesRoot, byte[]> layers = new HashMap<>();
        for (PiecesRoot root : MetainfoParser.missingPieceLayers(full.infoBytes()).piecesPerRoot().keySet()) {
            byte[] layer = full.pieceLayer(root).orElseThrow().clone();
            layer[5] ^= 1;
            layers.put(root, layer);
        }
        MetainfoException e = assertThrows(MetainfoException.class,
                () -> MetainfoParser.parseInfo(full.infoBytes(), List.of(), List.of(), layers));
        assertTrue(e.getMessage().contains("does not hash to its pieces root"), e.getMessage());
    }

    @Test
    void aV1InfoDictionaryNeedsNothing() throws Exception {
        assertTrue(MetainfoParser.missingPieceLayers(torrent(MetainfoVersion.V1).infoBytes()).isEmpty());
        assertTrue(MetainfoParser.missingPieceLayers(MetainfoBuilder.singleFile("one", bytes(1000, 4))
                .version(MetainfoVersion.V2).pieceLength(PIECE).build().infoBytes()).isEmpty(), "a file within one piece");
    }
}
