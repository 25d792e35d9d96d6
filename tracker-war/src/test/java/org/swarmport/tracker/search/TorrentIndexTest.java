package org.swarmport.tracker.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.Field;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmport.tracker.catalogue.CatalogueChange;
import org.swarmport.tracker.catalogue.CataloguedTorrent;
import org.swarmport.tracker.catalogue.Category;
import org.swarmport.tracker.catalogue.CataloguedCounts;

class TorrentIndexTest {

    private TorrentIndex index;

    @BeforeEach
    void open() throws IOException {
        index = TorrentIndex.open(new ByteBuffersDirectory());
        index.reconcile(new Torrents.ListSource(List.of()));
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    private List<Long> ids(SearchRequest request) throws IOException {
        return index.search(request).hits().stream().map(SearchResults.Hit::id).toList();
    }

    private void store(CataloguedTorrent t) {
        index.apply(new CatalogueChange.Stored(t));
    }

    @Test
    void storedTorrentIsFoundWithEverythingAHitShows() throws IOException {
        store(Torrents.with(Torrents.torrent(7, "Debian.12.netinst", "debian-12.iso"), Category.PC, List.of("linux", "iso"), 5, 2));

        SearchResults.Hit hit = index.search(SearchRequest.of("debian")).hits().get(0);

        assertEquals(new SearchResults.Hit(7, "Debian.12.netinst", Torrents.v1(7), Torrents.v2(7), 7000, Category.PC,
                List.of("linux", "iso"), Torrents.torrent(7, "x").addedAt().toInstant(), 5, 2, 0, null), hit);
        assertEquals("magnet:?xt=urn:btih:" + Torrents.v1(7) + "&xt=urn:btmh:1220" + Torrents.v2(7)
                + "&dn=Debian.12.netinst&tr=http%3A%2F%2Ft%2Fa", hit.withMagnet("http://t/a").magnet());
    }

    @Test
    void editReplacesTheDocumentAndRemoveDeletesIt() throws IOException {
        store(Torrents.torrent(1, "Old.Name"));
        store(Torrents.torrent(1, "New.Name"));

        assertEquals(List.of(), ids(SearchRequest.of("old")));
        assertEquals(List.of(1L), ids(SearchRequest.of("new")));

        index.apply(new CatalogueChange.Removed(1, Torrents.v1(1)));
        assertEquals(List.of(), ids(SearchRequest.of("new")));
    }

    @Test
    void countsAreCopiedInPlaceFromTheCatalogue() throws IOException {
        store(new CataloguedTorrent(1, Torrents.v1(1), null, Torrents.v1(1), "Counted", "", Category.MOVIES, List.of(), List.of(),
                10, Torrents.torrent(1, "x").addedAt(), 1, 1, 40));

        index.apply(new CatalogueChange.Counts(List.of(new CataloguedCounts(Torrents.v1(1), 9, 3, 42),
                new CataloguedCounts("ff".repeat(20), 1, 1, 1))));
        index.apply(new CatalogueChange.Counts(List.of(new CataloguedCounts(Torrents.v1(1), 8, 4, 43))));

        SearchResults.Hit hit = index.search(SearchRequest.of("counted")).hits().get(0);
        assertEquals(List.of(8L, 4L, 43L), List.of(hit.seeders(), hit.leechers(), hit.completed()));
        assertEquals(List.of(), ids(SearchRequest.of("").filtered(null, null, null, null, 9L)));
        assertEquals(List.of(1L), ids(SearchRequest.of("").filtered(null, null, null, null, 8L)));
    }

    @Test
    void aBatchTheIndexMissedIsRepairedByTheNext() throws IOException {
        store(Torrents.with(Torrents.torrent(2, "Missed"), Category.MOVIES, List.of(), 1, 1));
        // A batch saying completed 5 was lost (say, in a crash); the next one says 6.
        index.apply(new CatalogueChange.Counts(List.of(new CataloguedCounts(Torrents.v1(2), 3, 2, 6))));

        SearchResults.Hit hit = index.search(SearchRequest.of("missed")).hits().get(0);
        assertEquals(List.of(3L, 2L, 6L), List.of(hit.seeders(), hit.leechers(), hit.completed()));
    }

    @Test
    void aPageOfHitsFromSeveralSegmentsIsReadInThePagesOrderWithEachHitsOwnFields() throws IOException {
        String hostile = "<script>alert(\"x\")</script> & 'q' \u00e9\u2014\ud83d\ude00";
        for (int id = 1; id <= 12; id++) {
            // every store refreshes the searcher: one small segment per torrent (until a merge)
            store(Torrents.with(Torrents.torrent(id, "Page " + (id % 2 == 0 ? hostile : "plain") + " " + id),
                    id % 3 == 0 ? null : Category.TV, id % 2 == 0 ? List.of("t" + id, hostile) : List.of(), 100 - id * 7L % 13, id));
        }

        SearchResults results = index.search(SearchRequest.of("page").sortedBy(SortOrder.SEEDERS, false));

        List<SearchResults.Hit> hits = results.hits();
        assertEquals(12, hits.size());
        for (int i = 1; i < hits.size(); i++) {
            assertTrue(hits.get(i - 1).seeders() >= hits.get(i).seeders(), hits.toString());
        }
        for (SearchResults.Hit hit : hits) {
            long id = hit.id();
            assertEquals("Page " + (id % 2 == 0 ? hostile : "plain") + " " + id, hit.name());
            assertEquals(Torrents.v1(id), hit.infoHashV1());
            assertEquals(id % 3 == 0 ? null : Category.TV, hit.category());
            assertEquals(id % 2 == 0 ? List.of("t" + id, hostile) : List.of(), hit.tags());
            assertEquals(100 - id * 7L % 13, hit.seeders());
            assertEquals(id, hit.leechers());
        }
    }

    @Test
    void sortsByEachOrderBothWays() throws IOException {
        store(Torrents.with(Torrents.torrent(1, "Bravo"), Category.MOVIES, List.of(), 5, 30));
        store(Torrents.with(Torrents.torrent(2, "alpha"), Category.MOVIES, List.of(), 50, 10));
        store(Torrents.with(Torrents.torrent(3, "Charlie"), Category.MOVIES, List.of(), 20, 20));
        SearchRequest all = SearchRequest.of("");

        assertEquals(List.of(2L, 3L, 1L), ids(all.sortedBy(SortOrder.SEEDERS, false)));
        assertEquals(List.of(1L, 3L, 2L), ids(all.sortedBy(SortOrder.SEEDERS, true)));
        assertEquals(List.of(1L, 3L, 2L), ids(all.sortedBy(SortOrder.LEECHERS, false)));
        assertEquals(List.of(3L, 2L, 1L), ids(all.sortedBy(SortOrder.ADDED, false)));
        assertEquals(List.of(1L, 2L, 3L), ids(all.sortedBy(SortOrder.SIZE, true)));
        assertEquals(List.of(2L, 1L, 3L), ids(all.sortedBy(SortOrder.NAME, true)));
        assertEquals(List.of(3L, 1L, 2L), ids(all.sortedBy(SortOrder.NAME, false)));
        // equal relevance: most seeded first
        assertEquals(List.of(2L, 3L, 1L), ids(all));
    }

    @Test
    void filtersByCategoryTagSizeAndCountsEveryCategoryOfTheMatches() throws IOException {
        store(Torrents.with(Torrents.torrent(1, "Linux.Distro"), Category.PC, List.of("linux"), 0, 0));
        store(Torrents.with(Torrents.torrent(2, "Linux.Talk"), Category.MOVIES, List.of("talk"), 0, 0));
        store(Torrents.with(Torrents.torrent(3, "Linux.Book"), Category.BOOKS, List.of("linux"), 0, 0));
        store(Torrents.with(Torrents.torrent(4, "Other.Book"), Category.BOOKS, List.of(), 0, 0));
        SearchRequest linux = SearchRequest.of("linux");

        SearchResults all = index.search(linux);
        assertEquals(3, all.total());
        assertEquals(Map.of("4000", 1L, "2000", 1L, "7000", 1L), all.categories());
        assertEquals(List.of(3L), ids(linux.filtered(Category.BOOKS, null, null, null, null)));
        assertEquals(List.of(1L, 3L), ids(linux.filtered(null, "linux", null, null, null)).stream().sorted().toList());
        assertEquals(List.of(2L, 3L), ids(linux.filtered(null, null, 2000L, 3000L, null)).stream().sorted().toList());
        assertEquals(List.of(), ids(linux.filtered(Category.AUDIO, null, null, null, null)));
    }

    @Test
    void pagesThroughHitsWithTheTotalOnEveryPage() throws IOException {
        for (long id = 1; id <= 25; id++) {
            store(Torrents.with(Torrents.torrent(id, "Paged.Item"), Category.MOVIES, List.of(), id, 0));
        }
        SearchRequest bySeeders = SearchRequest.of("paged").sortedBy(SortOrder.SEEDERS, false);

        List<Long> seen = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            SearchResults results = index.search(bySeeders.page(page, 10));
            assertEquals(25, results.total());
            results.hits().forEach(h -> seen.add(h.id()));
        }
        assertEquals(25, seen.size());
        assertEquals(25L, seen.get(0));
        assertEquals(1L, seen.get(24));
        assertEquals(0, index.search(bySeeders.page(4, 10)).hits().size());
    }

