package org.swarmport.tracker.catalogue;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.swarmport.tracker.config.TrackerConfig;
import org.swarmport.tracker.swarm.OtherPeerCounts;
import org.swarmport.tracker.swarm.SwarmCounts;
import org.swarmport.tracker.swarm.SwarmCountsSink;
import org.swarmport.tracker.swarm.SwarmRegistry;
import org.swarmport.tracker.swarm.Swarms;
import org.swarmport.tracker.ws.BrowserPeers;

/**
 * Carries seeders, leechers and completed downloads from the registry and the browser peers
 * to the catalogue every {@code SWARMPORT_COUNTS_FLUSH_INTERVAL} seconds, only for swarms
 * whose counts changed: never per announce. A batch the database refuses is kept and merged into the
 * next one, so no completed download is lost to an outage.
 */
@ApplicationScoped
public class CountsPublisher {

    private static final Logger LOG = Logger.getLogger(CountsPublisher.class.getName());

    @Inject
    Swarms swarms;

    @Inject
    BrowserPeers browsers;

    @Inject
    Catalogue catalogue;

    @Inject
    TrackerConfig config;

    @Inject
    Event<CatalogueChange> changes;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** Swarm hash (hex) → counts not yet written; guarded by this. */
    private final Map<String, SwarmCountsUpdate> pending = new LinkedHashMap<>();
    private ScheduledFuture<?> flushes;

    void start(@Observes @Initialized(ApplicationScoped.class) Object warStarted) {
        long every = config.countsFlushSeconds();
        flushes = scheduler.scheduleWithFixedDelay(this::flush, every, every, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (flushes != null) {
            flushes.cancel(false);
        }
        flush();
    }

    /**
     * Drains the changes of the registry (HTTP and UDP peers) and of the browser peers, and
     * writes them with whatever an earlier flush could not. A torrent has one set of numbers
     * whatever its peers speak, so each changed swarm is written with both sides' current
     * counts and both sides' completed increments.
     */
    public synchronized int flush() {
        HexFormat hex = HexFormat.of();
        SwarmRegistry registry = swarms.registry();
        OtherPeerCounts others = browsers::counts;
        SwarmCountsSink changed = (hash, seeders, leechers, completed, completedIncrement) ->
                pend(hex.formatHex(hash), others.withRegistry(registry, hash), completedIncrement);
        registry.drainChanged(changed);
        browsers.drainChanged(changed);
        if (pending.isEmpty()) {
            return 0;
        }
        List<SwarmCountsUpdate> batch = List.copyOf(pending.values());
        List<CataloguedCounts> written;
        try {
            written = catalogue.updateCounts(batch);
            pending.clear();
        } catch (PersistenceException e) {
            LOG.log(Level.FINE, "counts of " + pending.size() + " swarms kept for the next flush", e);
            return 0;
        }
        // Fired here, outside any transaction, once updateCounts has committed: transactional
        // observers are then notified at once (CDI 4.0, section 10.4.5).
        try {
            changes.fire(new CatalogueChange.Counts(written));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "an observer of the counts batch failed; the catalogue has the counts", e);
        }
        return written.size();
    }

    private void pend(String swarmHash, SwarmCounts counts, int completedIncrement) {
        pending.merge(swarmHash, new SwarmCountsUpdate(swarmHash, counts.seeders(), counts.leechers(), completedIncrement),
                SwarmCountsUpdate::then);
    }
}
