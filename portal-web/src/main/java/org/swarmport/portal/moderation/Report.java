package org.swarmport.portal.moderation;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
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

/** Someone's report of a torrent or comment (table {@code portal.report}); open until a moderator acts. */
@Entity
@Table(schema = "portal", name = "report")
@NamedQuery(name = Report.OPEN, query = "select r from Report r join fetch r.reporter where r.resolvedAt is null"
        + " order by r.id desc")
@NamedQuery(name = Report.OPEN_ON, query = "select r from Report r join fetch r.reporter where r.resolvedAt is null"
        + " and r.targetKind = :kind and r.targetId = :id order by r.id desc")
@NamedQuery(name = Report.OPEN_BY, query = "select count(r) from Report r where r.resolvedAt is null"
        + " and r.reporter.id = :reporter and r.openTarget = :key")
@NamedQuery(name = Report.RESOLVE_ON, query = "update Report r set r.resolvedAt = :at, r.openTarget = null"
        + " where r.resolvedAt is null and r.targetKind = :kind and r.targetId = :id")
@NamedQuery(name = Report.OPEN_TORRENTS_AFTER, query = "select distinct r.torrentId from Report r where r.resolvedAt is null"
        + " and r.torrentId > :after order by r.torrentId")
@NamedQuery(name = Report.RESOLVE_OF_TORRENT, query = "update Report r set r.resolvedAt = :at, r.openTarget = null"
        + " where r.resolvedAt is null and r.torrentId = :torrent")
public class Report {

    static final String OPEN = "Report.open";
    static final String OPEN_ON = "Report.openOn";
    static final String OPEN_BY = "Report.openBy";
    static final String RESOLVE_ON = "Report.resolveOn";
    static final String RESOLVE_OF_TORRENT = "Report.resolveOfTorrent";
    static final String OPEN_TORRENTS_AFTER = "Report.openTorrentsAfter";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "target_kind", nullable = false, length = 16)
    private String targetKind;

    @Column(name = "target_id", nullable = false)
    private long targetId;

    @Column(name = "torrent_id", nullable = false)
    private long torrentId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "reporter_id", nullable = false)
    private Account reporter;

    @Convert(converter = ReportReasonColumn.class)
    @Column(nullable = false, length = 32)
    private ReportReason reason;

    @Column(length = ReportReason.DETAILS_MAX)
    private String details;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "open_target", length = 40)
    private String openTarget;

    protected Report() {
        // for JPA
    }

    Report(ReportTarget target, Account reporter, ReportReason reason, String details, Instant createdAt) {
        this.targetKind = target.kind().code();
        this.targetId = target.id();
        this.torrentId = target.torrentId();
        this.reporter = reporter;
        this.reason = reason;
        this.details = details;
        this.createdAt = createdAt;
        this.openTarget = target.key();
    }

    public Long id() {
        return id;
    }

    public ReportTarget target() {
        return new ReportTarget(ReportTarget.Kind.fromCode(targetKind), targetId, torrentId);
    }

    public Account reporter() {
        return reporter;
    }

    public ReportReason reason() {
        return reason;
    }

    public String details() {
        return details;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
