package org.swarmport.tracker.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.swarmport.peer.metainfo.ContentSource;
import org.swarmport.peer.metainfo.FilePath;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.metainfo.MetainfoBuilder;
import org.swarmport.peer.metainfo.MetainfoVersion;
import org.swarmport.tracker.TrackerDeployment;

/**
 * The contract with the search index, inside the server: each change reaches a
 * transactional observer once its transaction has committed, never before and never for a
 * rollback; {@link CatalogueSource} streams the whole catalogue as the index rebuilds from it.
 */
@ExtendWith(ArquillianExtension.class)
class CatalogueChangeIT {

    @Deployment
    static WebArchive deployment() {
        return TrackerDeployment.war().addClasses(CatalogueChangeIT.class, RecordedChanges.class);
    }

    @Inject
    Catalogue catalogue;

    @Inject
    CatalogueSource source;

    @Inject
    KnownTorrents knownTorrents;

    @Inject
    CountsPublisher countsPublisher;

    @Inject
    RecordedChanges recorded;

    @Inject
    UserTransaction tx;

    private static Metainfo newTorrent(String name) throws Exception {
        byte[] content = new byte[20_000];
        ThreadLocalRandom.current().nextBytes(content);
        return MetainfoBuilder.directory(name).add(FilePath.of("a.bin"), ContentSource.of(content))
                .add(FilePath.of("sub", "b.txt"), ContentSource.of("b".getBytes(StandardCharsets.UTF_8)))
                .version(MetainfoVersion.HYBRID).pieceLength(16 * 1024).build();
    }

    private Torrent added(Metainfo metainfo, String... tags) throws Exception {
        tx.begin();
        Torrent torrent = catalogue.add(metainfo, new TorrentLabels(Category.AUDIO, List.of(tags), "d"), null);
        tx.commit();
        return torrent;
    }

    private void removed(long id) throws Exception {
        tx.begin();
        catalogue.remove(catalogue.find(id).orElseThrow());
        tx.commit();
    }

    private List<CatalogueChange> of(long id) {
        return recorded.changes().stream().filter(change -> change instanceof CatalogueChange.Stored stored
                ? stored.torrent().id() == id
                : change instanceof CatalogueChange.Removed removed && removed.id() == id).toList();
    }

    @Test
    void storedAndRemovedArriveOnlyAfterCommit() throws Exception {
        Metainfo metainfo = newTorrent("events");
        tx.begin();
        Torrent torrent = catalogue.add(metainfo, new TorrentLabels(Category.AUDIO, List.of("flac"), "d"), "u");
        long id = torrent.id();
        assertEquals(List.of(), of(id), "nothing before the commit");
        tx.commit();

        CataloguedTorrent stored = ((CatalogueChange.Stored) of(id).get(0)).torrent();
        assertEquals(metainfo.infoHashV1().orElseThrow().hex(), stored.infoHashV1());
        assertEquals(metainfo.infoHashV2().orElseThrow().hex(), stored.infoHashV2());
        assertEquals(stored.infoHashV1(), stored.swarmHash());
        assertEquals(List.of("flac"), stored.tags());
        assertEquals(Category.AUDIO, stored.category());
        assertEquals(List.of("events/a.bin", "events/sub/b.txt"), stored.files());

        tx.begin();
        catalogue.remove(catalogue.find(id).orElseThrow());
        assertEquals(1, of(id).size(), "the removal only after the commit");
        tx.commit();

        assertEquals(new CatalogueChange.Removed(id, stored.swarmHash()), of(id).get(1));
        assertNull(knownTorrents.swarmHashOf(metainfo.infoHashV1().orElseThrow().bytes()));
    }

    @Test
    void aRolledBackAddFiresNothingAndStaysUnknown() throws Exception {
        Metainfo metainfo = newTorrent("rolled-back");
        tx.begin();
        long id = catalogue.add(metainfo, new TorrentLabels(Category.OTHER, List.of(), null), null).id();
        tx.rollback();

        assertEquals(List.of(), of(id));
        assertNull(knownTorrents.swarmHashOf(metainfo.infoHashV2().orElseThrow().truncated()));
    }

    @Test
    void aCountsBatchArrivesOnceWrittenWithTheCataloguesAbsoluteCounts() throws Exception {
        Metainfo metainfo = newTorrent("counted");
        Torrent torrent = added(metainfo);
        try {
            StringBuilder hash = new StringBuilder();
            for (byte b : metainfo.infoHashV1().orElseThrow().bytes()) {
                hash.append('%').append(String.format("%02x", b & 0xff));
            }
            announce(hash, "-SP0001-countedIT000", "&left=0");
            assertEquals(new CataloguedCounts(torrent.swarmHash(), 1, 0, 0), flushedCountsOf(torrent));
            assertEquals(1, catalogue.find(torrent.id()).orElseThrow().seeders(), "written before it was announced");

            // Two downloads completed, one per batch: the second batch says 2, not its increment 1.
            announce(hash, "-SP0001-countedIT001", "&left=0&event=completed");
            assertEquals(new CataloguedCounts(torrent.swarmHash(), 2, 0, 1), flushedCountsOf(torrent));
            announce(hash, "-SP0001-countedIT002", "&left=0&event=completed");
            assertEquals(new CataloguedCounts(torrent.swarmHash(), 3, 0, 2), flushedCountsOf(torrent));
        } finally {
            removed(torrent.id());
        }
    }

    private static void announce(StringBuilder hash, String peerId, String rest) throws Exception {
        HttpResponse<String> announce = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:6969/announce?info_hash=" + hash + "&peer_id=" + peerId + "&port=7001" + rest))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(announce.body().contains("8:intervali"), announce.body());
    }

    /** The torrent's counts in the latest batch fired. */
    private CataloguedCounts flushedCountsOf(Torrent torrent) {
        // flush is synchronized and fires before it returns: should the scheduled flush
        // have taken the change first, its event is recorded by the time this one returns.
        countsPublisher.flush();
        return recorded.changes().stream().filter(CatalogueChange.Counts.class::isInstance)
                .flatMap(change -> ((CatalogueChange.Counts) change).counts().stream())
                .filter(update -> update.swarmHash().equals(torrent.swarmHash())).reduce((first, last) -> last).orElse(null);
    }

    @Test
    void theSourceStreamsEveryTorrentInIdOrderWithItsTagsAndFiles() throws Exception {
        Torrent first = added(newTorrent("first"), "b-tag", "a-tag");
        Torrent second = added(newTorrent("second"));
        try {
            List<CataloguedTorrent> streamed = new ArrayList<>();
            source.forEach(streamed::add);

            assertEquals(catalogue.count(), streamed.size());
            assertEquals(source.count(), streamed.size());
            for (int i = 1; i < streamed.size(); i++) {
                assertTrue(streamed.get(i - 1).id() < streamed.get(i).id(), "id order");
            }
            CataloguedTorrent a = streamed.stream().filter(t -> t.id() == first.id()).findFirst().orElseThrow();
            assertEquals(List.of("a-tag", "b-tag"), a.tags());
            assertEquals(List.of("first/a.bin", "first/sub/b.txt"), a.files());
            CataloguedTorrent b = streamed.stream().filter(t -> t.id() == second.id()).findFirst().orElseThrow();
            assertEquals(List.of(), b.tags());
            assertEquals("second", b.name());
        } finally {
            removed(first.id());
            removed(second.id());
        }
    }
}
