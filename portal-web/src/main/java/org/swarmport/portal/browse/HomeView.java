package org.swarmport.portal.browse;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;
import org.swarmport.portal.tracker.BadSearchException;
import org.swarmport.portal.tracker.SearchHit;
import org.swarmport.portal.tracker.SearchQuery;
import org.swarmport.portal.tracker.TrackerClient;
import org.swarmport.portal.tracker.TrackerStats;
import org.swarmport.portal.tracker.TrackerUnavailableException;

/** The home page: what the tracker knows, the newest and the most seeded torrents, asked once per request. */
@Named
@RequestScoped
public class HomeView {

    static final String LIST_SIZE = "10";

    @Inject
    TrackerClient tracker;

    private Optional<TrackerStats> stats;
    private List<SearchHit> newest;
    private List<SearchHit> mostSeeded;

    public boolean isTrackerAvailable() {
        return stats().isPresent();
    }

    public long getTorrentCount() {
        return stats().map(TrackerStats::torrents).orElse(0L);
    }

    public List<SearchHit> getNewest() {
        if (newest == null) {
            newest = firstPage("added");
        }
        return newest;
    }

    public List<SearchHit> getMostSeeded() {
        if (mostSeeded == null) {
            mostSeeded = firstPage("seeders");
        }
        return mostSeeded;
    }

    /** Empty while the tracker (or its index, as it is first built) cannot answer: the count says why. */
    private List<SearchHit> firstPage(String sort) {
        if (!isTrackerAvailable()) {
            return List.of();
        }
        try {
            return tracker.search(SearchQuery.of("sort", sort, "size", LIST_SIZE)).hits();
        } catch (BadSearchException | TrackerUnavailableException e) {
            return List.of();
        }
    }

    private Optional<TrackerStats> stats() {
        if (stats == null) {
            stats = tracker.stats();
        }
        return stats;
    }
}
