package org.swarmport.portal.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.swarmport.portal.account.Account;

/** The comments on torrents: posting, pages of a torrent's comments, an author's, deleting. */
@ApplicationScoped
public class Comments {

    @PersistenceContext(unitName = "portal")
    EntityManager em;

    private final Clock clock = Clock.systemUTC();

    /** Stores a comment whose text {@link CommentText} has accepted, on a torrent the tracker has. */
    @Transactional
    public Comment post(long torrentId, long authorId, String text) {
        Comment comment = new Comment(torrentId, em.getReference(Account.class, authorId), text, clock.instant());
        em.persist(comment);
        return comment;
    }

    /**
     * Page {@code page} (from 1) of a torrent's comments, oldest first, with their authors
     * (fetched by the query, so the detached comments need no open persistence context). No
     * transaction: a single read needs none, and beginning and committing a JTA transaction on
     * every torrent page was a tenth of its request CPU (bench/portal, JFR).
     */
    public List<Comment> ofTorrent(long torrentId, int page, int pageSize) {
        return em.createNamedQuery(Comment.OF_TORRENT, Comment.class)
                .setParameter("torrent", torrentId)
                .setFirstResult((page - 1) * pageSize)
                .setMaxResults(pageSize)
                .getResultList();
    }

    /** No transaction, as {@link #ofTorrent}. */
    public long countOfTorrent(long torrentId) {
        return em.createNamedQuery(Comment.COUNT_OF_TORRENT, Long.class).setParameter("torrent", torrentId)
                .getSingleResult();
    }

    /** An author's newest comments first. */
    @Transactional
    public List<Comment> byAuthor(long authorId, int max) {
        return em.createNamedQuery(Comment.BY_AUTHOR, Comment.class).setParameter("author", authorId)
                .setMaxResults(max).getResultList();
    }

    @Transactional
    public long countByAuthor(long authorId) {
        return em.createNamedQuery(Comment.COUNT_BY_AUTHOR, Long.class).setParameter("author", authorId)
                .getSingleResult();
    }

    /** A comment with its author. */
    @Transactional
    public Optional<Comment> find(long id) {
        return em.createNamedQuery(Comment.BY_ID, Comment.class).setParameter("id", id).getResultStream().findFirst();
    }

    /** Deletes one comment, in the caller's transaction (moderation records why). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void delete(Comment comment) {
        em.remove(em.contains(comment) ? comment : em.merge(comment));
    }

    /** Deletes every comment of a torrent, in the caller's transaction; answers how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int deleteAllOf(long torrentId) {
        return em.createNamedQuery(Comment.DELETE_OF_TORRENT).setParameter("torrent", torrentId).executeUpdate();
    }

    /** The ids of commented torrents above {@code after}, in order, at most {@code max}: the gone-torrent sweep's pages. */
    public List<Long> torrentIdsAfter(long after, int max) {
        return em.createNamedQuery(Comment.TORRENTS_AFTER, Long.class).setParameter("after", after).setMaxResults(max)
                .getResultList();
    }
}
