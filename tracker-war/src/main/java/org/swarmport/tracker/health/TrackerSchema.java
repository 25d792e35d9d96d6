package org.swarmport.tracker.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.swarmport.db.DatabaseSchema;

/** Migrates the {@code tracker} schema when the war starts, and retries while the database is away. */
@ApplicationScoped
public class TrackerSchema extends DatabaseSchema {

    @Override
    protected String schema() {
        return "tracker";
    }
}
