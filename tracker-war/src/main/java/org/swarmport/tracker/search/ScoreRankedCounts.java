package org.swarmport.tracker.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * In one pass over every match: the best {@code wanted} by score, ties by seeders (more first)
 * and then by id, and the matches per category. The order a {@code TopFieldCollector} gives for
 * that sort, without its cost: with a {@code MultiCollector} beside the counting, its generic
 * comparators were half of a broad word's search (bench/portal, JFR), while here a match that
 * scores below the page's worst hit costs one float comparison.
 */
final class ScoreRankedCounts implements CollectorManager<ScoreRankedCounts.Ranker, ScoreRankedCounts.Ranked> {

    /** Global doc ids, best first, and the counts per category key. */
    record Ranked(int[] docs, Map<String, Long> categories) {
    }

    private final int wanted;

    ScoreRankedCounts(int wanted) {
        this.wanted = wanted;
    }

    @Override
    public Ranker newCollector() {
        return new Ranker(wanted);
    }

    @Override
    public Ranked reduce(Collection<Ranker> rankers) {
        Map<String, Long> categories = new TreeMap<>();
        List<Candidate> all = new ArrayList<>();
        for (Ranker r : rankers) {
            r.categories.forEach((k, v) -> categories.merge(k, v, Long::sum));
            for (int i = 0; i < r.size; i++) {
                all.add(new Candidate(r.score[i], r.seeders[i], r.id[i], r.doc[i]));
            }
        }
        all.sort(null);
        return new Ranked(all.stream().limit(wanted).mapToInt(Candidate::doc).toArray(), categories);
    }

    /** A hit in the page's order: the higher score, then more seeders, then the lower id. */
    private record Candidate(float score, long seeders, long id, int doc) implements Comparable<Candidate> {
        @Override
        public int compareTo(Candidate o) {
            int c = Float.compare(o.score, score);
            if (c == 0) {
                c = Long.compare(o.seeders, seeders);
            }
            return c != 0 ? c : Long.compare(id, o.id);
        }
    }

    /**
     * One slice's best hits, in parallel arrays by slot, and a heap of their slots with the
     * worst on top; and its counts.
     */
    static final class Ranker implements Collector {

        private final int capacity;
        private final float[] score;
        private final long[] seeders;
        private final long[] id;
        private final int[] doc;
        private final int[] heap;
        private int size;
        private final Map<String, Long> categories = new HashMap<>();

        Ranker(int capacity) {
            this.capacity = capacity;
            score = new float[capacity];
            seeders = new long[capacity];
            id = new long[capacity];
            doc = new int[capacity];
            heap = new int[capacity];
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            CategoryTally tally = new CategoryTally(context);
            NumericDocValues seedersOf = context.reader().getNumericDocValues(TorrentDocument.SEEDERS);
            NumericDocValues idOf = context.reader().getNumericDocValues(TorrentDocument.ID_VALUE);
            int docBase = context.docBase;
            return new LeafCollector() {
                private Scorable scorer;

                @Override
                public void setScorer(Scorable scorer) {
                    this.scorer = scorer;
                }

                @Override
                public void collect(int d) throws IOException {
                    tally.count(d);
                    float s = scorer.score();
                    if (size == capacity && s < score[heap[0]]) {
                        return;
                    }
                    long sd = value(seedersOf, d);
                    long i = value(idOf, d);
                    if (size < capacity) {
                        heap[size] = size;
                        put(size, s, sd, i, docBase + d);
                        up(size++);
                    } else if (worse(score[heap[0]], seeders[heap[0]], id[heap[0]], s, sd, i)) {
                        put(heap[0], s, sd, i, docBase + d);
                        down(0);
                    }
                }

                @Override
                public void finish() throws IOException {
                    tally.addTo(categories);
                }
            };
        }

        private static long value(NumericDocValues values, int d) throws IOException {
            // What a TopFieldCollector reads for a document without the value: 0.
            return values != null && values.advanceExact(d) ? values.longValue() : 0;
        }

        /** Whether the hit (s1, sd1, i1) ranks below (s2, sd2, i2). */
        private static boolean worse(float s1, long sd1, long i1, float s2, long sd2, long i2) {
            int c = Float.compare(s1, s2);
            if (c == 0) {
                c = Long.compare(sd1, sd2);
            }
            return c != 0 ? c < 0 : i1 > i2;
        }

        /** Whether the hit at heap position {@code a} ranks below the one at {@code b}. */
        private boolean worse(int a, int b) {
            int x = heap[a];
            int y = heap[b];
            return worse(score[x], seeders[x], id[x], score[y], seeders[y], id[y]);
        }

        private void put(int slot, float s, long sd, long i, int d) {
            score[slot] = s;
            seeders[slot] = sd;
            id[slot] = i;
            doc[slot] = d;
        }

        private void up(int at) {
            while (at > 0) {
                int parent = (at - 1) / 2;
                if (!worse(at, parent)) {
                    return;
                }
                swap(at, parent);
                at = parent;
            }
        }

        private void down(int at) {
            while (true) {
                int worst = at;
                for (int child = 2 * at + 1; child <= 2 * at + 2 && child < size; child++) {
                    if (worse(child, worst)) {
                        worst = child;
                    }
                }
                if (worst == at) {
                    return;
                }
                swap(at, worst);
                at = worst;
            }
        }

        private void swap(int a, int b) {
            int slot = heap[a];
            heap[a] = heap[b];
            heap[b] = slot;
        }
    }
}
