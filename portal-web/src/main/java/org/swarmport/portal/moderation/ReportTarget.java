package org.swarmport.portal.moderation;

import java.util.Locale;

/**
 * What a report is about: a torrent (by the tracker's id) or a comment (by its id), and the
 * torrent either belongs to, so that deleting a torrent closes the reports of its comments too.
 */
public record ReportTarget(Kind kind, long id, long torrentId) {

    public enum Kind {
        TORRENT, COMMENT;

        /** As stored in {@code target_kind}: {@code torrent}, {@code comment}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind fromCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    public static ReportTarget torrent(long torrentId) {
        return new ReportTarget(Kind.TORRENT, torrentId, torrentId);
    }

    public static ReportTarget comment(long commentId, long torrentId) {
        return new ReportTarget(Kind.COMMENT, commentId, torrentId);
    }

    /** {@code torrent:7}, {@code comment:42}: the key that keeps one open report per reporter and target. */
    public String key() {
        return kind.code() + ":" + id;
    }

    public boolean isComment() {
        return kind == Kind.COMMENT;
    }
}
