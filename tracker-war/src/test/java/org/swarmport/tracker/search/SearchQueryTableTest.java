package org.swarmport.tracker.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The query language against a small catalogue: what each query must and must not find. */
class SearchQueryTableTest {

    private static TorrentIndex index;

    @BeforeAll
    static void catalogue() throws IOException {
        index = TorrentIndex.open(new ByteBuffersDirectory());
        index.reconcile(new Torrents.ListSource(List.of(
                Torrents.torrent(1, "Show.Name.S01E02.1080p.WEB-DL.x264-GRP", "Show.Name.S01E02.1080p.WEB-DL.x264-GRP.mkv"),
                Torrents.torrent(2, "Show.Name.S01E03.720p.HDTV.x264-OTHER", "show.name.s01e03.720p.mkv", "Sample/sample.mkv"),
                Torrents.torrent(3, "Another.Show.S02E01.2160p.WEB.H.265-GRP", "another.show.s02e01.mkv"),
                Torrents.torrent(4, "The Artist - Great Album (2019) [FLAC]", "01 - Opening Song.flac", "02 - Name Of The Show.flac"),
                Torrents.torrent(5, "Movie.Title.2021.1080p.BluRay.x265-RLS", "Movie.Title.2021.1080p.BluRay.x265-RLS.mkv",
                        "Subs/English.srt"),
                Torrents.torrent(6, "LibreOffice_7.6.4_Linux_x86-64_deb", "LibreOffice_7.6.4_Linux_x86-64_deb/readme.txt"))));
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    static Stream<Arguments> table() {
        return Stream.of(
                // query, must find, must not find
                Arguments.of("show", Set.of(1L, 2L, 3L, 4L), Set.of(5L, 6L)),
                Arguments.of("show name", Set.of(1L, 2L, 4L), Set.of(3L, 5L)),
                Arguments.of("Show.Name", Set.of(1L, 2L), Set.of(3L, 4L)),
                Arguments.of("s01e02", Set.of(1L), Set.of(2L, 3L)),
                Arguments.of("S01E02 1080p", Set.of(1L), Set.of(2L, 5L)),
                Arguments.of("1080p", Set.of(1L, 5L), Set.of(2L, 3L)),
                Arguments.of("\"name s01e03\"", Set.of(2L), Set.of(1L)),
                Arguments.of("\"show name\"", Set.of(1L, 2L), Set.of(3L, 4L)),
                Arguments.of("\"name show\"", Set.of(), Set.of(1L, 2L, 4L)),
                Arguments.of("show -720p", Set.of(1L, 3L, 4L), Set.of(2L)),
                Arguments.of("show -\"web dl\"", Set.of(2L, 3L, 4L), Set.of(1L)),
                Arguments.of("720p|2160p", Set.of(2L, 3L), Set.of(1L, 4L)),
                Arguments.of("show 720p | 2160p", Set.of(2L, 3L), Set.of(1L, 4L, 5L)),
                Arguments.of("x264 -grp|other", Set.of(), Set.of(1L, 2L)),
                Arguments.of("blu", Set.of(5L), Set.of(1L)), // the last word is a prefix
                Arguments.of("blu ", Set.of(), Set.of(5L)), // ... unless the user moved on
                Arguments.of("libre* linux", Set.of(6L), Set.of(1L)),
                Arguments.of("show.name.s01", Set.of(1L, 2L), Set.of(3L)),
                Arguments.of("show.name.s01e0", Set.of(1L, 2L), Set.of(3L)), // a dotted prefix: the phrase, the last part a prefix
                Arguments.of("name.s01e03.72", Set.of(2L), Set.of(1L)), // ... from any part, not only the first
                Arguments.of("show.name.s02", Set.of(), Set.of(1L, 2L, 3L)),
                Arguments.of("another.show.s0 grp", Set.of(), Set.of(3L)), // only the last word is a prefix
                Arguments.of("another.show.s0* grp", Set.of(3L), Set.of(1L)), // ... or one marked so
                Arguments.of("h.265", Set.of(3L), Set.of(1L, 5L)),
                Arguments.of("7.6.4", Set.of(6L), Set.of(5L)),
                Arguments.of("x86-64", Set.of(6L), Set.of(5L)),
                Arguments.of("english.srt", Set.of(5L), Set.of(1L)), // file names
                Arguments.of("sample", Set.of(2L), Set.of(1L)),
                Arguments.of("opening song", Set.of(4L), Set.of(1L)),
                Arguments.of("\"song name\"", Set.of(), Set.of(4L)), // not across two files
                Arguments.of("FLAC", Set.of(4L), Set.of(1L)),
                Arguments.of("artist album", Set.of(4L), Set.of(1L)),
                Arguments.of(Torrents.v1(3), Set.of(3L), Set.of(1L)),
                Arguments.of(Torrents.v1(3).toUpperCase(), Set.of(3L), Set.of(1L)),
                Arguments.of(Torrents.v2(5), Set.of(5L), Set.of(1L)),
                Arguments.of("nothing-like-this", Set.of(), Set.of(1L, 2L, 3L, 4L, 5L, 6L)),
                Arguments.of("", Set.of(1L, 2L, 3L, 4L, 5L, 6L), Set.of()));
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("table")
    void queryFindsWhatItMustAndNotWhatItMustNot(String q, Set<Long> must, Set<Long> mustNot) throws IOException {
        Set<Long> found = index.search(SearchRequest.of(q)).hits().stream().map(SearchResults.Hit::id)
                .collect(Collectors.toSet());

        assertTrue(found.containsAll(must), q + " found " + found);
        assertTrue(found.stream().noneMatch(mustNot::contains), q + " found " + found);
    }

    @Test
    void theLastWordIsOneIndexedPrefixTermUpToEightCharactersAndExpandsBeyond() {
        SearchQueryParser parser = new SearchQueryParser();
        assertEquals("+text_prefixes:midnight", parser.parse("midnight").toString());
        assertTrue(parser.parse("midnights").toString().startsWith("+(text:midnights text:AutomatonQuery"),
                parser.parse("midnights").toString());
        assertEquals("+text:midnight +text_prefixes:gard", parser.parse("midnight gard").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-show", "-\"show name\"", "\"unclosed phrase", "a*", "!!! ???", "-", "|", "||| -a",
            "a b c d e f g h i j k l m", "s*"})
    void hostileOrEmptyQueriesAreBadQueriesWithAReason(String q) {
        BadQueryException e = assertThrows(BadQueryException.class, () -> index.search(SearchRequest.of(q)));
        assertTrue(e.getMessage().startsWith("q: "), e.getMessage());
    }

    @Test
    void overlongQueryIsRefused() {
        BadQueryException e = assertThrows(BadQueryException.class,
                () -> index.search(SearchRequest.of("x".repeat(SearchQueryParser.MAX_LENGTH + 1))));
        assertTrue(e.getMessage().contains("at most 200 characters"), e.getMessage());
    }

    @Test
    void randomGarbageNeverThrowsAnythingButABadQuery() {
        java.util.Random random = new java.util.Random(5);
        String alphabet = "ab\"-|* .\\()[]{}:^~?+!/\u00e9\u0000\ud83d\ude00";
        for (int i = 0; i < 5000; i++) {
            StringBuilder q = new StringBuilder();
            for (int n = random.nextInt(40); n > 0; n--) {
                q.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            try {
                index.search(SearchRequest.of(q.toString()));
            } catch (BadQueryException expected) {
                assertTrue(expected.getMessage().startsWith("q: "));
            } catch (Exception e) {
                throw new AssertionError("'" + q + "' threw " + e, e);
            }
        }
    }
}