    @Test
    void pagingIsBounded() {
        SearchRequest q = SearchRequest.of("x");
        assertEquals("size: between 1 and 100, got 101",
                assertThrows(BadQueryException.class, () -> q.page(1, 101)).getMessage());
        assertEquals("page: starts at 1, got 0", assertThrows(BadQueryException.class, () -> q.page(0, 10)).getMessage());
        assertTrue(assertThrows(BadQueryException.class, () -> q.page(101, 100)).getMessage().startsWith("page: "));
        assertEquals("minSize: is larger than maxSize",
                assertThrows(BadQueryException.class, () -> q.filtered(null, null, 5L, 4L, null)).getMessage());
        assertEquals("minSeeders: cannot be negative",
                assertThrows(BadQueryException.class, () -> q.filtered(null, null, null, null, -1L)).getMessage());
    }

    @Test
    void suggestCompletesNamesMostSeededFirst() throws IOException {
        store(Torrents.with(Torrents.torrent(1, "Ubuntu.22.04.Desktop"), Category.PC, List.of(), 10, 0));
        store(Torrents.with(Torrents.torrent(2, "Ubuntu.24.04.Desktop"), Category.PC, List.of(), 90, 0));
        store(Torrents.with(Torrents.torrent(3, "Kubuntu.24.04"), Category.PC, List.of(), 99, 0));
        store(Torrents.with(Torrents.torrent(4, "Other", "ubuntu-inside.txt"), Category.PC, List.of(), 100, 0));

        assertEquals(List.of("Ubuntu.24.04.Desktop", "Ubuntu.22.04.Desktop"), index.suggest("ubu", 10));
        assertEquals(List.of("Ubuntu.24.04.Desktop"), index.suggest("ubuntu 24", 10));
        assertEquals(List.of("Ubuntu.24.04.Desktop"), index.suggest("ubu", 1));
        assertThrows(BadQueryException.class, () -> index.suggest(" ", 10));
    }

