package org.swarmport.portal.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.swarmport.db.DatabaseSchema;

/** Migrates the {@code portal} schema when the war starts, and retries while the database is away. */
@ApplicationScoped
public class PortalSchema extends DatabaseSchema {

    @Override
    protected String schema() {
        return "portal";
    }
}
