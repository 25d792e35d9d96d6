package org.swarmport.portal.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.swarmport.peer.metainfo.ContentSource;
import org.swarmport.peer.metainfo.MetainfoBuilder;
import org.swarmport.peer.metainfo.MetainfoVersion;

/** The upload and edit forms' rules: the tracker's limits, in words for the person filling in the form. */
class TorrentFormRulesTest {

    @Test
    void aMissingOrEmptyFileIsAskedForAndOneOver10MiBIsRefusedBeforeItIsRead() {
        assertEquals(Optional.of("Choose the .torrent file to upload."), TorrentFormRules.torrentSizeProblem(0));
        assertEquals(Optional.empty(), TorrentFormRules.torrentSizeProblem(1));
        assertEquals(Optional.empty(), TorrentFormRules.torrentSizeProblem(10L << 20));
        assertEquals(Optional.of("This file is 11.0 MiB; a .torrent may be at most 10 MiB."),
                TorrentFormRules.torrentSizeProblem(11L << 20));
        assertEquals(Optional.of("This file is 10.0 MiB; a .torrent may be at most 10 MiB."),
                TorrentFormRules.torrentSizeProblem((10L << 20) + 1), "one byte over is over");
    }

    @Test
    void onlyAFileTheParserReadsIsATorrent() throws Exception {
        byte[] real = MetainfoBuilder.singleFile("a.bin", ContentSource.of(new byte[1000]))
                .version(MetainfoVersion.HYBRID).pieceLength(16 * 1024).build().rawBytes();
        assertEquals(Optional.empty(), TorrentFormRules.metainfoProblem(real));

        String problem = TorrentFormRules.metainfoProblem("<html>not a torrent</html>".getBytes(StandardCharsets.UTF_8))
                .orElseThrow();
        assertTrue(problem.startsWith("This is not a .torrent file the tracker can read (bencode: "), problem);
        assertTrue(TorrentFormRules.metainfoProblem("d4:infoi1ee".getBytes(StandardCharsets.US_ASCII)).isPresent());
    }

    @Test
    void aBlankTitleMeansTheTorrentsOwnNameAndALongOneIsRefused() {
        assertNull(TorrentFormRules.title("   "));
        assertNull(TorrentFormRules.title(null));
        assertEquals("A Film", TorrentFormRules.title("  A Film "));
        assertEquals(Optional.empty(), TorrentFormRules.titleProblem(" "));
        assertEquals(Optional.empty(), TorrentFormRules.titleProblem("t".repeat(250)));
        assertEquals(Optional.empty(), TorrentFormRules.titleProblem("\uD83C\uDFAC".repeat(250)),
                "characters are counted, not UTF-16 units");
        assertEquals(Optional.of("At most 250 characters; this title has 251."),
                TorrentFormRules.titleProblem("t".repeat(251)));
        assertEquals(Optional.of("Keep the title on one line, without control characters."),
                TorrentFormRules.titleProblem("two\nlines"));
        assertEquals(Optional.empty(), TorrentFormRules.titleProblem("<script>alert(1)</script>"),
                "markup is text: the pages escape it");
    }

    @Test
    void tagsAreLowercasedEachOnceSortedAndBlankEntriesDropped() {
        assertEquals(List.of("1080p", "c++", "x.264"), TorrentFormRules.tags(" X.264,1080p,,c++, 1080P "));
        assertEquals(List.of(), TorrentFormRules.tags(" , "));
        assertEquals(List.of(), TorrentFormRules.tags(null));
        assertEquals(Optional.empty(), TorrentFormRules.tagsProblem(" X.264,1080p,,c++, 1080P "));
    }

    @Test
    void tagsOutsideTheAlphabetTooLongOrTooManyAreRefused() {
        for (String bad : List.of("two words", "-dash", "ünï", "a".repeat(33), "<script>")) {
            String problem = TorrentFormRules.tagsProblem("ok," + bad).orElseThrow();
            assertTrue(problem.endsWith("is not a tag: a tag is 1 to 32 of a–z, 0–9, . + - and begins with a letter"
                    + " or digit; separate tags with commas."), problem);
        }
        assertEquals(Optional.empty(), TorrentFormRules.tagsProblem("a".repeat(32)));
        String sixteen = IntStream.range(0, 16).mapToObj(i -> "t" + i).collect(Collectors.joining(","));
        assertEquals(Optional.empty(), TorrentFormRules.tagsProblem(sixteen));
        assertEquals(Optional.of("At most 16 tags; these are 17."), TorrentFormRules.tagsProblem(sixteen + ",t16"));
        assertEquals(Optional.empty(), TorrentFormRules.tagsProblem(sixteen + ",T1, t2"), "repeats count once");
        String pasted = "x".repeat(5000) + " y";
        assertTrue(TorrentFormRules.tagsProblem(pasted).orElseThrow().length() < 200, "a pasted text is not echoed whole");
    }

    @Test
    void descriptionsAreAtMost64KiBOfUtf8WithLineBreaksAndTabsButNoOtherControls() {
        assertNull(TorrentFormRules.description(" \n "));
        assertEquals("line\nnext\ttab", TorrentFormRules.description("line\nnext\ttab"));
        assertEquals(Optional.empty(), TorrentFormRules.descriptionProblem("line\r\nnext\ttab"));
        assertEquals(Optional.empty(), TorrentFormRules.descriptionProblem("é".repeat(32_768)));
        assertEquals(Optional.of("At most 64 KiB (65536 bytes as UTF-8); this description has 65537."),
                TorrentFormRules.descriptionProblem("é".repeat(32_768) + "x"));
        assertEquals(Optional.of("Remove the control character at position 4; only line breaks and tabs may be used."),
                TorrentFormRules.descriptionProblem("nul\0byte"));
    }
}
