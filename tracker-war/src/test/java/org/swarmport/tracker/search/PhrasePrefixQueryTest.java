package org.swarmport.tracker.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PhrasePrefixQueryTest {

    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private DirectoryReader reader;
    private IndexSearcher searcher;

    /** "show e{n}" once for n in 0..99, and "show e{n}" n more times: e99 is the most frequent. */
    @BeforeEach
    void index() throws IOException {
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new ReleaseNameAnalyzer()))) {
            for (int n = 0; n < 100; n++) {
                for (int copy = 0; copy <= n; copy++) {
                    Document doc = new Document();
                    doc.add(new TextField("text", String.format(Locale.ROOT, "Show.E%02d", n), Field.Store.NO));
                    writer.addDocument(doc);
                    if (copy == 0 && n % 10 == 0) {
                        writer.commit(); // several segments: frequencies are summed over them
                    }
                }
            }
            Document other = new Document();
            other.add(new TextField("text", "Other.E50 show", Field.Store.NO));
            writer.addDocument(other);
        }
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
    }

    @AfterEach
    void close() throws IOException {
        reader.close();
    }

    private Set<String> lastWords(Query rewritten) {
        Term[][] terms = ((MultiPhraseQuery) rewritten).getTermArrays();
        assertEquals(List.of(new Term("text", "show")), Arrays.asList(terms[0]));
        return Arrays.stream(terms[terms.length - 1]).map(Term::text).collect(Collectors.toSet());
    }

    @Test
    void expandsToTheMostFrequentLongerWordsAndNoMore() throws IOException {
        Query rewritten = searcher.rewrite(new PhrasePrefixQuery("text", List.of("show"), "e"));

        Set<String> words = lastWords(rewritten);
        assertEquals(PhrasePrefixQuery.MAX_EXPANSIONS, words.size());
        assertTrue(words.contains("e99") && words.contains("e36"), words.toString());
        assertTrue(!words.contains("e35") && !words.contains("e00"), "the rarest are left out: " + words);
    }

    @Test
    void findsThePhraseWithItsLastWordStartingSo() throws IOException {
        // e50 (51 copies) after show; "Other.E50 show" has the words but not in that order.
        assertEquals(51 + 52 + 53 + 54 + 55 + 56 + 57 + 58 + 59 + 60,
                searcher.count(new PhrasePrefixQuery("text", List.of("show"), "e5")));
    }

    @Test
    void thePrefixItselfIsNotAnExpansion() throws IOException {
        // "e5" as a whole word is the exact clause's job; the prefix only widens to longer words.
        assertEquals(Set.of("e50", "e51", "e52", "e53", "e54", "e55", "e56", "e57", "e58", "e59"),
                lastWords(searcher.rewrite(new PhrasePrefixQuery("text", List.of("show"), "e5"))));
    }

    @Test
    void aPrefixNothingStartsWithMatchesNothing() throws IOException {
        Query rewritten = searcher.rewrite(new PhrasePrefixQuery("text", List.of("show"), "zz"));

        assertInstanceOf(MatchNoDocsQuery.class, rewritten);
        assertEquals(0, searcher.count(rewritten));
    }
}
