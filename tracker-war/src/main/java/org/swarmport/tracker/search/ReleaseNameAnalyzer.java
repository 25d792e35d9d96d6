package org.swarmport.tracker.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.util.CharTokenizer;

/**
 * Release names, file paths and descriptions: {@code Show.Name.S01E02.1080p.WEB-DL} becomes
 * its parts {@code show name s01e02 1080p web dl} at consecutive positions, so a phrase of parts
 * matches the dotted form and {@link PhrasePrefixQuery} its prefixes. Letters and digits stay
 * together ({@code S01E02}, {@code 1080p}, {@code x264}): those are what people type.
 * Lowercased and folded to ASCII. Index and queries use the same analysis, except that
 * {@link TorrentDocument#TEXT_PREFIXES} indexes each word's beginnings instead of the word.
 *
 * <p>The whole dotted name is not kept as a token of its own: every release name would be a
 * distinct term, and a short prefix such as {@code the} would have to walk them all.
 */
public final class ReleaseNameAnalyzer extends Analyzer {

    private static final int PARTS = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
            | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
            | WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE;

    /** Longest word beginning indexed in {@link TorrentDocument#TEXT_PREFIXES}; longer prefixes expand over terms. */
    static final int MAX_INDEXED_PREFIX = 8;
    private static final int MIN_INDEXED_PREFIX = 2;

    /** Files of one torrent are separate values: no phrase may span two paths. */
    private static final int GAP_BETWEEN_VALUES = 100;

    public ReleaseNameAnalyzer() {
        super(PER_FIELD_REUSE_STRATEGY); // the prefixes field has a chain of its own
    }

    /** Tokens are runs of letters, digits and the punctuation release names join words with. */
    static boolean isTokenChar(int c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == '\'';
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = CharTokenizer.fromTokenCharPredicate(ReleaseNameAnalyzer::isTokenChar);
        TokenStream stream = new WordDelimiterGraphFilter(tokenizer, PARTS, null);
        stream = new LowerCaseFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        if (fieldName.equals(TorrentDocument.TEXT_PREFIXES)) {
            stream = new EdgeNGramTokenFilter(stream, MIN_INDEXED_PREFIX, MAX_INDEXED_PREFIX, false);
        }
        return new TokenStreamComponents(tokenizer, stream);
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
        return GAP_BETWEEN_VALUES;
    }
}
