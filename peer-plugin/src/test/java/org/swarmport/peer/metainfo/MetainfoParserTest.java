package org.swarmport.peer.metainfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.swarmport.peer.metainfo.Bencoded.dict;
import static org.swarmport.peer.metainfo.Bencoded.dictOf;
import static org.swarmport.peer.metainfo.Bencoded.list;
import static org.swarmport.peer.metainfo.Bencoded.listOf;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.swarmport.peer.bencode.BEncoder;
import org.swarmport.peer.bencode.BencodeLimits;

/** The BEP 3 rules, and what every version shares: info-hash, trackers, web seeds, private flag, paths. */
class MetainfoParserTest {

    /** A valid v1 torrent as Java values: d/a.bin (20,000 bytes), d/sub/b.bin (5 bytes), 16 KiB pieces. */
    static Map<String, Object> v1Multi() throws Exception {
        return Bencoded.decode(multiBuilder().version(MetainfoVersion.V1).build().rawBytes());
    }

    static MetainfoBuilder multiBuilder() {
        return MetainfoBuilder.directory("d")
                .add(FilePath.of("a.bin"), ContentSource.of(CorpusContent.bytes(20_000, "a")))
                .add(FilePath.of("sub", "b.bin"), ContentSource.of(CorpusContent.bytes(5, "b")))
                .pieceLength(16 * 1024);
    }

    static Map<String, Object> info(Map<String, Object> torrent) {
        return dict(torrent.get("info"));
    }

    static Map<String, Object> file(Map<String, Object> torrent, int index) {
        return dict(list(info(torrent).get("files")).get(index));
    }

    static Metainfo parse(Map<String, Object> torrent) throws MetainfoException {
        return MetainfoParser.parse(Bencoded.encode(torrent));
    }

    static void rejects(Map<String, Object> torrent, String message) {
        MetainfoException e = assertThrows(MetainfoException.class, () -> parse(torrent));
        assertEquals(message, e.getMessage());
    }

    // --- info-hash ---

