package org.swarmport.tracker.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.store.Directory;
import org.swarmport.tracker.catalogue.CatalogueChange;
import org.swarmport.tracker.catalogue.CatalogueSource;
import org.swarmport.tracker.catalogue.CataloguedTorrent;
import org.swarmport.tracker.catalogue.CataloguedCounts;

/**
 * The search index over one Lucene {@link Directory}: follows catalogue changes, answers
 * searches and suggestions from a near-real-time searcher refreshed after every write, and
 * reconciles itself with the catalogue (see {@code package-info}). Writes are serialised on
 * this object; searches run concurrently with them.
 */
public final class TorrentIndex implements Closeable {

    /** Why the index was opened the way it was. */
    public enum Opened {
        /** An index of this layout: usable at once, reconciled in the background. */
        EXISTING,
        MISSING, CORRUPT, OLD_LAYOUT;

        /** The index is empty and must be built before it can answer. */
        public boolean needsBuild() {
            return this != EXISTING;
        }
    }

    private static final String LAYOUT_KEY = "layout";
    private static final int SUGGESTIONS_SCANNED = 50;

    private final Directory directory;
    private final Opened opened;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final SearchQueryParser parser = new SearchQueryParser();
    private volatile boolean built;
    /** Ids and swarms changed by events while a reconciliation runs; null otherwise. */
    private volatile Set<Long> touchedIds;
    private volatile Set<String> touchedSwarms;

