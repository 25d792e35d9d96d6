package org.swarmport.portal.comment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.swarmport.portal.account.Account;

/** Someone's comment on a torrent (table {@code portal.comment}); {@code torrentId} is the tracker's id. */
@Entity
@Table(schema = "portal", name = "comment")
@NamedQuery(name = Comment.OF_TORRENT, query = "select c from Comment c join fetch c.author"
        + " where c.torrentId = :torrent order by c.id")
@NamedQuery(name = Comment.BY_ID, query = "select c from Comment c join fetch c.author where c.id = :id")
@NamedQuery(name = Comment.COUNT_OF_TORRENT, query = "select count(c) from Comment c where c.torrentId = :torrent")
@NamedQuery(name = Comment.BY_AUTHOR, query = "select c from Comment c where c.author.id = :author order by c.id desc")
@NamedQuery(name = Comment.COUNT_BY_AUTHOR, query = "select count(c) from Comment c where c.author.id = :author")
@NamedQuery(name = Comment.TORRENTS_AFTER, query = "select distinct c.torrentId from Comment c where c.torrentId > :after"
        + " order by c.torrentId")
@NamedQuery(name = Comment.DELETE_OF_TORRENT, query = "delete from Comment c where c.torrentId = :torrent")
public class Comment {

    static final String OF_TORRENT = "Comment.ofTorrent";
    static final String BY_ID = "Comment.byId";
    static final String COUNT_OF_TORRENT = "Comment.countOfTorrent";
    static final String BY_AUTHOR = "Comment.byAuthor";
    static final String COUNT_BY_AUTHOR = "Comment.countByAuthor";
    static final String DELETE_OF_TORRENT = "Comment.deleteOfTorrent";
    static final String TORRENTS_AFTER = "Comment.torrentsAfter";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "torrent_id", nullable = false)
    private long torrentId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id", nullable = false)
    private Account author;

    @Column(nullable = false, length = CommentText.MAX_LENGTH)
    private String body;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Comment() {
        // for JPA
    }

    Comment(long torrentId, Account author, String body, Instant createdAt) {
        this.torrentId = torrentId;
        this.author = author;
        this.body = body;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public long torrentId() {
        return torrentId;
    }

    public Account author() {
        return author;
    }

    public String body() {
        return body;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
