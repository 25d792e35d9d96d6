package org.swarmport.portal.moderation;

import org.swarmport.portal.comment.Comment;
import org.swarmport.portal.tracker.TorrentDetails;

/**
 * A torrent or comment a page is about, as found: the comment with its author, or the torrent
 * as the tracker describes it (null while the tracker cannot be reached).
 */
public record FoundTarget(ReportTarget target, Comment comment, TorrentDetails torrent, boolean trackerUnavailable) {

    /** {@code comment 42}, {@code torrent 7}. */
    public String text() {
        return (target.isComment() ? "comment " : "torrent ") + target.id();
    }

    /** What it is, in a line: a comment's author and text, a torrent's name. */
    public String summary() {
        if (comment != null) {
            return comment.author().username() + ": " + comment.body();
        }
        return torrent == null ? text() : torrent.name();
    }

    /** Where it is shown, relative to the context path. */
    public String href() {
        return "/torrent?id=" + target.torrentId() + (target.isComment() ? "#comment-" + target.id() : "");
    }
}
