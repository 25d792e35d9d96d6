package org.swarmport.peer.metadata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.swarmport.peer.metainfo.ContentSource;
import org.swarmport.peer.metainfo.FilePath;
import org.swarmport.peer.metainfo.InfoHash;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.metainfo.MetainfoBuilder;
import org.swarmport.peer.metainfo.MetainfoParser;
import org.swarmport.peer.metainfo.MetainfoVersion;

class MetadataAssemblerTest {

    private static final List<List<String>> TIERS = List.of(List.of("udp://t.example:6969/announce"));
    private static final List<String> SEEDS = List.of("http://w.example/");

    /** Every v1 torrent of the real corpus, and every v2 or hybrid one whose files need no piece layer. */
    @ParameterizedTest
    @ValueSource(strings = {"libtorrent-v1-single", "libtorrent-v1-multi", "mktorrent-single", "mktorrent-multi",
        "mktorrent-exact", "transmission-single", "transmission-multi"})
    void realCorpusInfoDictionariesAssembleFromShuffledPieces_BEP9(String name) throws Exception {
        Metainfo torrent = MetainfoParser.parse(resource("/metainfo/tools/" + name + ".torrent"));
        Metainfo assembled = assembleShuffled(torrent, torrent.infoHashes(), new Random(name.hashCode()));
        assertArrayEquals(torrent.infoBytes(), assembled.infoBytes());
        assertEquals(torrent.infoHashes(), assembled.infoHashes());
        assertEquals(torrent.files(), assembled.files());
        assertEquals(TIERS, assembled.trackerTiers());
        assertEquals(SEEDS, assembled.webSeeds());
    }

    @Test
    void manyPieceMetadataOfAHybridTorrentIsCheckedWithBothHashes_BEP9_BEP52() throws Exception {
        Metainfo torrent = manyFiles(MetainfoVersion.HYBRID, 400);
        assertTrue(torrent.infoBytes().length > 3 * MetadataMessage.PIECE_SIZE, "several pieces");
        Metainfo assembled = assembleShuffled(torrent, torrent.infoHashes(), new Random(1));
        assertEquals(torrent.infoHashes(), assembled.infoHashes());
        assertEquals(MetainfoVersion.HYBRID, assembled.version());
    }

    @Test
    void v2OnlyMetadataIsCheckedWithSha256_BEP52() throws Exception {
        Metainfo torrent = manyFiles(MetainfoVersion.V2, 300);
        InfoHash v2 = torrent.infoHashV2().orElseThrow();
        Metainfo assembled = assembleShuffled(torrent, List.of(v2), new Random(2));
        assertEquals(v2, assembled.bestInfoHash());
    }

    @Test
    void v2FilesLargerThanAPieceNeedPieceLayersThatMetadataLacks_BEP52() throws Exception {
        Metainfo torrent = MetainfoParser.parse(resource("/metainfo/tools/libtorrent-v2-multi.torrent"));
        MetadataAssembler assembler = feedAll(torrent.infoBytes(), torrent.infoHashes());
        MetadataException e = assertThrows(MetadataException.class, () -> assembler.metainfo(TIERS, SEEDS));
        assertTrue(e.getMessage().contains("piece layers: missing"), e.getMessage());
    }

    @Test
    void piecesFromSeveralPeersAreSpreadAndDuplicatesIgnored() throws Exception {
        Metainfo torrent = manyFiles(MetainfoVersion.V1, 600);
        byte[] info = torrent.infoBytes();
        MetadataAssembler assembler = new MetadataAssembler(torrent.infoHashes(), info.length);
        int pieces = assembler.pieceCount();
        assertTrue(pieces >= 3, "needs several pieces, has " + pieces);
        // Three peers ask at once: each gets a different piece while any is unrequested.
        Set<Integer> first = new HashSet<>();
        for (int peer = 0; peer < Math.min(3, pieces); peer++) {
            first.add(assembler.nextPiece().getAsInt());
        }
        assertEquals(Math.min(3, pieces), first.size());
        // One peer rejects, another answers twice.
        int rejected = first.iterator().next();
        assembler.rejected(rejected);
        for (int piece : first) {
            if (piece != rejected) {
                assembler.accept(MetadataAssembler.piece(info, piece));
                assembler.accept(MetadataAssembler.piece(info, piece));
            }
        }
        assertTrue(assembler.missingPieces().contains(rejected));
        OptionalInt next;
        while ((next = assembler.nextPiece()).isPresent()) {
            assembler.accept(MetadataAssembler.piece(info, next.getAsInt()));
        }
        assertTrue(assembler.isComplete());
        assertEquals(torrent.infoHashes(), assembler.metainfo(List.of(), List.of()).infoHashes());
    }

    @Test
    void eachMissingPieceIsRequestedFromOnePeerUntilItsRequestEnds() throws Exception {
        MetadataAssembler assembler = new MetadataAssembler(List.of(InfoHash.of(InfoHash.Version.V1, new byte[20])),
                2 * MetadataMessage.PIECE_SIZE + 1);
        assertEquals(0, assembler.nextPiece().getAsInt());
        assertEquals(1, assembler.nextPiece().getAsInt());
        assertEquals(2, assembler.nextPiece().getAsInt());
        assertTrue(assembler.nextPiece().isEmpty(), "every piece is out");
        assembler.abandoned(1);
        assertEquals(1, assembler.nextPiece().getAsInt(), "a timed-out request frees its piece for another peer");
        assertTrue(assembler.nextPiece().isEmpty());
    }

