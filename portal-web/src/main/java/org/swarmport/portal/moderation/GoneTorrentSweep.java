package org.swarmport.portal.moderation;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.swarmport.portal.comment.Comments;
import org.swarmport.portal.config.PortalConfig;
import org.swarmport.portal.tracker.TrackerClient;
import org.swarmport.portal.tracker.TrackerUnavailableException;

/**
 * Removes the comments, and closes the reports, of torrents deleted without the portal (the
 * tracker's {@code DELETE} from another tool): every {@code SWARMPORT_GONE_TORRENT_SWEEP_INTERVAL}
 * it walks the torrent ids that have comments or open reports, in id order and batches of 100,
 * and asks the tracker which of each batch it still has: one call per batch, not per torrent.
 *
 * <p>A sweep rather than a reaction to a torrent page's 404: most deleted torrents are never
 * visited again, so their comments would stay for good. Only the tracker's own answer removes
 * anything; an outage ends the sweep, and the next one starts over. Each gone torrent is its own
 * transaction ({@link Moderation#torrentGone}), so a sweep holds no long transaction.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class GoneTorrentSweep {

    private static final Logger LOG = Logger.getLogger(GoneTorrentSweep.class.getName());
    static final int BATCH = TrackerClient.MAX_EXISTING_IDS;
    static final int SUSPICIOUS_MINIMUM = 10;

    @Resource
    TimerService timers;

    @Inject
    PortalConfig config;

    @Inject
    TrackerClient tracker;

    @Inject
    Comments comments;

    @Inject
    Reports reports;

    @Inject
    Moderation moderation;

    /** One sweep at a time: a timer firing while the last sweep still runs is skipped. */
    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void schedule() {
        Duration every = config.goneTorrentSweep();
        if (!every.isZero()) {
            timers.createIntervalTimer(every.toMillis(), every.toMillis(), new TimerConfig(null, false));
        }
    }

    @Timeout
    void sweep() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            int removed = sweepOnce();
            if (removed > 0) {
                LOG.info(() -> "Removed the comments and closed the reports of " + removed
                        + " torrent(s) the tracker no longer has");
            }
        } catch (TrackerUnavailableException e) {
            LOG.log(Level.FINE, "Gone-torrent sweep stopped: the tracker cannot be reached", e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Gone-torrent sweep failed; the next one starts over", e);
        } finally {
            running.set(false);
        }
    }

    /**
     * One pass over every commented or reported torrent; answers how many were gone and had
     * their comments removed. The ids are all asked first and removed after: a pass in which
     * the tracker says most of them are gone {@linkplain #looksLikeAnotherTracker removes nothing}.
     */
    int sweepOnce() throws TrackerUnavailableException {
        List<Long> gone = new ArrayList<>();
        int checked = 0;
        long after = 0;
        while (true) {
            List<Long> batch = nextBatch(after);
            if (batch.isEmpty()) {
                break;
            }
            Set<Long> existing = tracker.existing(batch);
            for (long id : batch) {
                if (!existing.contains(id)) {
                    gone.add(id);
                }
            }
            checked += batch.size();
            after = batch.get(batch.size() - 1);
        }
        if (looksLikeAnotherTracker(checked, gone.size())) {
            int total = checked;
            LOG.warning(() -> "Gone-torrent sweep removed nothing: the tracker at SWARMPORT_TRACKER_URL says "
                    + gone.size() + " of the " + total + " torrents with comments or reports are gone, which looks"
                    + " like a different or empty catalogue rather than deletions");
            return 0;
        }
        gone.forEach(moderation::torrentGone);
        return gone.size();
    }

    /**
     * Whether a pass's answer is more likely a portal pointed at another (or an empty, freshly
     * set-up) tracker than torrents deleted one by one: more than half of at least
     * {@value #SUSPICIOUS_MINIMUM} commented torrents gone at once. Comments cannot be brought
     * back, so such a pass keeps them and says why; deletions through the portal's moderation
     * remove their comments themselves and never wait for a sweep.
     */
    static boolean looksLikeAnotherTracker(int checked, int gone) {
        return gone >= SUSPICIOUS_MINIMUM && gone * 2 > checked;
    }

    /** The next {@link #BATCH} ids above {@code after} that have comments or open reports, in order. */
    private List<Long> nextBatch(long after) {
        Set<Long> ids = new TreeSet<>(comments.torrentIdsAfter(after, BATCH));
        ids.addAll(reports.openTorrentIdsAfter(after, BATCH));
        return ids.stream().limit(BATCH).toList();
    }
}
