package org.swarmport.portal.moderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.swarmport.portal.comment.Comments;
import org.swarmport.portal.forms.ErrorResponse;
import org.swarmport.portal.tracker.TorrentDetails;
import org.swarmport.portal.tracker.TrackerClient;
import org.swarmport.portal.tracker.TrackerUnavailableException;

/**
 * Finds what {@code ?comment=42} or {@code ?torrent=7} names, for the report and moderation
 * pages: a comment in the portal's table, a torrent at the tracker. One that does not exist (or
 * an id that is no number) is the 404 page, as any unknown URL is.
 */
@ApplicationScoped
public class TargetLookup {

    @Inject
    Comments comments;

    @Inject
    TrackerClient tracker;

    /** The target; empty when there is none, and then the 404 is sent. */
    public Optional<FoundTarget> find(String comment, String torrent) {
        Optional<FoundTarget> found = lookUp(comment, torrent);
        if (found.isEmpty()) {
            ErrorResponse.send(404);
        }
        return found;
    }

    /** The target, or empty; sends nothing (for a page drawn again after its form was refused). */
    public Optional<FoundTarget> lookUp(String comment, String torrent) {
        Optional<Long> id = positive(comment != null ? comment : torrent);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        if (comment != null) {
            return comments.find(id.get()).map(found -> new FoundTarget(
                    ReportTarget.comment(found.id(), found.torrentId()), found, null, false));
        }
        ReportTarget target = ReportTarget.torrent(id.get());
        try {
            return tracker.torrent(id.get()).map(details -> new FoundTarget(target, null, details, false));
        } catch (TrackerUnavailableException e) {
            return Optional.of(new FoundTarget(target, null, null, true));
        }
    }

    /** The name of a reported target for the queue (at most 200 characters), without failing on one that is gone. */
    public String summaryOf(ReportTarget reported) {
        if (reported.isComment()) {
            return comments.find(reported.id()).map(c -> shortened(c.author().username() + ": " + c.body()))
                    .orElse("(comment deleted)");
        }
        try {
            return tracker.torrent(reported.id()).map(TorrentDetails::name).orElse("(no longer in the catalogue)");
        } catch (TrackerUnavailableException e) {
            return "torrent " + reported.id() + " (the tracker cannot be reached)";
        }
    }

    private static String shortened(String text) {
        return text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }

    private static Optional<Long> positive(String value) {
        try {
            long parsed = value == null ? 0 : Long.parseLong(value.strip());
            return parsed > 0 ? Optional.of(parsed) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