    @Test
    void metadataThatDoesNotHashRightIsDiscardedAndFetchedAgain_BEP9() throws Exception {
        Metainfo torrent = manyFiles(MetainfoVersion.V1, 600);
        byte[] info = torrent.infoBytes();
        MetadataAssembler assembler = new MetadataAssembler(torrent.infoHashes(), info.length);
        byte[] forged = info.clone();
        forged[MetadataMessage.PIECE_SIZE + 5] ^= 1;
        for (int piece = 0; piece < assembler.pieceCount(); piece++) {
            assembler.accept(MetadataAssembler.piece(forged, piece));
        }
        MetadataException e = assertThrows(MetadataException.class, () -> assembler.metainfo(TIERS, SEEDS));
        assertTrue(e.getMessage().contains("does not hash to the btih (SHA-1) info-hash"), e.getMessage());
        assertFalse(assembler.isComplete());
        assertEquals(assembler.pieceCount(), assembler.missingPieces().size());
        for (int piece = 0; piece < assembler.pieceCount(); piece++) {
            assembler.accept(MetadataAssembler.piece(info, piece));
        }
        assertArrayEquals(info, assembler.verifiedInfo());
    }

    @Test
    void aHybridLinkNeedsBothHashesToMatch_BEP52() throws Exception {
        Metainfo torrent = manyFiles(MetainfoVersion.HYBRID, 10);
        InfoHash wrongV2 = InfoHash.of(InfoHash.Version.V2, new byte[32]);
        MetadataAssembler assembler = feedAll(torrent.infoBytes(), List.of(torrent.infoHashV1().orElseThrow(), wrongV2));
        MetadataException e = assertThrows(MetadataException.class, assembler::verifiedInfo);
        assertTrue(e.getMessage().contains("btmh (SHA-256)"), e.getMessage());
    }

    @Test
    void sizesBeyondTheLimitAreRefusedBeforeAllocating() {
        List<InfoHash> hash = List.of(InfoHash.of(InfoHash.Version.V1, new byte[20]));
        assertEquals("ut_metadata: metadata_size 8388609 is outside 1..8388608",
                assertThrows(MetadataException.class, () -> new MetadataAssembler(hash, 8388609)).getMessage());
        assertThrows(MetadataException.class, () -> new MetadataAssembler(hash, 0));
        assertThrows(MetadataException.class, () -> new MetadataAssembler(hash, Long.MAX_VALUE));
        assertThrows(MetadataException.class, () -> new MetadataAssembler(hash, 1000, 999));
    }

    @Test
    void dataForAnotherSizeIsRefused() throws Exception {
        MetadataAssembler assembler = new MetadataAssembler(List.of(InfoHash.of(InfoHash.Version.V1, new byte[20])), 100);
        MetadataException e = assertThrows(MetadataException.class,
                () -> assembler.accept(new MetadataMessage.Data(0, 50, new byte[50])));
        assertEquals("ut_metadata: total_size 50 differs from metadata_size 100", e.getMessage());
    }

    @Test
    void incompleteMetadataCannotBeVerified() throws Exception {
        MetadataAssembler assembler = new MetadataAssembler(List.of(InfoHash.of(InfoHash.Version.V1, new byte[20])), 40000);
        assertEquals("ut_metadata: 3 of 3 pieces are still missing",
                assertThrows(MetadataException.class, assembler::verifiedInfo).getMessage());
    }

    @Test
    void servingAPieceCutsExactlyIt() {
        byte[] info = new byte[MetadataMessage.PIECE_SIZE + 10];
        info[MetadataMessage.PIECE_SIZE] = 42;
        MetadataMessage.Data last = MetadataAssembler.piece(info, 1);
        assertEquals(10, last.data().length);
        assertEquals(42, last.data()[0]);
        assertThrows(IndexOutOfBoundsException.class, () -> MetadataAssembler.piece(info, 2));
    }

    private static Metainfo assembleShuffled(Metainfo torrent, List<InfoHash> expected, Random random) throws Exception {
        byte[] info = torrent.infoBytes();
        MetadataAssembler assembler = new MetadataAssembler(expected, info.length);
        List<Integer> order = new ArrayList<>();
        for (int piece = 0; piece < assembler.pieceCount(); piece++) {
            order.add(piece);
        }
        Collections.shuffle(order, random);
        for (int i = 0; i < order.size(); i++) {
            // Each piece travels through the codec, as from a peer.
            byte[] wire = MetadataAssembler.piece(info, order.get(i)).encode();
            MetadataMessage.Data data = (MetadataMessage.Data) MetadataMessage.parse(wire).orElseThrow();
            assertEquals(i == order.size() - 1, assembler.accept(data));
        }
        return assembler.metainfo(TIERS, SEEDS);
    }

    private static MetadataAssembler feedAll(byte[] info, List<InfoHash> expected) throws MetadataException {
        MetadataAssembler assembler = new MetadataAssembler(expected, info.length);
        for (int piece = 0; piece < assembler.pieceCount(); piece++) {
            assembler.accept(MetadataAssembler.piece(info, piece));
        }
        return assembler;
    }

    /** A torrent with many small files and long names: an info dictionary of several 16 KiB pieces. */
    static Metainfo manyFiles(MetainfoVersion version, int files) throws IOException {
        MetainfoBuilder builder = MetainfoBuilder.directory("many").version(version).pieceLength(16 * 1024);
        for (int i = 0; i < files; i++) {
            builder.add(FilePath.of(String.format("directory-%03d", i % 10), String.format(
                    "a-rather-long-file-name-to-make-the-info-dictionary-large-%05d.bin", i)),
                    ContentSource.of(new byte[] {(byte) i, (byte) (i >> 8), 7}));
        }
        return builder.build();
    }

    static byte[] resource(String path) throws IOException {
        try (InputStream in = MetadataAssemblerTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("missing test resource " + path);
            }
            return in.readAllBytes();
        }
    }
}
