package org.swarmport.portal.moderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.swarmport.portal.account.Account;

/** Reports of torrents and comments: filing one, the open ones, closing them. */
@ApplicationScoped
public class Reports {

    /** The queue looks at this many of the newest open reports. */
    static final int QUEUE_REPORTS = 1_000;

    @PersistenceContext(unitName = "portal")
    EntityManager em;

    private final Clock clock = Clock.systemUTC();

    /**
     * Files a report.
     *
     * @throws AlreadyReportedException when this reporter has an open report on the target
     *         already (one each: a second would only count the same person twice)
     */
    @Transactional
    public void file(ReportTarget target, long reporterId, ReportReason reason, String details) {
        if (hasOpen(target, reporterId)) {
            throw new AlreadyReportedException();
        }
        try {
            em.persist(new Report(target, em.getReference(Account.class, reporterId), reason, details, clock.instant()));
            em.flush();
        } catch (PersistenceException e) {
            // the same reporter's other request got there first (report_one_open_per_reporter)
            throw new AlreadyReportedException();
        }
    }

    @Transactional
    public boolean hasOpen(ReportTarget target, long reporterId) {
        return em.createNamedQuery(Report.OPEN_BY, Long.class).setParameter("reporter", reporterId)
                .setParameter("key", target.key()).getSingleResult() > 0;
    }

    /** The newest open reports grouped by target, the target of the newest report first. */
    @Transactional
    public List<List<Report>> openByTarget() {
        Map<String, List<Report>> byTarget = new LinkedHashMap<>();
        for (Report report : em.createNamedQuery(Report.OPEN, Report.class).setMaxResults(QUEUE_REPORTS).getResultList()) {
            byTarget.computeIfAbsent(report.target().key(), key -> new ArrayList<>()).add(report);
        }
        return List.copyOf(byTarget.values());
    }

    /** The open reports on one target, newest first. */
    @Transactional
    public List<Report> openOn(ReportTarget target) {
        return em.createNamedQuery(Report.OPEN_ON, Report.class).setParameter("kind", target.kind().code())
                .setParameter("id", target.id()).getResultList();
    }

    /** Closes the open reports on a target, in the caller's transaction; answers how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int resolve(ReportTarget target, Instant at) {
        return em.createNamedQuery(Report.RESOLVE_ON).setParameter("at", at).setParameter("kind", target.kind().code())
                .setParameter("id", target.id()).executeUpdate();
    }

    /** Closes the open reports on a torrent and on its comments, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int resolveAllOfTorrent(long torrentId, Instant at) {
        return em.createNamedQuery(Report.RESOLVE_OF_TORRENT).setParameter("at", at).setParameter("torrent", torrentId)
                .executeUpdate();
    }

    /** The ids of torrents with open reports (on them or their comments) above {@code after}, in order, at most {@code max}. */
    public List<Long> openTorrentIdsAfter(long after, int max) {
        return em.createNamedQuery(Report.OPEN_TORRENTS_AFTER, Long.class).setParameter("after", after).setMaxResults(max)
                .getResultList();
    }
}
