package org.swarmport.portal.comment;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * At most one comment per account every {@link #INTERVAL}, so that one account cannot flood a
 * torrent's page. Kept in memory: a limit per portal node, forgotten on restart, which is
 * enough to stop a script without a table written on every post.
 */
@ApplicationScoped
public class CommentRateLimit {

    static final Duration INTERVAL = Duration.ofSeconds(10);
    /** Past this many remembered accounts, the ones that may post again are forgotten. */
    private static final int PRUNE_ABOVE = 10_000;

    private final Supplier<Instant> clock;
    private final Map<Long, Instant> lastPost = new ConcurrentHashMap<>();

    public CommentRateLimit() {
        this(Instant::now);
    }

    /** With a clock a test moves by hand. */
    CommentRateLimit(Supplier<Instant> clock) {
        this.clock = clock;
    }

    /**
     * Takes the account's turn: zero when it may post now (and its next turn starts now), else
     * how long it has to wait. Check and take are one step, so two posts at once cannot both pass.
     */
    public Duration take(long accountId) {
        Instant now = clock.get();
        Duration[] wait = {Duration.ZERO};
        lastPost.compute(accountId, (id, last) -> {
            if (last != null && now.isBefore(last.plus(INTERVAL))) {
                wait[0] = Duration.between(now, last.plus(INTERVAL));
                return last;
            }
            return now;
        });
        if (lastPost.size() > PRUNE_ABOVE) {
            lastPost.values().removeIf(last -> !now.isBefore(last.plus(INTERVAL)));
        }
        return wait[0];
    }
}
