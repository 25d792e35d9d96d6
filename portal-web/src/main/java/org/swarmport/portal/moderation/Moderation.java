package org.swarmport.portal.moderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.swarmport.portal.account.Account;
import org.swarmport.portal.comment.Comment;
import org.swarmport.portal.comment.Comments;

/**
 * What moderators do, each in one transaction with the {@link ModerationAction} that records
 * it: every action closes the open reports on its target. The caller has checked that the
 * account is a moderator.
 */
@ApplicationScoped
public class Moderation {

    @PersistenceContext(unitName = "portal")
    EntityManager em;

    @Inject
    Reports reports;

    @Inject
    Comments comments;

    private final Clock clock = Clock.systemUTC();

    /** Closes the reports on a target and leaves it as it is; answers how many were closed. */
    @Transactional
    public int dismiss(long moderatorId, ReportTarget target, String summary) {
        Instant now = clock.instant();
        int closed = reports.resolve(target, now);
        record(moderatorId, ModerationAction.Kind.DISMISS, target, summary, closed, now);
        return closed;
    }

    /** Deletes a comment and closes its reports; empty when there is no such comment (any more). */
    @Transactional
    public Optional<Long> deleteComment(long moderatorId, long commentId) {
        Optional<Comment> found = comments.find(commentId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Comment comment = found.get();
        ReportTarget target = ReportTarget.comment(comment.id(), comment.torrentId());
        Instant now = clock.instant();
        String summary = comment.author().username() + ": " + comment.body();
        comments.delete(comment);
        int closed = reports.resolve(target, now);
        record(moderatorId, ModerationAction.Kind.DELETE_COMMENT, target, summary, closed, now);
        return Optional.of(target.torrentId());
    }

    /**
     * After the tracker has deleted a torrent: deletes its comments and closes the reports on it
     * and on them; answers how many comments went.
     */
    @Transactional
    public int torrentDeleted(long moderatorId, long torrentId, String name) {
        Instant now = clock.instant();
        int deletedComments = comments.deleteAllOf(torrentId);
        int closed = reports.resolveAllOfTorrent(torrentId, now);
        record(moderatorId, ModerationAction.Kind.DELETE_TORRENT, ReportTarget.torrent(torrentId), name, closed, now);
        return deletedComments;
    }

    /**
     * A torrent the tracker no longer has, deleted without the portal (by the tracker's API from
     * another tool): its comments go and the reports on it and on them close, in one
     * transaction. No {@link ModerationAction}: no moderator did it. Answers how many comments went.
     */
    @Transactional
    public int torrentGone(long torrentId) {
        int deletedComments = comments.deleteAllOf(torrentId);
        reports.resolveAllOfTorrent(torrentId, clock.instant());
        return deletedComments;
    }

    /** The newest actions first. */
    @Transactional
    public List<ModerationAction> recent(int max) {
        return em.createNamedQuery(ModerationAction.RECENT, ModerationAction.class).setMaxResults(max).getResultList();
    }

    private void record(long moderatorId, ModerationAction.Kind kind, ReportTarget target, String summary, int closed,
                        Instant at) {
        em.persist(new ModerationAction(em.getReference(Account.class, moderatorId), kind, target, summary, closed, at));
    }
}
