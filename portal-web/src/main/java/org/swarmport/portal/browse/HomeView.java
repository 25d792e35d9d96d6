package org.swarmport.portal.browse;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;
import org.swarmport.portal.tracker.TrackerClient;
import org.swarmport.portal.tracker.TrackerStats;

/** The home page: what the tracker knows, asked once per request. */
@Named
@RequestScoped
public class HomeView {

    @Inject
    TrackerClient tracker;

    private Optional<TrackerStats> stats;

    public boolean isTrackerAvailable() {
        return stats().isPresent();
    }

    public long getTorrentCount() {
        return stats().map(TrackerStats::torrents).orElse(0L);
    }

    private Optional<TrackerStats> stats() {
        if (stats == null) {
            stats = tracker.stats();
        }
        return stats;
    }
}
