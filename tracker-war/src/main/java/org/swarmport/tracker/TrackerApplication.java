package org.swarmport.tracker;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The tracker's JSON API under {@code /tracker/api/v1}. Announce and scrape are plain servlets. */
@ApplicationPath("/api/v1")
public class TrackerApplication extends Application {
}
