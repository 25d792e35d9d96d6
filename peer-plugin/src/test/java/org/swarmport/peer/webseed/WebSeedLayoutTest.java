package org.swarmport.peer.webseed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.swarmport.peer.metainfo.ContentSource;
import org.swarmport.peer.metainfo.FileEntry;
import org.swarmport.peer.metainfo.FilePath;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.metainfo.MetainfoBuilder;
import org.swarmport.peer.metainfo.MetainfoVersion;

/** BEP 19's URL rules and the mapping of piece space to HTTP ranges. */
class WebSeedLayoutTest {

    private static Metainfo single(String name, int length) throws Exception {
        return MetainfoBuilder.singleFile(name, ContentSource.of(new byte[length])).version(MetainfoVersion.V1)
                .pieceLength(16384).build();
    }

    private static FileEntry entry(String... path) {
        return new FileEntry(FilePath.of(path), 10, 0, false, false, false, Optional.empty(), Optional.empty());
    }

    @Test
    void singleFileUrlIsTheFileItselfUnlessItEndsWithASlash_BEP19() throws Exception {
        Metainfo torrent = single("movie file.bin", 1000);
        FileEntry file = torrent.files().get(0);
        assertEquals(URI.create("http://h/dl/movie.bin"), WebSeedUrl.parse("http://h/dl/movie.bin").fileUri(file, false));
        assertEquals(URI.create("http://h/dl/movie%20file.bin"), WebSeedUrl.parse("http://h/dl/").fileUri(file, false));
        assertEquals(URI.create("http://h/x?token=1"), WebSeedUrl.parse("http://h/x?token=1").fileUri(file, false));
    }

    @Test
    void multiFileUrlGetsTheNameAndEachPathSegmentPercentEncoded_BEP19() throws Exception {
        WebSeedUrl url = WebSeedUrl.parse("https://mirror.example/pub/");
        assertEquals(URI.create("https://mirror.example/pub/set/sub%20dir/caf%C3%A9%20%E2%99%AB.txt"),
                url.fileUri(entry("set", "sub dir", "café ♫.txt"), true));
        assertEquals(URI.create("https://mirror.example/pub/set/a.txt"),
                WebSeedUrl.parse("https://mirror.example/pub").fileUri(entry("set", "a.txt"), true));
        assertEquals(URI.create("http://h/set/a"), WebSeedUrl.parse("http://h").fileUri(entry("set", "a"), true));
    }

    @Test
    void hostileNamesNeverLeaveTheUrlPath_BEP19() throws Exception {
        WebSeedUrl url = WebSeedUrl.parse("http://h/pub/");
        URI uri = url.fileUri(entry("set", "etc?x=1#frag", "%2e%2e", "back`slash", "...", ";p=1"), true);
        assertEquals("/pub/set/etc%3Fx%3D1%23frag/%252e%252e/back%60slash/.../%3Bp%3D1", uri.getRawPath());
        assertEquals(null, uri.getRawQuery());
        assertEquals(null, uri.getRawFragment());
        assertEquals(uri, uri.normalize());
        assertEquals(List.of("", "pub", "set", "etc?x=1#frag", "%2e%2e", "back`slash", "...", ";p=1"),
                List.of(uri.getPath().split("/", -1)));
    }

    @Test
    void refusesUrlsThatAreNotHttp() {
        for (String bad : List.of("ftp://h/x", "file:///etc/passwd", "http:///nohost", "http://h/x#f", "not a url", "/rel")) {
            WebSeedException e = assertThrows(WebSeedException.class, () -> WebSeedUrl.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("web seed " + bad), e.getMessage());
        }
    }

    @Test
    void aRunStraddlingFilesBecomesOneRangePerFile_BEP19() throws Exception {
        Metainfo torrent = MetainfoBuilder.directory("set")
                .add(FilePath.of("a.bin"), ContentSource.of(new byte[20_000]))
                .add(FilePath.of("b.bin"), ContentSource.of(new byte[5]))
                .add(FilePath.of("c.bin"), ContentSource.of(new byte[30_000]))
                .version(MetainfoVersion.V1).pieceLength(16384).build();
        WebSeedLayout layout = WebSeedLayout.of(torrent, WebSeedUrl.parse("http://h/"));
        List<FileRange> ranges = layout.ranges(16384, 16384);
        assertEquals(List.of(
                new FileRange(URI.create("http://h/set/a.bin"), 20_000, 16384, 3616, 0),
                new FileRange(URI.create("http://h/set/b.bin"), 5, 0, 5, 3616),
                new FileRange(URI.create("http://h/set/c.bin"), 30_000, 0, 12763, 3621)), ranges);
        assertEquals("bytes=16384-19999", ranges.get(0).rangeHeader());
        assertTrue(ranges.get(1).wholeFile());
        assertFalse(ranges.get(2).wholeFile());
        assertEquals(List.of(new FileRange(URI.create("http://h/set/c.bin"), 30_000, 29_000, 1000, 0)),
                layout.ranges(20_005 + 29_000, 1000));
    }

    @Test
    void padFilesAreNeverRequested_BEP47() throws Exception {
        Metainfo hybrid = MetainfoBuilder.directory("set")
                .add(FilePath.of("a.bin"), ContentSource.of(new byte[20_000]))
                .add(FilePath.of("b.bin"), ContentSource.of(new byte[30_000]))
                .version(MetainfoVersion.HYBRID).pieceLength(16384).build();
        assertTrue(hybrid.files().stream().anyMatch(FileEntry::padding), "a hybrid torrent aligns files with pad files");
        WebSeedLayout layout = WebSeedLayout.of(hybrid, WebSeedUrl.parse("http://h/"));
        // piece 1 is the end of a.bin and then padding; piece 2 starts b.bin
        assertEquals(List.of(new FileRange(URI.create("http://h/set/a.bin"), 20_000, 16384, 3616, 0)),
                layout.ranges(16384, 16384));
        List<FileRange> both = layout.ranges(16384, 2 * 16384);
        assertEquals(2, both.size());
        assertEquals(new FileRange(URI.create("http://h/set/b.bin"), 30_000, 0, 16384, 16384), both.get(1));
        assertTrue(both.stream().noneMatch(r -> r.uri().getPath().contains(".pad")), both.toString());
    }
}