    // ---- life of the index on disk -------------------------------------------------------

    private static final List<CataloguedTorrent> CATALOGUE = List.of(
            Torrents.torrent(1, "First.Torrent"), Torrents.torrent(2, "Second.Torrent"), Torrents.torrent(3, "Third.Torrent"));

    private static TorrentIndex openBuilt(Directory dir, Torrents.ListSource source) throws IOException {
        TorrentIndex opened = TorrentIndex.open(dir);
        opened.reconcile(source);
        return opened;
    }

    private static long total(TorrentIndex index, String q) throws IOException {
        return index.search(SearchRequest.of(q)).total();
    }

    @Test
    void missingIndexIsBuiltFromTheCatalogue(@TempDir Path dir) throws IOException {
        try (TorrentIndex fresh = TorrentIndex.open(FSDirectory.open(dir))) {
            assertEquals(TorrentIndex.Opened.MISSING, fresh.opened());
            assertFalse(fresh.isBuilt());
            assertEquals(new TorrentIndex.Reconciliation(3, 0, 0), fresh.reconcile(new Torrents.ListSource(CATALOGUE)));
            assertTrue(fresh.isBuilt());
            assertEquals(3, total(fresh, "torrent"));
        }
        try (TorrentIndex reopened = TorrentIndex.open(FSDirectory.open(dir))) {
            assertEquals(TorrentIndex.Opened.EXISTING, reopened.opened());
            assertTrue(reopened.isBuilt());
            assertEquals(3, total(reopened, "torrent"));
            assertEquals(new TorrentIndex.Reconciliation(0, 0, 0), reopened.reconcile(new Torrents.ListSource(CATALOGUE)));
        }
    }

