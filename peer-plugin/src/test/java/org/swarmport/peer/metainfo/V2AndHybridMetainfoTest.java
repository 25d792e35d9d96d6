package org.swarmport.peer.metainfo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.swarmport.peer.metainfo.Bencoded.dict;
import static org.swarmport.peer.metainfo.Bencoded.dictOf;
import static org.swarmport.peer.metainfo.Bencoded.list;
import static org.swarmport.peer.metainfo.MetainfoParserTest.info;
import static org.swarmport.peer.metainfo.MetainfoParserTest.parse;
import static org.swarmport.peer.metainfo.MetainfoParserTest.rejects;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** BEP 52: file tree, merkle roots and piece layers, and hybrids whose two halves must agree. */
class V2AndHybridMetainfoTest {

    /** d/a.bin (40,000 bytes: three pieces, so it has a piece layer), d/sub/b.bin (5 bytes), 16 KiB pieces. */
    static MetainfoBuilder builder() {
        return MetainfoBuilder.directory("d")
                .add(FilePath.of("a.bin"), ContentSource.of(CorpusContent.bytes(40_000, "a")))
                .add(FilePath.of("sub", "b.bin"), ContentSource.of(CorpusContent.bytes(5, "b")))
                .pieceLength(16 * 1024);
    }

    static Map<String, Object> v2() throws Exception {
        return Bencoded.decode(builder().version(MetainfoVersion.V2).build().rawBytes());
    }

    static Map<String, Object> hybrid() throws Exception {
        return Bencoded.decode(builder().version(MetainfoVersion.HYBRID).build().rawBytes());
    }

    static Map<String, Object> tree(Map<String, Object> torrent) {
        return dict(info(torrent).get("file tree"));
    }

    static Map<String, Object> leaf(Map<String, Object> torrent, String... path) {
        Map<String, Object> node = tree(torrent);
        for (String component : path) {
            node = dict(node.get(component));
        }
        return dict(node.get(""));
    }

    @Test
    void infoHashIsSha256OfTheRawInfoDictionaryAndTrackersSeeItsFirst20Bytes_BEP52() throws Exception {
        String info = "d9:file treed1:xd0:d6:lengthi1e11:pieces root32:" + Bencoded.bytes(0, 32)
                + "eee12:meta versioni2e4:name1:x12:piece lengthi16384ee";
        byte[] torrent = ("d4:info" + info + "12:piece layersdee").getBytes(StandardCharsets.ISO_8859_1);
        Metainfo metainfo = MetainfoParser.parse(torrent);
        InfoHash hash = metainfo.infoHashV2().orElseThrow();
        assertEquals("03e9445ba5151648ce2cf28851bd05b5f7ea9bb3d118067bcd84e546dac425de", hash.hex());
        assertArrayEquals(Arrays.copyOf(hash.bytes(), 20), hash.truncated());
        assertEquals(MetainfoVersion.V2, metainfo.version());
        assertTrue(metainfo.infoHashV1().isEmpty());
        assertTrue(metainfo.isSingleFile(), "one file at the top of the tree is a single-file torrent");
    }

