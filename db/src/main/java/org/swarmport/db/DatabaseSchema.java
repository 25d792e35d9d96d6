package org.swarmport.db;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.swarmport.db.jdbc.DatabaseUrls;

/**
 * Keeps a war's schema migrated. Each war declares an {@code @ApplicationScoped} subclass
 * naming its schema; it migrates when the war starts.
 *
 * <p>The war deploys even when the database does not answer: health checks then say so
 * (HTTP 503), one warning names {@code SWARMPORT_DB_URL}, and the migration is retried every
 * {@value #RETRY_SECONDS} s until the database answers, so starting the database after the
 * server is not an error. Flyway commits its own transactions, so this is a CDI bean with no
 * container transaction around it.
 */
public abstract class DatabaseSchema {

    public static final String DATASOURCE = "java:jboss/datasources/SwarmportDS";
    static final long RETRY_SECONDS = 30;

    private static final Logger LOG = Logger.getLogger(DatabaseSchema.class.getName());

    @Resource(lookup = DATASOURCE)
    private DataSource dataSource;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    private volatile DatabaseStatus status;
    private ScheduledFuture<?> retries;

    /** The schema this war owns, e.g. {@code tracker}. */
    protected abstract String schema();

    /** Before other start-up observers (default priority 2500), which may read the schema. */
    void start(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) @Initialized(ApplicationScoped.class)
            Object warStarted) {
        status = new DatabaseStatus(DatabaseStatus.State.STARTING, schema(), null, "not migrated yet");
        if (!attempt()) {
            retries = scheduler.scheduleWithFixedDelay(this::retry, RETRY_SECONDS, RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    private void retry() {
        if (attempt()) {
            retries.cancel(false);
        }
    }

    @PreDestroy
    void stop() {
        if (retries != null) {
            retries.cancel(false);
        }
    }

    /** True when there is nothing left to retry: migrated, or failed for good. */
    private synchronized boolean attempt() {
        String database = describeDatabase();
        try {
            String version = new SchemaMigration(schema()).migrate(dataSource);
            if (status.state() == DatabaseStatus.State.UNAVAILABLE) {
                LOG.info(() -> "Database answers again at " + database);
            }
            status = new DatabaseStatus(DatabaseStatus.State.UP, schema(), version, null);
            LOG.info(() -> "Schema " + schema() + " is at version " + version + " on " + database);
            return true;
        } catch (DatabaseUnavailableException e) {
            // One warning per outage, not one per retry: the health endpoint says the rest.
            Level level = status.state() == DatabaseStatus.State.UNAVAILABLE ? Level.FINE : Level.WARNING;
            LOG.log(level, () -> "Database unreachable at " + database + ": " + e.getMessage()
                    + ". Check SWARMPORT_DB_URL, SWARMPORT_DB_USER and SWARMPORT_DB_PASSWORD; schema "
                    + schema() + " will be migrated when the database answers (retrying every "
                    + RETRY_SECONDS + " s).");
            status = new DatabaseStatus(DatabaseStatus.State.UNAVAILABLE, schema(), null, e.getMessage());
            return false;
        } catch (SchemaMigrationException e) {
            LOG.log(Level.SEVERE, e.getMessage(), e);
            status = new DatabaseStatus(DatabaseStatus.State.FAILED, schema(), null, e.getMessage());
            return true;
        }
    }

    /** Migration state, refined by asking the database now: it may have gone away since. */
    public DatabaseStatus status() {
        DatabaseStatus current = status;
        if (current == null || !current.isUp()) {
            return current != null ? current
                    : new DatabaseStatus(DatabaseStatus.State.STARTING, schema(), null, "not migrated yet");
        }
        String problem = DatabaseProbe.problem(dataSource);
        return problem == null ? current
                : new DatabaseStatus(DatabaseStatus.State.UNAVAILABLE, schema(), current.version(), problem);
    }

    private static String describeDatabase() {
        String url = Settings.fromSystem().raw("SWARMPORT_DB_URL");
        return url == null ? "the embedded H2 database (SWARMPORT_DB_URL is not set)"
                : "SWARMPORT_DB_URL=" + DatabaseUrls.redacted(url);
    }
}
