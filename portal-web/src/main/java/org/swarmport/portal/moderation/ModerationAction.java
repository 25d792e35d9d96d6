package org.swarmport.portal.moderation;

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

/** What a moderator did, when, to what (table {@code portal.moderation_action}); kept for good. */
@Entity
@Table(schema = "portal", name = "moderation_action")
@NamedQuery(name = ModerationAction.RECENT, query = "select a from ModerationAction a join fetch a.moderator order by a.id desc")
public class ModerationAction {

    static final String RECENT = "ModerationAction.recent";
    /** Longest summary stored: the start of a comment, a torrent's name. */
    static final int SUMMARY_MAX = 200;

    /** What was done, as stored in {@code action}. */
    public enum Kind {
        DISMISS("dismiss", "dismissed the reports on"),
        DELETE_COMMENT("delete-comment", "deleted"),
        DELETE_TORRENT("delete-torrent", "deleted");

        private final String code;
        private final String verb;

        Kind(String code, String verb) {
            this.code = code;
            this.verb = verb;
        }

        public String code() {
            return code;
        }

        /** As the page's list of recent actions says it: "alice deleted comment 42". */
        public String verb() {
            return verb;
        }

        static Kind fromCode(String code) {
            for (Kind kind : values()) {
                if (kind.code.equals(code)) {
                    return kind;
                }
            }
            throw new IllegalStateException("unknown moderation action in the database: " + code);
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "moderator_id", nullable = false)
    private Account moderator;

    @Column(nullable = false, length = 32)
    private String action;

    @Column(name = "target_kind", nullable = false, length = 16)
    private String targetKind;

    @Column(name = "target_id", nullable = false)
    private long targetId;

    @Column(name = "torrent_id", nullable = false)
    private long torrentId;

    @Column(nullable = false, length = SUMMARY_MAX)
    private String summary;

    @Column(name = "reports_closed", nullable = false)
    private int reportsClosed;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ModerationAction() {
        // for JPA
    }

    ModerationAction(Account moderator, Kind kind, ReportTarget target, String summary, int reportsClosed, Instant at) {
        this.moderator = moderator;
        this.action = kind.code();
        this.targetKind = target.kind().code();
        this.targetId = target.id();
        this.torrentId = target.torrentId();
        this.summary = summary.length() > SUMMARY_MAX ? summary.substring(0, SUMMARY_MAX - 1) + "…" : summary;
        this.reportsClosed = reportsClosed;
        this.createdAt = at;
    }

    public Long id() {
        return id;
    }

    public Account moderator() {
        return moderator;
    }

    public Kind kind() {
        return Kind.fromCode(action);
    }

    public ReportTarget target() {
        return new ReportTarget(ReportTarget.Kind.fromCode(targetKind), targetId, torrentId);
    }

    public String summary() {
        return summary;
    }

    public int reportsClosed() {
        return reportsClosed;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
