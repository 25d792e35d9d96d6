package org.swarmport.tracker.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.AutomatonQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.automaton.Automata;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.Operations;

/**
 * The search box's language, turned into a Lucene query. Pure: no index, no I/O.
 *
 * <ul>
 *   <li>words are ANDed: {@code show 1080p};</li>
 *   <li>{@code "exact phrase"} matches those words in that order;</li>
 *   <li>{@code -word} or {@code -"a phrase"} excludes;</li>
 *   <li>{@code a|b} (or {@code a | b}) matches either;</li>
 *   <li>{@code word*} matches words starting so; the last plain word also matches as a prefix,
 *       so results follow the user's typing;</li>
 *   <li>a word with dots, dashes or underscores ({@code Show.Name}, {@code H.264}) is the phrase
 *       of its parts, the way the analyzer indexes release names;</li>
 *   <li>a bare 40- or 64-hex string finds the torrent with that info-hash.</li>
 * </ul>
 *
 * Bounded: at most {@value #MAX_LENGTH} characters and {@value #MAX_WORDS} words; anything
 * it cannot answer is a {@link BadQueryException} naming {@code q}.
 */
public final class SearchQueryParser {

    static final int MAX_LENGTH = 200;
    static final int MAX_WORDS = 12;
    /** A shorter prefix expands to most of the term dictionary. */
    static final int MIN_PREFIX = 2;

    private static final Pattern V1_HASH = Pattern.compile("[0-9a-fA-F]{40}");
    private static final Pattern V2_HASH = Pattern.compile("[0-9a-fA-F]{64}");

    private final Analyzer analyzer = new ReleaseNameAnalyzer();

    /** One word or phrase as typed. */
    private record Alternative(String text, boolean quoted, boolean explicitPrefix) {
    }

    /** Alternatives of which one must match (or, excluded, none may). */
    private record Clause(boolean excluded, List<Alternative> alternatives) {
    }

    /** The query over the indexed text (name, file paths, description); blank matches everything. */
    public Query parse(String q) {
        return parse(q, TorrentDocument.TEXT, false);
    }

    /** For suggestions: the words over names, the last always a prefix. */
    public Query parseNamePrefix(String q) {
        if (q == null || q.isBlank()) {
            throw new BadQueryException("q: type the beginning of a name");
        }
        return parse(q, TorrentDocument.NAME, true);
    }

