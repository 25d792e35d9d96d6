package org.swarmport.tracker.search;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.lucene.store.FSDirectory;
import org.swarmport.tracker.catalogue.CatalogueChange;
import org.swarmport.tracker.catalogue.CatalogueSource;

/**
 * The war's one search index, in {@code <swarmport.data.dir>/search}: opened when the war
 * starts, reconciled with (or, when missing, corrupt or of an older layout, built from) the
 * catalogue on a container thread, following every catalogue change, committed every few
 * seconds and closed with a last commit on undeploy.
 */
@ApplicationScoped
public class CatalogueSearch {

    private static final Logger LOG = Logger.getLogger(CatalogueSearch.class.getName());
    private static final long COMMIT_EVERY_SECONDS = 5;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Instance<CatalogueSource> catalogue;

    private volatile TorrentIndex index;
    private ScheduledFuture<?> commits;

    void start(@Observes @Initialized(ApplicationScoped.class) Object warStarted) throws IOException {
        Path dir = Path.of(System.getProperty("swarmport.data.dir",
                System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir")) + "/swarmport"), "search");
        TorrentIndex opened = TorrentIndex.open(FSDirectory.open(dir), executor);
        LOG.info(() -> "search index " + dir + ": " + opened.opened());
        index = opened;
        executor.submit(() -> reconcile(opened));
        commits = scheduler.scheduleWithFixedDelay(this::commit, COMMIT_EVERY_SECONDS, COMMIT_EVERY_SECONDS, TimeUnit.SECONDS);
    }

    private void reconcile(TorrentIndex opened) {
        if (catalogue.isUnsatisfied()) {
            LOG.warning("no CatalogueSource deployed: the search index follows catalogue events only");
            opened.acceptAsBuilt();
            return;
        }
        try {
            long started = System.nanoTime();
            TorrentIndex.Reconciliation done = opened.reconcile(catalogue.get());
            LOG.info(() -> "search index agrees with the catalogue after " + (System.nanoTime() - started) / 1_000_000
                    + " ms: " + done);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "search index could not be reconciled with the catalogue; it is rebuilt at the next start", e);
        }
    }

    private void commit() {
        try {
            index.commit();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "search index commit failed; retried in " + COMMIT_EVERY_SECONDS + " s", e);
        }
    }

    /**
     * After the catalogue's transaction committed; fired outside a transaction, at once.
     * A failure here must not reach the catalogue: the next start's reconciliation repairs it.
     */
    void follow(@Observes(during = TransactionPhase.AFTER_SUCCESS) CatalogueChange change) {
        TorrentIndex current = index;
        if (current == null) {
            return; // not started: the reconciliation at start reads the catalogue as it is now
        }
        try {
            current.apply(change);
        } catch (UncheckedIOException | IllegalStateException e) {
            LOG.log(Level.WARNING, "search index missed a catalogue change; repaired at the next start", e);
        }
    }

    public SearchResults search(SearchRequest request) throws IOException {
        return ready().search(request);
    }

    public List<String> suggest(String q, int max) throws IOException {
        return ready().suggest(q, max);
    }

    private TorrentIndex ready() {
        TorrentIndex current = index;
        if (current == null || !current.isBuilt()) {
            throw new SearchUnavailableException();
        }
        return current;
    }

    @PreDestroy
    void stop() {
        if (commits != null) {
            commits.cancel(false);
        }
        TorrentIndex current = index;
        index = null;
        if (current != null) {
            try {
                current.close();
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "search index did not close cleanly; reconciled at the next start", e);
            }
        }
    }
}
