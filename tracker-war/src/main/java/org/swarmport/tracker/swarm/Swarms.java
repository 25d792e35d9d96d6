package org.swarmport.tracker.swarm;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.swarmport.tracker.config.TrackerConfig;

/** The tracker's one swarm registry, and the upkeep that forgets silent peers. */
@ApplicationScoped
public class Swarms {

    static final long EXPIRY_SECONDS = 120;
    private static final Logger LOG = Logger.getLogger(Swarms.class.getName());

    @Inject
    TrackerConfig config;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final SwarmRegistry registry = new SwarmRegistry(SwarmRegistry.Config.DEFAULT);
    private ScheduledFuture<?> expiry;

    void start(@Observes @Initialized(ApplicationScoped.class) Object warStarted) {
        expiry = scheduler.scheduleWithFixedDelay(this::expire, EXPIRY_SECONDS, EXPIRY_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (expiry != null) {
            expiry.cancel(false);
        }
    }

    public SwarmRegistry registry() {
        return registry;
    }

    private void expire() {
        int removed = registry.expire(SwarmRegistry.currentMinute(), config.peerTimeoutMinutes());
        if (removed > 0) {
            LOG.fine(() -> "forgot " + removed + " peers silent for over " + config.peerTimeoutMinutes() + " min");
        }
    }
}