    @Test
    void aHybridHasBothHashesOverTheSameBytes_BEP52() throws Exception {
        Metainfo metainfo = parse(hybrid());
        byte[] info = metainfo.infoBytes();
        assertArrayEquals(MessageDigest.getInstance("SHA-1").digest(info), metainfo.infoHashV1().orElseThrow().bytes());
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(info), metainfo.infoHashV2().orElseThrow().bytes());
        assertEquals(metainfo.infoHashV2().orElseThrow(), metainfo.bestInfoHash());
        assertEquals(2, metainfo.infoHashes().size());
    }

    @Test
    void v2FilesStartAtPieceBoundariesAndPiecesNeverSpanFiles_BEP52() throws Exception {
        Metainfo metainfo = parse(v2());
        assertEquals(List.of(0L, 3 * 16384L), metainfo.files().stream().map(FileEntry::offset).toList());
        assertEquals(4, metainfo.pieceCount());
        assertEquals(3 * 32, metainfo.pieceLayer(metainfo.files().get(0).piecesRoot().orElseThrow()).orElseThrow().length);
    }

    @Test
    void eachV2PieceHashIsTheSha256RootOfItsBlocks_BEP52() throws Exception {
        // 32 KiB pieces: two blocks a piece, so a.bin's 40,000 bytes make two pieces.
        Metainfo metainfo = builder().pieceLength(32 * 1024).version(MetainfoVersion.V2).build();
        byte[] a = CorpusContent.bytes(40_000, "a");
        FileEntry big = metainfo.files().get(0);
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        // The last piece: one short block, padded with a zero leaf to the piece's two leaves.
        byte[] lastBlock = sha256.digest(Arrays.copyOfRange(a, 32_768, 40_000));
        assertArrayEquals(sha256.digest(concat(lastBlock, new byte[32])), metainfo.pieceHashV2(big, 1));
        byte[] first = concat(sha256.digest(Arrays.copyOfRange(a, 0, 16_384)), sha256.digest(Arrays.copyOfRange(a, 16_384, 32_768)));
        assertArrayEquals(sha256.digest(first), metainfo.pieceHashV2(big, 0));
        FileEntry small = metainfo.files().get(1);
        assertArrayEquals(small.piecesRoot().orElseThrow().bytes(), metainfo.pieceHashV2(small, 0));
        assertArrayEquals(sha256.digest(CorpusContent.bytes(5, "b")), metainfo.pieceHashV2(small, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> metainfo.pieceHashV2(small, 1));
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    @Test
    void theFileTreeNeedsMetaVersion2AndViceVersa_BEP52() throws Exception {
        Map<String, Object> noVersion = v2();
        info(noVersion).remove("meta version");
        rejects(noVersion, "metainfo: info.file tree: present without meta version 2 (BEP 52)");
        Map<String, Object> noTree = v2();
        info(noTree).remove("file tree");
        rejects(noTree, "metainfo: info.file tree: missing");
        Map<String, Object> v2WithPieces = v2();
        info(v2WithPieces).put("pieces", Bencoded.bytes(1, 20));
        rejects(v2WithPieces, "metainfo: info.pieces: present without length or files");
    }

    @Test
    void aV2PieceLengthBelow16KiBIsRefusedEvenAsAPowerOfTwo_BEP52() throws Exception {
        Map<String, Object> torrent = v2();
        info(torrent).put("piece length", 8192L);
        rejects(torrent, "metainfo: info.piece length: must be a power of two of at least 16 KiB (BEP 52), is 8192");
    }

    @Test
    void theFileTreeHasNoEmptyDirectoriesAndFilesHaveNoSiblings_BEP52() throws Exception {
        Map<String, Object> emptyTree = v2();
        info(emptyTree).put("file tree", dictOf());
        rejects(emptyTree, "metainfo: info.file tree: is empty");
        Map<String, Object> emptyDirectory = v2();
        tree(emptyDirectory).put("sub", dictOf());
        rejects(emptyDirectory, "metainfo: info.file tree[d/sub]: directory is empty");
        Map<String, Object> sibling = v2();
        dict(tree(sibling).get("a.bin")).put("x", dictOf("", dictOf("length", 1L)));
        rejects(sibling, "metainfo: info.file tree[d/a.bin]: is both a file and a directory");
        Map<String, Object> notADictionary = v2();
        tree(notADictionary).put("a.bin", 5L);
        rejects(notADictionary, "metainfo: info.file tree[d/a.bin]: is an integer, expected a dictionary");
    }

    @Test
    void aNonEmptyFileNeedsAPiecesRootAndAnEmptyFileHasNone_BEP52() throws Exception {
        Map<String, Object> noRoot = v2();
        leaf(noRoot, "sub", "b.bin").remove("pieces root");
        rejects(noRoot, "metainfo: info.file tree[d/sub/b.bin].pieces root: missing");

        Map<String, Object> withEmpty = v2();
        dict(tree(withEmpty).get("sub")).put("empty", dictOf("", dictOf("length", 0L)));
        Metainfo metainfo = parse(withEmpty);
        FileEntry empty = metainfo.files().get(2);
        assertEquals("d/sub/empty", empty.path().toString());
        assertTrue(empty.piecesRoot().isEmpty());
        assertEquals(4, metainfo.pieceCount(), "an empty file has no piece");
    }

    @Test
    void pieceLayersMustHaveOneHashPerPieceAndHashToTheRoot_BEP52() throws Exception {
        Map<String, Object> torrent = v2();
        Map<String, Object> layers = dict(torrent.get("piece layers"));
        String root = layers.keySet().iterator().next();
        String layer = (String) layers.get(root);
        layers.put(root, layer.substring(32));
        rejects(torrent, "metainfo: piece layers: the layer for 'd/a.bin' has 64 bytes, expected 96");
        layers.put(root, layer.substring(0, 95) + (char) (layer.charAt(95) ^ 1));
        rejects(torrent, "metainfo: piece layers: the layer for 'd/a.bin' does not hash to its pieces root");
        layers.remove(root);
        rejects(torrent, "metainfo: piece layers: no layer for 'd/a.bin'");
        torrent.remove("piece layers");
        rejects(torrent, "metainfo: piece layers: missing, but 'd/a.bin' is larger than a piece (BEP 52)");
        torrent.put("piece layers", layers);
        // An entry no file needs is ignored, as libtorrent ignores it.
        layers.put(root, layer);
        layers.put(Bencoded.bytes(1, 32), Bencoded.bytes(1, 32));
        assertEquals(4, parse(torrent).pieceCount());
    }

    @Test
    void aFileTreeSymlinkTakesNoSpaceAndNeedsNoRoot_BEP47_BEP52() throws Exception {
        Map<String, Object> torrent = v2();
        tree(torrent).put("link", dictOf("", dictOf("attr", "l", "symlink path", Bencoded.listOf("sub", "b.bin"))));
        FileEntry link = parse(torrent).files().get(1);
        assertEquals("d/link", link.path().toString());
        assertEquals(FilePath.of("d", "sub", "b.bin"), link.symlinkTarget().orElseThrow());
        assertTrue(link.piecesRoot().isEmpty());
        leaf(torrent, "link").put("symlink path", Bencoded.listOf("..", "outside"));
        rejects(torrent, "metainfo: info.file tree[d/link].symlink path: path has a '..' component");
    }

    @Test
    void pieceLayersMayBeAbsentWhenNoFileIsLargerThanAPiece_BEP52() throws Exception {
        Map<String, Object> torrent = Bencoded.decode(MetainfoBuilder.singleFile("f", ContentSource.of(new byte[100]))
                .version(MetainfoVersion.V2).build().rawBytes());
        assertEquals(dictOf(), torrent.remove("piece layers"));
        assertEquals(1, parse(torrent).pieceCount());
    }

    @Test
    void aHybridsFileListMustBeItsFileTree_BEP52() throws Exception {
        Map<String, Object> extra = hybrid();
        list(info(extra).get("files")).add(dictOf("length", 0L, "path", Bencoded.listOf("zz")));
        rejects(extra, "metainfo: info: hybrid: the v1 file list has more files than the file tree (BEP 52)");
        Map<String, Object> missing = hybrid();
        dict(tree(missing).get("sub")).put("c", dictOf("", dictOf("length", 0L)));
        rejects(missing, "metainfo: info: hybrid: the file tree has files the v1 file list lacks, first 'd/sub/c' (BEP 52)");
    }

    @Test
    void aHybridsPadFilesMustAlignEveryFileToItsPiece_BEP47_BEP52() throws Exception {
        Map<String, Object> torrent = hybrid();
        List<Object> files = list(info(torrent).get("files"));
        Map<String, Object> pad = dict(files.get(1));
        assertEquals("p", pad.get("attr"));
        // One byte less padding: b.bin starts a byte early; the piece count stays the same.
        pad.put("length", (Long) pad.get("length") - 1);
        rejects(torrent, "metainfo: info: hybrid: v1 file 'd/sub/b.bin' does not start at its piece boundary; "
                + "pad files must align it (BEP 47, BEP 52)");
    }

    @Test
    void aHybridsPiecesMustBeAsManyAsTheFileTreesPieces_BEP52() throws Exception {
        Map<String, Object> torrent = hybrid();
        // A whole extra piece of tail padding: aligned, but one more v1 piece than v2 has.
        list(info(torrent).get("files")).add(dictOf("attr", "p", "length", 16384L, "path", Bencoded.listOf(".pad", "16384")));
        info(torrent).put("pieces", info(torrent).get("pieces") + Bencoded.bytes(1, 20));
        rejects(torrent, "metainfo: info.pieces: hybrid: 5 v1 pieces, but the file tree has 4 (BEP 52)");
    }

    @Test
    void aHybridsFilesCarryTheRootsOfTheFileTree_BEP52() throws Exception {
        Metainfo hybrid = parse(hybrid());
        Metainfo v2 = parse(v2());
        assertEquals(v2.contentFiles().stream().map(FileEntry::piecesRoot).toList(),
                hybrid.contentFiles().stream().map(FileEntry::piecesRoot).toList());
        assertFalse(hybrid.files().get(1).piecesRoot().isPresent(), "a pad file has no root");
        assertEquals(v2.pieceCount(), hybrid.pieceCount());
    }
}