    private TorrentIndex(Directory directory, Opened opened, Executor searchThreads) throws IOException {
        this.directory = directory;
        this.opened = opened;
        IndexWriterConfig config = new IndexWriterConfig(new ReleaseNameAnalyzer())
                .setOpenMode(opened.needsBuild() ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND)
                .setRAMBufferSizeMB(64);
        writer = new IndexWriter(directory, config);
        writer.setLiveCommitData(Map.of(LAYOUT_KEY, TorrentDocument.LAYOUT).entrySet());
        if (opened.needsBuild()) {
            writer.commit();
        }
        searchers = new SearcherManager(writer, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                // With an executor a broad query's segments are searched in parallel: such a
                // query visits every match, for the total and the counts per category.
                return new IndexSearcher(reader, searchThreads);
            }
        });
        built = !opened.needsBuild();
    }

    /**
     * Opens the index in {@code directory}, or, when it is missing, unreadable or of another
     * layout, starts an empty one in its place: then {@link #reconcile} must build it.
     */
    public static TorrentIndex open(Directory directory) throws IOException {
        return open(directory, null);
    }

    /** As {@link #open(Directory)}, searching segments in parallel on {@code searchThreads}. */
    public static TorrentIndex open(Directory directory, Executor searchThreads) throws IOException {
        Opened opened = inspect(directory);
        if (opened.needsBuild()) {
            for (String file : directory.listAll()) {
                if (!file.equals(IndexWriter.WRITE_LOCK_NAME)) {
                    directory.deleteFile(file);
                }
            }
        }
        return new TorrentIndex(directory, opened, searchThreads);
    }

    private static Opened inspect(Directory directory) {
        try {
            if (!DirectoryReader.indexExists(directory)) {
                return Opened.MISSING;
            }
            SegmentInfos commit = SegmentInfos.readLatestCommit(directory);
            if (!TorrentDocument.LAYOUT.equals(commit.getUserData().get(LAYOUT_KEY))) {
                return Opened.OLD_LAYOUT;
            }
            // Opening a reader checks every segment's header and footer checksums.
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                for (LeafReaderContext leaf : reader.leaves()) {
                    leaf.reader().checkIntegrity();
                }
            }
            return Opened.EXISTING;
        } catch (IOException | RuntimeException e) {
            return Opened.CORRUPT;
        }
    }

    public Opened opened() {
        return opened;
    }

    /** False only while a first build runs: the index knows part of the catalogue. */
    public boolean isBuilt() {
        return built;
    }

    // ---- following the catalogue -------------------------------------------------------

    public void apply(CatalogueChange change) {
        try {
            if (change instanceof CatalogueChange.Stored stored) {
                upsert(stored.torrent());
            } else if (change instanceof CatalogueChange.Removed removed) {
                remove(removed.id());
            } else if (change instanceof CatalogueChange.Counts counts) {
                updateCounts(counts.counts());
            }
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("search index write failed", e);
        }
    }

    private synchronized void upsert(CataloguedTorrent torrent) throws IOException {
        touch(torrent.id(), torrent.swarmHash());
        writer.updateDocument(TorrentDocument.idTerm(torrent.id()), TorrentDocument.of(torrent));
    }

    private synchronized void remove(long id) throws IOException {
        touch(id, null);
        writer.deleteDocuments(TorrentDocument.idTerm(id));
    }

    private void touch(long id, String swarm) {
        Set<Long> ids = touchedIds;
        if (ids != null) {
            ids.add(id);
        }
        Set<String> swarms = touchedSwarms;
        if (swarms != null && swarm != null) {
            swarms.add(swarm);
        }
    }

    /**
     * The catalogue's counts, copied: absolute values, so the index agrees with the catalogue
     * after any batch, whatever it missed before. In place: the documents are not re-analysed,
     * and a swarm the catalogue does not hold (open mode) matches no document.
     */
    private synchronized void updateCounts(Collection<CataloguedCounts> counts) throws IOException {
        for (CataloguedCounts c : counts) {
            Set<String> swarms = touchedSwarms;
            if (swarms != null) {
                swarms.add(c.swarmHash());
            }
            writer.updateDocValues(new Term(TorrentDocument.SWARM, c.swarmHash()),
                    new NumericDocValuesField(TorrentDocument.SEEDERS, c.seeders()),
                    new NumericDocValuesField(TorrentDocument.LEECHERS, c.leechers()),
                    new NumericDocValuesField(TorrentDocument.COMPLETED, c.completed()));
        }
    }

    /** Makes what was applied durable; a crash loses at most what came after, which {@link #reconcile} repairs. */
    public void commit() throws IOException {
        if (writer.hasUncommittedChanges()) {
            writer.commit();
        }
    }

    /**
     * Brings the index into agreement with the catalogue: adds what it lacks, rewrites what
     * differs (content or counts), deletes what the catalogue no longer holds. On an empty
     * index this is the full build. Events applied meanwhile win over the catalogue's stream,
     * which may have read those rows before they changed.
     */
    public Reconciliation reconcile(CatalogueSource source) throws IOException {
        touchedIds = ConcurrentHashMap.newKeySet();
        touchedSwarms = ConcurrentHashMap.newKeySet();
        try {
            long[][] known = knownStates();
            long[] ids = known[0];
            long[] states = known[1];
            BitSet seen = new BitSet(ids.length);
            long[] counts = new long[3]; // added, rewritten, removed
            int[] sinceRefresh = {0};
            source.forEach(torrent -> {
                long state = TorrentDocument.stateDigest(TorrentDocument.contentDigest(torrent),
                        torrent.seeders(), torrent.leechers(), torrent.completed());
                int at = Arrays.binarySearch(ids, torrent.id());
                if (at >= 0) {
                    seen.set(at);
                    if (states[at] == state) {
                        return;
                    }
                }
                synchronized (this) {
                    if (touchedIds.contains(torrent.id()) || touchedSwarms.contains(torrent.swarmHash())) {
                        return;
                    }
                    try {
                        if (at >= 0) {
                            writer.updateDocument(TorrentDocument.idTerm(torrent.id()), TorrentDocument.of(torrent));
                        } else {
                            // Neither in the index when the pass began nor touched since: no delete
                            // to buffer, which keeps a full build at the speed of plain adds.
                            writer.addDocument(TorrentDocument.of(torrent));
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                counts[at >= 0 ? 1 : 0]++;
                if (++sinceRefresh[0] == 50_000) {
                    sinceRefresh[0] = 0;
                    refresh();
                }
            });
            synchronized (this) {
                for (int i = seen.nextClearBit(0); i < ids.length; i = seen.nextClearBit(i + 1)) {
                    if (!touchedIds.contains(ids[i])) {
                        writer.deleteDocuments(TorrentDocument.idTerm(ids[i]));
                        counts[2]++;
                    }
                }
                writer.commit();
            }
            refresh();
            built = true;
            return new Reconciliation(counts[0], counts[1], counts[2]);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            touchedIds = null;
            touchedSwarms = null;
        }
    }

    /** What a reconciliation changed. */
    public record Reconciliation(long added, long rewritten, long removed) {
    }

    /** Every document's id and state digest, sorted by id. */
    private long[][] knownStates() throws IOException {
        searchers.maybeRefreshBlocking();
        IndexSearcher searcher = searchers.acquire();
        try {
            int n = searcher.getIndexReader().numDocs();
            long[] ids = new long[n];
            long[] states = new long[n];
            int k = 0;
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                LeafReader reader = leaf.reader();
                NumericDocValues id = reader.getNumericDocValues(TorrentDocument.ID_VALUE);
                NumericDocValues digest = reader.getNumericDocValues(TorrentDocument.DIGEST);
                NumericDocValues seeders = reader.getNumericDocValues(TorrentDocument.SEEDERS);
                NumericDocValues leechers = reader.getNumericDocValues(TorrentDocument.LEECHERS);
                NumericDocValues completed = reader.getNumericDocValues(TorrentDocument.COMPLETED);
                var live = reader.getLiveDocs();
                for (int doc = 0; doc < reader.maxDoc(); doc++) {
                    if ((live != null && !live.get(doc)) || id == null || !id.advanceExact(doc)) {
                        continue;
                    }
                    ids[k] = id.longValue();
                    states[k] = TorrentDocument.stateDigest(at(digest, doc), at(seeders, doc), at(leechers, doc),
                            at(completed, doc));
                    k++;
                }
            }
            long[][] pairs = {Arrays.copyOf(ids, k), Arrays.copyOf(states, k)};
            sortTogether(pairs[0], pairs[1]);
            return pairs;
        } finally {
            searchers.release(searcher);
        }
    }

    private static long at(NumericDocValues values, int doc) throws IOException {
        return values != null && values.advanceExact(doc) ? values.longValue() : 0;
    }

    private static void sortTogether(long[] keys, long[] values) {
        Integer[] order = new Integer[keys.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
        long[] k = keys.clone();
        long[] v = values.clone();
        for (int i = 0; i < order.length; i++) {
            keys[i] = k[order[i]];
            values[i] = v[order[i]];
        }
    }

    /** Without a catalogue to read, the index holds what events brought: answers as it is. */
    public void acceptAsBuilt() {
        built = true;
    }

    /** Makes every write so far visible to searches. */
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("search index refresh failed", e);
        }
    }

    // ---- answering -------------------------------------------------------------------

    public SearchResults search(SearchRequest request) throws IOException {
        Query query = filtered(parser.parse(request.q()), request);
        int wanted = request.page() * request.size();
        IndexSearcher searcher = searchers.acquire();
        try {
            // One pass for the page, the total and the counts per category: counting visits
            // every match anyway, and a second, scored pass for the page (letting block-max
            // WAND skip) cost more than it saved: release names score in ties, which it cannot
            // skip (measured; see docs/BENCHMARKS.md, search).
            Sort sort = sort(request);
            int[] docs;
            Map<String, Long> categories;
            if (sort.getSort()[0] == SortField.FIELD_SCORE) {
                ScoreRankedCounts.Ranked ranked = searcher.search(query, new ScoreRankedCounts(wanted));
                docs = ranked.docs();
                categories = ranked.categories();
            } else {
                Object[] results = searcher.search(query, new MultiCollectorManager(
                        new TopFieldCollectorManager(sort, wanted, null, Integer.MAX_VALUE, true),
                        new CategoryCounts()));
                docs = Arrays.stream(((TopDocs) results[0]).scoreDocs).mapToInt(hit -> hit.doc).toArray();
                @SuppressWarnings("unchecked")
                Map<String, Long> counted = (Map<String, Long>) results[1];
                categories = counted;
            }
            int from = Math.min((request.page() - 1) * request.size(), docs.length);
            List<SearchResults.Hit> hits = hits(searcher, Arrays.copyOfRange(docs, from, docs.length));
            long total = categories.values().stream().mapToLong(Long::longValue).sum();
            return new SearchResults(hits, total, categories);
        } finally {
            searchers.release(searcher);
        }
    }

    /** Up to {@code max} names that complete {@code q}, most seeded first. */
    public List<String> suggest(String q, int max) throws IOException {
        Query query = parser.parseNamePrefix(q);
        IndexSearcher searcher = searchers.acquire();
        try {
            Sort bySeeders = new Sort(new SortField(TorrentDocument.SEEDERS, SortField.Type.LONG, true));
            TopDocs top = searcher.search(query, Math.max(max, SUGGESTIONS_SCANNED), bySeeders);
            Set<String> names = new LinkedHashSet<>();
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc doc : top.scoreDocs) {
                names.add(stored.document(doc.doc).get(TorrentDocument.NAME));
                if (names.size() == max) {
                    break;
                }
            }
            return List.copyOf(names);
        } finally {
            searchers.release(searcher);
        }
    }

    private static Query filtered(Query query, SearchRequest r) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(query, Occur.MUST);
        if (r.category() != null) {
            b.add(new TermQuery(new Term(TorrentDocument.CATEGORY, TorrentDocument.categoryKey(r.category()))), Occur.FILTER);
        }
        if (r.tag() != null) {
            b.add(new TermQuery(new Term(TorrentDocument.TAG, r.tag())), Occur.FILTER);
        }
        if (r.minSize() != null || r.maxSize() != null) {
            b.add(LongPoint.newRangeQuery(TorrentDocument.SIZE, r.minSize() == null ? 0 : r.minSize(),
                    r.maxSize() == null ? Long.MAX_VALUE : r.maxSize()), Occur.FILTER);
        }
        if (r.minSeeders() != null) {
            // Counts change in place, so they live in doc values only: no points to range over.
            b.add(NumericDocValuesField.newSlowRangeQuery(TorrentDocument.SEEDERS, r.minSeeders(), Long.MAX_VALUE),
                    Occur.FILTER);
        }
        return b.build();
    }

    private static Sort sort(SearchRequest r) {
        SortField byId = new SortField(TorrentDocument.ID_VALUE, SortField.Type.LONG);
        SortField bySeeders = new SortField(TorrentDocument.SEEDERS, SortField.Type.LONG, true);
        SortField primary = switch (r.sort()) {
            case RELEVANCE -> r.ascending() ? new SortField(null, SortField.Type.SCORE, true) : SortField.FIELD_SCORE;
            case SEEDERS -> new SortField(TorrentDocument.SEEDERS, SortField.Type.LONG, !r.ascending());
            case LEECHERS -> new SortField(TorrentDocument.LEECHERS, SortField.Type.LONG, !r.ascending());
            case ADDED -> new SortField(TorrentDocument.ADDED, SortField.Type.LONG, !r.ascending());
            case SIZE -> new SortField(TorrentDocument.SIZE, SortField.Type.LONG, !r.ascending());
            case NAME -> new SortField(TorrentDocument.NAME_SORT, SortField.Type.STRING, !r.ascending());
        };
        return r.sort() == SortOrder.SEEDERS ? new Sort(primary, byId) : new Sort(primary, bySeeders, byId);
    }

    /**
     * The page's hits, from doc values only ({@link TorrentDocument#HIT} and the numeric ones):
     * read in doc id order, as doc values iterate forwards, then put back in the page's order.
     */
    private static List<SearchResults.Hit> hits(IndexSearcher searcher, int[] page) throws IOException {
        Integer[] byDoc = new Integer[page.length];
        for (int i = 0; i < page.length; i++) {
            byDoc[i] = i;
        }
        Arrays.sort(byDoc, (a, b) -> Integer.compare(page[a], page[b]));
        SearchResults.Hit[] hits = new SearchResults.Hit[page.length];
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafHits leaf = null;
        for (int i : byDoc) {
            int doc = page[i];
            if (leaf == null || doc >= leaf.context.docBase + leaf.context.reader().maxDoc()) {
                leaf = new LeafHits(leaves.get(ReaderUtil.subIndex(doc, leaves)));
            }
            hits[i] = leaf.hit(doc - leaf.context.docBase);
        }
        return Arrays.asList(hits);
    }

    /** The doc values a hit is read from, in one segment. */
    private static final class LeafHits {

        final LeafReaderContext context;
        private final NumericDocValues id, size, added, seeders, leechers, completed;
        private final SortedDocValues category;
        private final BinaryDocValues fields;

        LeafHits(LeafReaderContext context) throws IOException {
            this.context = context;
            LeafReader r = context.reader();
            id = r.getNumericDocValues(TorrentDocument.ID_VALUE);
            size = r.getNumericDocValues(TorrentDocument.SIZE);
            added = r.getNumericDocValues(TorrentDocument.ADDED);
            seeders = r.getNumericDocValues(TorrentDocument.SEEDERS);
            leechers = r.getNumericDocValues(TorrentDocument.LEECHERS);
            completed = r.getNumericDocValues(TorrentDocument.COMPLETED);
            category = r.getSortedDocValues(TorrentDocument.CATEGORY);
            fields = r.getBinaryDocValues(TorrentDocument.HIT);
        }

        SearchResults.Hit hit(int doc) throws IOException {
            if (fields == null || !fields.advanceExact(doc)) {
                throw new IllegalStateException("a document without the " + TorrentDocument.HIT + " doc value");
            }
            HitFields f = HitFields.decoded(fields.binaryValue());
            String categoryKey = category != null && category.advanceExact(doc) ? category.lookupOrd(category.ordValue()).utf8ToString() : null;
            return new SearchResults.Hit(value(id, doc), f.name(), f.infoHashV1(), f.infoHashV2(), value(size, doc),
                    TorrentDocument.category(categoryKey), f.tags(), Instant.ofEpochMilli(value(added, doc)),
                    value(seeders, doc), value(leechers, doc), value(completed, doc), null);
        }

        private static long value(NumericDocValues values, int doc) throws IOException {
            return values != null && values.advanceExact(doc) ? values.longValue() : 0;
        }
    }

    /** Matches per category ({@link CategoryTally}), beside a page in an order other than by score. */
    private static final class CategoryCounts implements CollectorManager<Collector, Map<String, Long>> {

        private final List<Map<String, Long>> perCollector = new ArrayList<>();

        @Override
        public Collector newCollector() {
            Map<String, Long> counts = new HashMap<>();
            synchronized (perCollector) {
                perCollector.add(counts);
            }
            return new Collector() {
                @Override
                public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
                    CategoryTally tally = new CategoryTally(context);
                    return new LeafCollector() {
                        @Override
                        public void setScorer(Scorable scorer) {
                        }

                        @Override
                        public void collect(int doc) throws IOException {
                            tally.count(doc);
                        }

                        @Override
                        public void finish() throws IOException {
                            tally.addTo(counts);
                        }
                    };
                }

                @Override
                public ScoreMode scoreMode() {
                    return ScoreMode.COMPLETE_NO_SCORES;
                }
            };
        }

        @Override
        public Map<String, Long> reduce(Collection<Collector> collectors) {
            Map<String, Long> all = new TreeMap<>();
            perCollector.forEach(m -> m.forEach((k, v) -> all.merge(k, v, Long::sum)));
            return all;
        }
    }

    /** Drops what was not committed and closes, as a crash would: for tests of recovery. */
    void abandon() throws IOException {
        try (searchers) {
            writer.rollback();
        }
    }

    @Override
    public void close() throws IOException {
        try (writer; searchers) {
            if (writer.isOpen()) {
                writer.commit();
            }
        }
    }
}
