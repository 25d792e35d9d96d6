package org.swarmport.tracker.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.swarmport.tracker.catalogue.Category;

class ScoreRankedCountsTest {

    private static final Sort RELEVANCE = new Sort(SortField.FIELD_SCORE,
            new SortField(TorrentDocument.SEEDERS, SortField.Type.LONG, true),
            new SortField(TorrentDocument.ID_VALUE, SortField.Type.LONG));

    private static final Directory DIRECTORY = new ByteBuffersDirectory();
    private static final ExecutorService THREADS = Executors.newFixedThreadPool(3);
    private static DirectoryReader reader;

    /** 3,000 torrents in several segments, names from six words (scores tie by the hundred), seeders from 0 to 4. */
    @BeforeAll
    static void index() throws IOException {
        String[] words = {"river", "night", "1080p", "web", "flac", "garden"};
        Category[] categories = {Category.MOVIES, Category.TV, Category.AUDIO, null};
        SplittableRandom random = new SplittableRandom(7);
        try (IndexWriter writer = new IndexWriter(DIRECTORY, new IndexWriterConfig(new ReleaseNameAnalyzer()))) {
            for (int id = 1; id <= 3_000; id++) {
                StringBuilder name = new StringBuilder();
                for (int w = 1 + random.nextInt(4); w > 0; w--) {
                    name.append(words[random.nextInt(words.length)]).append('.');
                }
                writer.addDocument(TorrentDocument.of(Torrents.with(Torrents.torrent(id, name + "x" + id),
                        categories[random.nextInt(categories.length)], List.of(), random.nextInt(5), 0)));
                if (id % 700 == 0) {
                    writer.flush();
                }
            }
        }
        reader = DirectoryReader.open(DIRECTORY);
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
        THREADS.shutdown();
    }

    /** One slice per segment on three threads, so that several rankers are reduced into one page. */
    private static IndexSearcher searcher() {
        return new IndexSearcher(reader, THREADS) {
            @Override
            protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
                return leaves.stream().map(leaf -> new LeafSlice(new ArrayList<>(List.of(leaf)))).toArray(LeafSlice[]::new);
            }
        };
    }

    @Test
    void ranksInTheOrderOfATopFieldCollectorByScoreThenSeedersThenId() throws IOException {
        IndexSearcher searcher = searcher();
        assertEquals(5, reader.leaves().size(), "the index should have several segments");
        for (String q : new String[] {"river", "night 1080p", "web|flac", "\"river night\"", "garden -web", ""}) {
            Query query = searcher.rewrite(new SearchQueryParser().parse(q));
            for (int wanted : new int[] {1, 20, 137, 5_000}) {
                int[] expected = Arrays.stream(searcher.search(query,
                        new TopFieldCollectorManager(RELEVANCE, wanted, null, Integer.MAX_VALUE, true)).scoreDocs)
                        .mapToInt(hit -> hit.doc).toArray();

                ScoreRankedCounts.Ranked ranked = searcher.search(query, new ScoreRankedCounts(wanted));

                assertArrayEquals(expected, ranked.docs(), q + ", " + wanted);
            }
        }
    }

    @Test
    void countsEveryMatchPerCategoryNotOnlyThePage() throws IOException {
        IndexSearcher searcher = searcher();
        Query query = searcher.rewrite(new SearchQueryParser().parse("river"));
        Map<String, Long> expected = new TreeMap<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            var postings = leaf.reader().postings(new Term(TorrentDocument.TEXT_PREFIXES, "river"));
            SortedDocValues category = leaf.reader().getSortedDocValues(TorrentDocument.CATEGORY);
            for (int doc = postings.nextDoc(); doc != postings.NO_MORE_DOCS; doc = postings.nextDoc()) {
                category.advanceExact(doc);
                expected.merge(category.lookupOrd(category.ordValue()).utf8ToString(), 1L, Long::sum);
            }
        }

        ScoreRankedCounts.Ranked ranked = searcher.search(query, new ScoreRankedCounts(20));

        assertEquals(expected, ranked.categories());
        assertEquals(searcher.count(query), ranked.categories().values().stream().mapToLong(Long::longValue).sum());
        assertEquals(20, ranked.docs().length);
    }
}
