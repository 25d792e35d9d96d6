package org.swarmport.portal.tracker;

/** What {@code GET /tracker/api/v1/stats} answers, as far as the portal reads it. */
public record TrackerStats(long torrents) {
}