    private Query parse(String q, String field, boolean lastIsPrefix) {
        if (q == null || q.isBlank()) {
            return new MatchAllDocsQuery();
        }
        if (q.length() > MAX_LENGTH) {
            throw new BadQueryException("q: at most " + MAX_LENGTH + " characters, got " + q.length());
        }
        String trimmed = q.strip();
        if (V1_HASH.matcher(trimmed).matches() && !lastIsPrefix) {
            String hash = trimmed.toLowerCase(Locale.ROOT);
            return new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(TorrentDocument.V1, hash)), Occur.SHOULD)
                    .add(new TermQuery(new Term(TorrentDocument.SWARM, hash)), Occur.SHOULD)
                    .build();
        }
        if (V2_HASH.matcher(trimmed).matches() && !lastIsPrefix) {
            return new TermQuery(new Term(TorrentDocument.V2, trimmed.toLowerCase(Locale.ROOT)));
        }
        List<Clause> clauses = clauses(trimmed);
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        boolean anyRequired = false;
        for (int c = 0; c < clauses.size(); c++) {
            Clause clause = clauses.get(c);
            List<Query> alternatives = new ArrayList<>();
            for (int a = 0; a < clause.alternatives().size(); a++) {
                Alternative alt = clause.alternatives().get(a);
                boolean last = c == clauses.size() - 1 && a == clause.alternatives().size() - 1;
                boolean prefix = alt.explicitPrefix()
                        || (last && !clause.excluded() && !alt.quoted() && (lastIsPrefix || !q.endsWith(" ")));
                Query one = alternative(field, alt, prefix, alt.explicitPrefix());
                if (one != null) {
                    alternatives.add(one);
                }
            }
            if (alternatives.isEmpty()) {
                continue;
            }
            Query clauseQuery = alternatives.size() == 1 ? alternatives.get(0) : either(alternatives);
            query.add(clauseQuery, clause.excluded() ? Occur.MUST_NOT : Occur.MUST);
            anyRequired |= !clause.excluded();
        }
        if (!anyRequired) {
            throw new BadQueryException(clauses.stream().anyMatch(Clause::excluded)
                    ? "q: a query cannot only exclude words"
                    : "q: no words to search for");
        }
        return query.build();
    }

    private static Query either(List<Query> alternatives) {
        BooleanQuery.Builder or = new BooleanQuery.Builder();
        alternatives.forEach(alt -> or.add(alt, Occur.SHOULD));
        return or.build();
    }

    /** Splits the query into clauses: quotes, leading {@code -}, {@code |} between words. */
    private static List<Clause> clauses(String q) {
        List<Clause> clauses = new ArrayList<>();
        boolean joinNext = false;
        int words = 0;
        int i = 0;
        while (i < q.length()) {
            char ch = q.charAt(i);
            if (Character.isWhitespace(ch)) {
                i++;
                continue;
            }
            if (ch == '|') {
                joinNext = !clauses.isEmpty();
                i++;
                continue;
            }
            boolean excluded = false;
            if (ch == '-' && i + 1 < q.length() && !Character.isWhitespace(q.charAt(i + 1))) {
                excluded = true;
                i++;
            }
            List<Alternative> alternatives = new ArrayList<>();
            if (q.charAt(i) == '"') {
                int end = q.indexOf('"', i + 1);
                if (end < 0) {
                    throw new BadQueryException("q: a phrase opened with \" at " + (i + 1) + " is not closed");
                }
                alternatives.add(new Alternative(q.substring(i + 1, end), true, false));
                i = end + 1;
            } else {
                int end = i;
                while (end < q.length() && !Character.isWhitespace(q.charAt(end)) && q.charAt(end) != '"') {
                    end++;
                }
                for (String part : q.substring(i, end).split("\\|")) {
                    if (!part.isEmpty()) {
                        boolean prefix = part.endsWith("*");
                        alternatives.add(new Alternative(part.replaceAll("\\*+$", ""), false, prefix));
                    }
                }
                i = end;
            }
            words += alternatives.size();
            if (words > MAX_WORDS) {
                throw new BadQueryException("q: at most " + MAX_WORDS + " words");
            }
            if (alternatives.isEmpty()) {
                continue;
            }
            boolean joined = joinNext && !clauses.isEmpty() && !excluded
                    && !clauses.get(clauses.size() - 1).excluded();
            if (joined) {
                clauses.get(clauses.size() - 1).alternatives().addAll(alternatives);
            } else {
                clauses.add(new Clause(excluded, alternatives));
            }
            joinNext = q.charAt(i - 1) == '|';
        }
        return clauses;
    }

    /** A word or phrase as a query on {@code field}, or null when it holds nothing searchable. */
    private Query alternative(String field, Alternative alt, boolean prefix, boolean prefixRequired) {
        List<String> parts = parts(field, alt.text());
        if (parts.isEmpty()) {
            return null;
        }
        Query exact;
        if (parts.size() == 1) {
            exact = new TermQuery(new Term(field, parts.get(0)));
        } else {
            PhraseQuery.Builder phrase = new PhraseQuery.Builder();
            parts.forEach(part -> phrase.add(new Term(field, part)));
            exact = phrase.build();
        }
        String whole = parts.size() == 1 ? parts.get(0) : alt.text().toLowerCase(Locale.ROOT);
        if (!prefix) {
            return exact;
        }
        if (whole.length() < MIN_PREFIX || parts.get(parts.size() - 1).isEmpty()) {
            if (prefixRequired) {
                throw new BadQueryException("q: a prefix needs at least " + MIN_PREFIX + " characters before *");
            }
            return exact;
        }
        if (parts.size() == 1 && field.equals(TorrentDocument.TEXT) && whole.length() <= ReleaseNameAnalyzer.MAX_INDEXED_PREFIX) {
            // One indexed term matches (and scores) every word starting so, the word itself
            // included: one posting list to walk, as with any other word.
            return new TermQuery(new Term(TorrentDocument.TEXT_PREFIXES, whole));
        }
        // The exact word scores; the prefix only widens. A dotted prefix is the phrase of its
        // parts with the last one a prefix (show.name.s01 → show name s01e02).
        Query longer = parts.size() == 1 ? longerThan(field, whole)
                : new PhrasePrefixQuery(field, parts.subList(0, parts.size() - 1), parts.get(parts.size() - 1));
        return new BooleanQuery.Builder()
                .add(exact, Occur.SHOULD)
                .add(longer, Occur.SHOULD)
                .build();
    }

    /**
     * Words that start with {@code prefix} and go on: the word itself is already the exact
     * clause, and for a broad word such as {@code 1080p} a plain prefix query would walk its
     * hundreds of thousands of postings a second time.
     */
    private static Query longerThan(String field, String prefix) {
        Automaton longer = Operations.concatenate(List.of(Automata.makeString(prefix), Automata.makeAnyChar(),
                Automata.makeAnyString()));
        return new AutomatonQuery(new Term(field, prefix + "*"), longer);
    }

    private List<String> parts(String field, String text) {
        List<String> parts = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                parts.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a string cannot fail", e);
        }
        return parts;
    }
}