    @Test
    void infoHashIsSha1OfTheRawInfoDictionary_BEP3() throws Exception {
        byte[] info = ("d6:lengthi1e4:name1:x12:piece lengthi16384e6:pieces20:" + Bencoded.bytes(0, 20) + "e")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] torrent = ("d8:announce14:http://t.e/ann4:info" + new String(info, StandardCharsets.ISO_8859_1) + "e")
                .getBytes(StandardCharsets.ISO_8859_1);
        Metainfo metainfo = MetainfoParser.parse(torrent);
        assertEquals("9cd2caa7a7151520c28afa54768e549b86591d38", metainfo.infoHashV1().orElseThrow().hex());
        assertEquals(MetainfoVersion.V1, metainfo.version());
        assertTrue(metainfo.infoHashV2().isEmpty());
        assertEquals(new String(info, StandardCharsets.ISO_8859_1), new String(metainfo.infoBytes(), StandardCharsets.ISO_8859_1));
    }

    @Test
    void keysOutsideTheInfoDictionaryDoNotChangeTheInfoHash_BEP3() throws Exception {
        Map<String, Object> torrent = v1Multi();
        InfoHash before = parse(torrent).bestInfoHash();
        torrent.put("comment", "changed");
        torrent.put("announce", "http://elsewhere.example/announce");
        assertEquals(before, parse(torrent).bestInfoHash());
    }

    @Test
    void unknownKeysAreAcceptedAndHashed_BEP3() throws Exception {
        Map<String, Object> torrent = v1Multi();
        InfoHash before = parse(torrent).bestInfoHash();
        info(torrent).put("source", "a tracker's tag");
        torrent.put("x-future", listOf(1L, "two"));
        file(torrent, 0).put("md5sum", "0123456789abcdef0123456789abcdef");
        assertNotEquals(before, parse(torrent).bestInfoHash(), "an unknown key inside info is part of the info-hash");
    }

    // --- files ---

    @Test
    void multiFilePathsBeginWithTheNameAndFilesFollowEachOther_BEP3() throws Exception {
        Metainfo metainfo = parse(v1Multi());
        List<FileEntry> files = metainfo.files();
        assertEquals("d/a.bin", files.get(0).path().toString());
        assertEquals("d/sub/b.bin", files.get(1).path().toString());
        assertEquals(0, files.get(0).offset());
        assertEquals(20_000, files.get(1).offset());
        assertEquals(20_005, metainfo.totalLength());
        assertEquals(2, metainfo.pieceCount());
        assertFalse(metainfo.isSingleFile());
    }

    @Test
    void aSingleFileTorrentsPathIsItsName_BEP3() throws Exception {
        Metainfo metainfo = MetainfoBuilder.singleFile("f.bin", ContentSource.of(new byte[40_000]))
                .version(MetainfoVersion.V1).build();
        assertTrue(metainfo.isSingleFile());
        assertEquals(FilePath.of("f.bin"), metainfo.files().get(0).path());
    }

    @Test
    void lengthAndFilesAreExclusiveAndOneIsRequired_BEP3() throws Exception {
        Map<String, Object> neither = v1Multi();
        info(neither).remove("files");
        rejects(neither, "metainfo: info: has neither length nor files (BEP 3)");
        Map<String, Object> empty = v1Multi();
        info(empty).put("files", listOf());
        rejects(empty, "metainfo: info.files: is empty");
    }

    @Test
    void aFileEntryNeedsALengthAndANonEmptyPathOfStrings_BEP3() throws Exception {
        Map<String, Object> noLength = v1Multi();
        file(noLength, 1).remove("length");
        rejects(noLength, "metainfo: info.files[1].length: missing");
        Map<String, Object> emptyPath = v1Multi();
        file(emptyPath, 1).put("path", listOf());
        rejects(emptyPath, "metainfo: info.files[1].path: is empty");
        Map<String, Object> numberInPath = v1Multi();
        file(numberInPath, 1).put("path", listOf("sub", 7L));
        rejects(numberInPath, "metainfo: info.files[1].path[1]: is an integer, expected a string");
    }

    @Test
    void pieceLengthNeedNotBeAPowerOfTwoInV1ButMustBeSane_BEP3() throws Exception {
        byte[] content = new byte[50_000];
        Metainfo odd = MetainfoBuilder.singleFile("f", ContentSource.of(content))
                .version(MetainfoVersion.V1).pieceLength(20_000).build();
        assertEquals(3, odd.pieceCount());
        Map<String, Object> huge = Bencoded.decode(odd.rawBytes());
        info(huge).put("piece length", 1L << 31);
        rejects(huge, "metainfo: info.piece length: must be at most 1073741823 bytes, is 2147483648");
        info(huge).put("piece length", -16384L);
        rejects(huge, "metainfo: info.piece length: must be positive, is -16384");
    }

    @Test
    void piecesMustCoverTheFilesExactly_BEP3() throws Exception {
        Map<String, Object> extra = v1Multi();
        info(extra).put("pieces", info(extra).get("pieces") + Bencoded.bytes(0, 20));
        rejects(extra, "metainfo: info.pieces: holds 3 hashes, but 20005 bytes in pieces of 16384 need 2");
        Map<String, Object> missing = v1Multi();
        info(missing).remove("pieces");
        rejects(missing, "metainfo: info.pieces: missing");
    }

    @Test
    void pieceHashesAreTwentyBytesEachInOrder_BEP3() throws Exception {
        Map<String, Object> torrent = v1Multi();
        String pieces = (String) info(torrent).get("pieces");
        Metainfo metainfo = parse(torrent);
        assertEquals(pieces.substring(20, 40), new String(metainfo.pieceHashV1(1), StandardCharsets.ISO_8859_1));
        assertThrows(IndexOutOfBoundsException.class, () -> metainfo.pieceHashV1(2));
    }

    // --- BEP 47 attributes ---

    @Test
    void padFilesAreMarkedAndMayShareAPath_BEP47() throws Exception {
        Map<String, Object> torrent = Bencoded.decode(MetainfoBuilder.directory("d")
                .add(FilePath.of("a"), ContentSource.of(new byte[100]))
                .add(FilePath.of("b"), ContentSource.of(new byte[100]))
                .add(FilePath.of("c"), ContentSource.of(new byte[100]))
                .pieceLength(16 * 1024).build().rawBytes());
        List<Object> files = list(info(torrent).get("files"));
        assertEquals("p", dict(files.get(1)).get("attr"));
        // Both pads are .pad/16284: pad files are never written, so they cannot collide.
        assertEquals(dict(files.get(1)).get("path"), dict(files.get(3)).get("path"));
        Metainfo metainfo = parse(torrent);
        assertEquals(5, metainfo.files().size());
        assertEquals(3, metainfo.contentFiles().size());
        assertEquals(300, metainfo.totalLength());
    }

    @Test
    void aTorrentOfPadFilesOnlyHoldsNoData_BEP47() throws Exception {
        Map<String, Object> torrent = v1Multi();
        file(torrent, 0).put("attr", "p");
        file(torrent, 1).put("attr", "p");
        rejects(torrent, "metainfo: info: the torrent holds no data: every file is empty or padding");
    }

    @Test
    void bitCometPadFilesAreRecognisedByName_BEP47() throws Exception {
        Map<String, Object> torrent = v1Multi();
        file(torrent, 1).put("path", listOf("_____padding_file_0_if you see this file, please update to BitComet 0.85 or above____"));
        assertTrue(parse(torrent).files().get(1).padding());
    }

    @Test
    void executableAndHiddenAttributesAreReadAndUnknownLettersIgnored_BEP47() throws Exception {
        Map<String, Object> torrent = v1Multi();
        file(torrent, 0).put("attr", "xhz");
        FileEntry file = parse(torrent).files().get(0);
        assertTrue(file.executable());
        assertTrue(file.hidden());
        assertFalse(file.padding());
    }

    @Test
    void aSymlinkTakesNoSpaceAndPointsInsideTheTorrent_BEP47() throws Exception {
        Map<String, Object> torrent = v1Multi();
        list(info(torrent).get("files")).add(dictOf("attr", "l", "path", listOf("link"), "symlink path", listOf("sub", "b.bin")));
        FileEntry link = parse(torrent).files().get(2);
        assertEquals(FilePath.of("d", "sub", "b.bin"), link.symlinkTarget().orElseThrow());
        assertEquals(0, link.length());

        dict(list(info(torrent).get("files")).get(2)).put("symlink path", listOf("..", "..", "etc", "passwd"));
        rejects(torrent, "metainfo: info.files[2].symlink path: path has a '..' component");
        dict(list(info(torrent).get("files")).get(2)).put("symlink path", listOf("a.bin"));
        dict(list(info(torrent).get("files")).get(2)).put("length", 5L);
        rejects(torrent, "metainfo: info.files[2].length: of a symlink must be 0 (BEP 47)");
        dict(list(info(torrent).get("files")).get(2)).remove("symlink path");
        rejects(torrent, "metainfo: info.files[2].symlink path: missing");
    }

    // --- paths ---

    @Test
    void unicodeNamesAreKept() throws Exception {
        Map<String, Object> torrent = v1Multi();
        info(torrent).put("name", Bencoded.utf8("Star Wars: Épisode IV 日本語"));
        assertEquals("Star Wars: Épisode IV 日本語", parse(torrent).name());
    }

    @Test
    void aPathThatIsAlsoADirectoryIsRefused() throws Exception {
        Map<String, Object> torrent = v1Multi();
        file(torrent, 0).put("path", listOf("sub", "b.bin", "c"));
        rejects(torrent, "metainfo: info: 'd/sub/b.bin' is both a file and a directory");
    }

    // --- limits ---

    @Test
    void theFileCountAndTotalLengthAreBounded() throws Exception {
        byte[] torrent = Bencoded.encode(v1Multi());
        MetainfoLimits oneFile = new MetainfoLimits(BencodeLimits.DEFAULT, 1, 100, 1L << 40);
        MetainfoException files = assertThrows(MetainfoException.class, () -> MetainfoParser.parse(torrent, oneFile));
        assertEquals("metainfo: info.files: has more than 1 files", files.getMessage());
        MetainfoLimits small = new MetainfoLimits(BencodeLimits.DEFAULT, 10, 100, 20_002);
        MetainfoException total = assertThrows(MetainfoException.class, () -> MetainfoParser.parse(torrent, small));
        assertEquals("metainfo: info.files: total length exceeds the limit of 20002 bytes", total.getMessage());
        MetainfoLimits tiny = new MetainfoLimits(BencodeLimits.of(100, 64, 100, 1000), 10, 100, 1L << 40);
        MetainfoException bytes = assertThrows(MetainfoException.class, () -> MetainfoParser.parse(torrent, tiny));
        assertEquals("metainfo: bencode: input exceeds limit of 100 bytes at offset 100", bytes.getMessage());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aTorrentWithAsManyFilesAsTheLimitAllowsParses() throws Exception {
        int count = MetainfoLimits.DEFAULT.maxFiles();
        BEncoder torrent = new BEncoder().beginDictionary().string("info").beginDictionary().string("files").beginList();
        for (int i = 0; i < count; i++) {
            torrent.beginDictionary().string("length").integer(1)
                    .string("path").beginList().string("dir" + i % 100).string("file" + i).end().end();
        }
        torrent.end().string("name").string("many").string("piece length").integer(16384)
                .string("pieces").string(new byte[20 * ((count + 16383) / 16384)]).end().end();
        byte[] bytes = torrent.toByteArray();
        assertEquals(count, MetainfoParser.parse(bytes).files().size());
        MetainfoLimits oneFewer = new MetainfoLimits(BencodeLimits.DEFAULT, count - 1, 100, 1L << 40);
        MetainfoException e = assertThrows(MetainfoException.class, () -> MetainfoParser.parse(bytes, oneFewer));
        assertEquals("metainfo: info.files: has more than " + (count - 1) + " files", e.getMessage());
    }

    // --- BEP 27 ---

    @Test
    void privateIsSetByANonZeroInteger_BEP27() throws Exception {
        Map<String, Object> torrent = v1Multi();
        assertFalse(parse(torrent).isPrivate());
        info(torrent).put("private", 1L);
        assertTrue(parse(torrent).isPrivate());
        info(torrent).put("private", 0L);
        assertFalse(parse(torrent).isPrivate());
        info(torrent).put("private", "1");
        rejects(torrent, "metainfo: info.private: is a string, expected an integer");
    }

    // --- BEP 12 and BEP 19 ---

    @Test
    void announceListWinsOverAnnounceAndBlankEntriesAreDropped_BEP12() throws Exception {
        Map<String, Object> torrent = v1Multi();
        torrent.put("announce", "http://single.example/announce");
        assertEquals(List.of(List.of("http://single.example/announce")), parse(torrent).trackerTiers());
        torrent.put("announce-list", listOf(listOf(" ", ""), listOf("http://a.example/announce ", "udp://b.example:80")));
        assertEquals(List.of(List.of("http://a.example/announce", "udp://b.example:80")), parse(torrent).trackerTiers());
        torrent.put("announce-list", listOf(listOf()));
        assertEquals(List.of(List.of("http://single.example/announce")), parse(torrent).trackerTiers(),
                "an announce-list naming no tracker falls back to announce");
        torrent.put("announce-list", listOf(listOf(5L)));
        rejects(torrent, "metainfo: announce-list[0][0]: is an integer, expected a string");
        torrent.remove("announce-list");
        torrent.remove("announce");
        assertEquals(List.of(), parse(torrent).trackerTiers(), "trackerless");
    }

    @Test
    void urlListIsOneUrlOrAListOfThem_BEP19() throws Exception {
        Map<String, Object> torrent = v1Multi();
        torrent.put("url-list", "http://seed.example/");
        assertEquals(List.of("http://seed.example/"), parse(torrent).webSeeds());
        torrent.put("url-list", listOf("http://a.example/", "", "http://a.example/", "http://b.example/"));
        assertEquals(List.of("http://a.example/", "http://b.example/"), parse(torrent).webSeeds());
        torrent.put("url-list", 1L);
        rejects(torrent, "metainfo: url-list: is an integer, expected a string or a list");
    }

    // --- descriptive fields ---

    @Test
    void creationDateMustBeAPlausibleTime() throws Exception {
        Map<String, Object> torrent = v1Multi();
        torrent.put("creation date", 1_700_000_000L);
        assertEquals(Instant.ofEpochSecond(1_700_000_000L), parse(torrent).creationDate().orElseThrow());
        torrent.put("creation date", Long.MAX_VALUE);
        rejects(torrent, "metainfo: creation date: is out of range: " + Long.MAX_VALUE);
        torrent.put("creation date", "yesterday");
        rejects(torrent, "metainfo: creation date: is a string, expected an integer");
    }

    @Test
    void aCommentInBrokenUtf8IsShownWithReplacementCharacters() throws Exception {
        Map<String, Object> torrent = v1Multi();
        torrent.put("comment", "caf\u00e9");
        assertEquals("caf\ufffd", parse(torrent).comment().orElseThrow());
    }
}
