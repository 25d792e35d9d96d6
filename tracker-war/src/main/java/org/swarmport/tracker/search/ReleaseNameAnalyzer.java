package org.swarmport.tracker.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.util.CharTokenizer;

/**
 * Release names, file paths and descriptions: {@code Show.Name.S01E02.1080p.WEB-DL} becomes
 * {@code show.name.s01e02.1080p.web-dl} (the original, for prefixes of the whole name) and its
 * parts {@code show name s01e02 1080p web dl} at consecutive positions, so a phrase of parts
 * matches the dotted form. Letters and digits stay together ({@code S01E02}, {@code 1080p},
 * {@code x264}): those are what people type. Lowercased and folded to ASCII.
 *
 * <p>The query side ({@link #forQueries()}) makes only the parts, which the parser turns into
 * a term or a phrase.
 */
public final class ReleaseNameAnalyzer extends Analyzer {

    private static final int PARTS = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
            | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
            | WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE;

    /** Files of one torrent are separate values: no phrase may span two paths. */
    private static final int GAP_BETWEEN_VALUES = 100;

    private final boolean keepOriginal;

    private ReleaseNameAnalyzer(boolean keepOriginal) {
        this.keepOriginal = keepOriginal;
    }

    public static ReleaseNameAnalyzer forIndexing() {
        return new ReleaseNameAnalyzer(true);
    }

    public static ReleaseNameAnalyzer forQueries() {
        return new ReleaseNameAnalyzer(false);
    }

    /** Tokens are runs of letters, digits and the punctuation release names join words with. */
    static boolean isTokenChar(int c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == '\'';
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = CharTokenizer.fromTokenCharPredicate(ReleaseNameAnalyzer::isTokenChar);
        int flags = keepOriginal ? PARTS | WordDelimiterGraphFilter.PRESERVE_ORIGINAL : PARTS;
        TokenStream stream = new WordDelimiterGraphFilter(tokenizer, flags, null);
        if (keepOriginal) {
            // The index cannot hold a token graph; flattened, the parts keep their positions.
            stream = new FlattenGraphFilter(stream);
        }
        stream = new LowerCaseFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
        return GAP_BETWEEN_VALUES;
    }
}