    @Test
    void crashBeforeCommitIsRepairedByReconciliationAtStart(@TempDir Path dir) throws IOException {
        Torrents.ListSource catalogue = new Torrents.ListSource(CATALOGUE);
        TorrentIndex before = openBuilt(FSDirectory.open(dir), catalogue);
        // The catalogue commits changes whose events reach the index, which crashes before its commit.
        CataloguedTorrent renamed = Torrents.torrent(2, "Renamed.Torrent");
        CataloguedTorrent added = Torrents.torrent(4, "Fourth.Torrent");
        catalogue.torrents.set(1, renamed);
        catalogue.torrents.remove(0);
        catalogue.torrents.add(added);
        catalogue.torrents.set(1, Torrents.with(catalogue.torrents.get(1), Category.MOVIES, List.of(), 42, 7));
        before.apply(new CatalogueChange.Stored(renamed));
        before.apply(new CatalogueChange.Stored(added));
        before.apply(new CatalogueChange.Removed(1, Torrents.v1(1)));
        before.apply(new CatalogueChange.Counts(List.of(new CataloguedCounts(Torrents.v1(3), 42, 7, 0))));
        before.abandon();

        try (TorrentIndex after = TorrentIndex.open(FSDirectory.open(dir))) {
            assertEquals(TorrentIndex.Opened.EXISTING, after.opened());
            assertEquals(1, total(after, "first"), "the crash lost the removal");
            assertEquals(new TorrentIndex.Reconciliation(1, 2, 1), after.reconcile(catalogue));
            assertEquals(0, total(after, "first"));
            assertEquals(0, total(after, "second"));
            assertEquals(1, total(after, "renamed"));
            assertEquals(1, total(after, "fourth"));
            assertEquals(42, after.search(SearchRequest.of("third")).hits().get(0).seeders());
        }
    }

    @Test
    void corruptIndexIsRebuilt(@TempDir Path dir) throws IOException {
        openBuilt(FSDirectory.open(dir), new Torrents.ListSource(CATALOGUE)).close();
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
                Files.write(file, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, StandardOpenOption.TRUNCATE_EXISTING);
            }
        }

        try (TorrentIndex rebuilt = TorrentIndex.open(FSDirectory.open(dir))) {
            assertEquals(TorrentIndex.Opened.CORRUPT, rebuilt.opened());
            assertEquals(0, total(rebuilt, ""));
            rebuilt.reconcile(new Torrents.ListSource(CATALOGUE));
            assertEquals(3, total(rebuilt, "torrent"));
        }
    }

    @Test
    void segmentWithABadChecksumCountsAsCorrupt(@TempDir Path dir) throws IOException {
        openBuilt(FSDirectory.open(dir), new Torrents.ListSource(CATALOGUE)).close();
        Path biggest;
        try (var files = Files.list(dir)) {
            biggest = files.max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length())).orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(biggest);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(biggest, bytes);

        try (TorrentIndex rebuilt = TorrentIndex.open(FSDirectory.open(dir))) {
            assertEquals(TorrentIndex.Opened.CORRUPT, rebuilt.opened());
        }
    }

    @Test
    void indexOfAnOlderLayoutIsRebuilt(@TempDir Path dir) throws IOException {
        try (Directory d = FSDirectory.open(dir);
             IndexWriter old = new IndexWriter(d, new IndexWriterConfig())) {
            Document doc = new Document();
            doc.add(new StringField("title", "from layout 0", Field.Store.YES));
            old.addDocument(doc);
            old.setLiveCommitData(Map.of("layout", "0").entrySet());
            old.commit();
        }

        try (TorrentIndex rebuilt = TorrentIndex.open(FSDirectory.open(dir))) {
            assertEquals(TorrentIndex.Opened.OLD_LAYOUT, rebuilt.opened());
            assertEquals(new TorrentIndex.Reconciliation(3, 0, 0), rebuilt.reconcile(new Torrents.ListSource(CATALOGUE)));
            assertEquals(3, total(rebuilt, ""));
        }
    }

    @Test
    void eventsDuringReconciliationWinOverTheCataloguesOlderStream() throws IOException {
        CataloguedTorrent stale = Torrents.torrent(1, "Stale.Name");
        CataloguedTorrent fresh = Torrents.torrent(1, "Fresh.Name");
        // The stream read the row before the edit committed; the event arrives mid-stream.
        Torrents.ListSource racing = new Torrents.ListSource(List.of()) {
            @Override
            public void forEach(java.util.function.Consumer<CataloguedTorrent> sink) {
                index.apply(new CatalogueChange.Stored(fresh));
                sink.accept(stale);
            }
        };

        index.reconcile(racing);

        assertEquals(1, total(index, "fresh"));
        assertEquals(0, total(index, "stale"));
    }
}
