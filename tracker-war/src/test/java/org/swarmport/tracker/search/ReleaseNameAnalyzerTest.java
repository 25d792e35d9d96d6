package org.swarmport.tracker.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

class ReleaseNameAnalyzerTest {

    /** term@position, positions counted from 0. */
    private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
        return tokens(analyzer, TorrentDocument.TEXT, text);
    }

    private static List<String> tokens(Analyzer analyzer, String field, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int pos = -1;
            while (stream.incrementToken()) {
                pos += inc.getPositionIncrement();
                out.add(term + "@" + pos);
            }
            stream.end();
        }
        return out;
    }

    @Test
    void releaseNameSplitsOnDotsDashesUnderscoresIntoConsecutiveParts() throws IOException {
        // Only the parts: the whole dotted name would be a distinct term per release.
        assertEquals(List.of("show@0", "name@1", "s01e02@2", "1080p@3", "web@4", "dl@5", "x264@6"),
                tokens(new ReleaseNameAnalyzer(), "Show.Name.S01E02.1080p.WEB-DL_x264"));
    }

    @Test
    void prefixesFieldIndexesTheBeginningsOfEveryWord() throws IOException {
        assertEquals(List.of("we@0", "web@0", "we@1", "web@1", "webr@1", "webri@1", "webrip@1", "mi@2", "mid@2", "midn@2",
                        "midni@2", "midnig@2", "midnigh@2", "midnight@2"),
                tokens(new ReleaseNameAnalyzer(), TorrentDocument.TEXT_PREFIXES, "WEB.WEBRip.Midnightly"));
    }

    @Test
    void lettersAndDigitsStayTogether() throws IOException {
        assertEquals(List.of("s01e02", "1080p", "x264", "h", "264"),
                strip(tokens(new ReleaseNameAnalyzer(), "S01E02 1080p x264 H.264")));
    }

    @Test
    void lowercasesFoldsAccentsAndDropsBracketsAndPossessives() throws IOException {
        assertEquals(List.of("beyonce", "lemonade", "2016", "flac", "ocean", "eleven"),
                strip(tokens(new ReleaseNameAnalyzer(), "Beyoncé - Lemonade (2016) [FLAC] Ocean's Eleven")));
    }

    @Test
    void filePathsSplitOnSlashes() throws IOException {
        assertEquals(List.of("season", "1", "show", "s01e01", "mkv"),
                strip(tokens(new ReleaseNameAnalyzer(), "Season 1/Show.S01E01.mkv")));
    }

    @Test
    void separateFilesAreFarApartSoNoPhraseSpansTwo() {
        assertEquals(100, new ReleaseNameAnalyzer().getPositionIncrementGap("text"));
    }

    private static List<String> strip(List<String> withPositions) {
        return withPositions.stream().map(s -> s.substring(0, s.lastIndexOf('@'))).toList();
    }
}
