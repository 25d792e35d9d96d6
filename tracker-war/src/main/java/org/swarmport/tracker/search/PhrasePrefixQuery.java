package org.swarmport.tracker.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * A phrase whose last word is a prefix: {@code show.name.s01*} is {@code show name} followed by
 * a word that starts with {@code s01} and goes on. Rewritten against the index into a
 * {@link MultiPhraseQuery} over the most frequent such words, at most
 * {@value #MAX_EXPANSIONS} of them, looking at no more than {@value #MAX_SCANNED} terms per
 * segment: a typed prefix costs the same whatever the dictionary holds. (Elasticsearch's
 * {@code match_phrase_prefix} bounds it the same way.)
 *
 * <p>This replaces indexing each release name a second time as one whole token, whose
 * millions of distinct terms made every short prefix ({@code the}) walk tens of thousands of
 * them.
 */
final class PhrasePrefixQuery extends Query {

    static final int MAX_EXPANSIONS = 64;
    static final int MAX_SCANNED = 10_000;

    private final String field;
    private final List<String> words;
    private final String prefix;

    /** {@code words} in order, then a word that starts with {@code prefix} and is longer. */
    PhrasePrefixQuery(String field, List<String> words, String prefix) {
        this.field = field;
        this.words = List.copyOf(words);
        this.prefix = prefix;
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        List<Term> expansions = expansions(searcher);
        if (expansions.isEmpty()) {
            return new MatchNoDocsQuery("no word starts with " + prefix);
        }
        MultiPhraseQuery.Builder phrase = new MultiPhraseQuery.Builder();
        words.forEach(word -> phrase.add(new Term(field, word)));
        phrase.add(expansions.toArray(Term[]::new));
        return phrase.build();
    }

    private List<Term> expansions(IndexSearcher searcher) throws IOException {
        BytesRef start = new BytesRef(prefix);
        Map<BytesRef, Integer> docFreqs = new HashMap<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            TermsEnum terms = Terms.getTerms(leaf.reader(), field).iterator();
            if (terms.seekCeil(start) == TermsEnum.SeekStatus.END) {
                continue;
            }
            int scanned = 0;
            for (BytesRef term = terms.term(); term != null && scanned < MAX_SCANNED; term = terms.next(), scanned++) {
                if (!StringHelper.startsWith(term, start)) {
                    break;
                }
                if (term.length > start.length) {
                    docFreqs.merge(BytesRef.deepCopyOf(term), terms.docFreq(), Integer::sum);
                }
            }
        }
        List<Map.Entry<BytesRef, Integer>> ranked = new ArrayList<>(docFreqs.entrySet());
        ranked.sort(Map.Entry.<BytesRef, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        return ranked.stream().limit(MAX_EXPANSIONS).map(e -> new Term(field, e.getKey())).toList();
    }

    @Override
    public void visit(QueryVisitor visitor) {
        if (visitor.acceptField(field)) {
            visitor.visitLeaf(this);
        }
    }

    @Override
    public String toString(String defaultField) {
        return (field.equals(defaultField) ? "" : field + ":") + "\"" + String.join(" ", words) + " " + prefix + "*\"";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && other instanceof PhrasePrefixQuery that && field.equals(that.field)
                && words.equals(that.words) && prefix.equals(that.prefix);
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), field, words, prefix);
    }
}
