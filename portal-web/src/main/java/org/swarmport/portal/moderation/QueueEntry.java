package org.swarmport.portal.moderation;

import java.util.List;

/**
 * One line of the moderation queue: a reported target, its newest open report, how many open
 * reports it has, and what the target is (a torrent's name, the start of a comment).
 */
public record QueueEntry(ReportTarget target, Report newest, int reportCount, String summary) {

    static QueueEntry of(List<Report> openOnTarget, String summary) {
        return new QueueEntry(openOnTarget.get(0).target(), openOnTarget.get(0), openOnTarget.size(), summary);
    }
}
