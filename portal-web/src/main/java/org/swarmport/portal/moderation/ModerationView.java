package org.swarmport.portal.moderation;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.swarmport.portal.account.CurrentUser;
import org.swarmport.portal.account.FieldErrors;
import org.swarmport.portal.account.Role;
import org.swarmport.portal.comment.Comments;
import org.swarmport.portal.forms.ErrorResponse;
import org.swarmport.portal.tracker.TrackerClient;
import org.swarmport.portal.tracker.TrackerUnavailableException;

/**
 * {@code /moderation}: the queue of open reports and the recent actions; with {@code ?comment=42}
 * or {@code ?torrent=7} one target, its reports and what can be done about it (dismiss the
 * reports, delete it: a checkbox confirms a deletion, no script needed). {@link ModerationAccess}
 * keeps everyone but moderators and admins out; the actions check the role again.
 */
@Named
@RequestScoped
public class ModerationView {

    static final String FORM = "review";
    private static final int RECENT_ACTIONS = 20;
    /** Targets the queue shows; each torrent among them is one question to the tracker. */
    private static final int QUEUE_TARGETS = 100;

    @Inject
    Reports reports;

    @Inject
    Moderation moderation;

    @Inject
    Comments comments;

    @Inject
    TrackerClient tracker;

    @Inject
    TargetLookup lookup;

    @Inject
    CurrentUser currentUser;

    private final TargetParameters parameters = new TargetParameters();
    private boolean confirmed;

    private FoundTarget found;
    private List<QueueEntry> queue;

    /** The view action: with a target, it must exist (else 404). */
    public void load() {
        if (isReviewing()) {
            found = parameters.find(lookup).orElse(null);
        }
    }

    public boolean isReviewing() {
        return parameters.isGiven();
    }

    /** Closes the target's reports and leaves it as it is. */
    public void dismiss() throws IOException {
        if (!mayAct()) {
            return;
        }
        int closed = moderation.dismiss(moderatorId(), found.target(), found.summary());
        done("Dismissed " + (closed == 1 ? "1 report" : closed + " reports") + " on " + found.text() + ".");
    }

    /** Deletes the comment or the torrent (the tracker's first, then its comments here). */
    public void delete() throws IOException {
        if (!mayAct()) {
            return;
        }
        if (!confirmed) {
            new FieldErrors(FORM).add("confirm", "Tick the box to confirm the deletion.");
            return;
        }
        ReportTarget target = found.target();
        if (target.isComment()) {
            moderation.deleteComment(moderatorId(), target.id());
            done("Deleted comment " + target.id() + ".");
            return;
        }
        try {
            tracker.delete(target.id());
        } catch (TrackerUnavailableException e) {
            new FieldErrors(FORM).addToForm("The tracker cannot be reached, so the torrent is not deleted; try again in a moment.");
            return;
        }
        int deletedComments = moderation.torrentDeleted(moderatorId(), target.id(), found.summary());
        done("Deleted torrent " + target.id() + " and its " + deletedComments
                + (deletedComments == 1 ? " comment." : " comments."));
    }

    /**
     * The filter let the request in, but check the role at the action too (it is read per
     * request); then find the target again, which the postback did not load.
     */
    private boolean mayAct() {
        if (!currentUser.has(Role.MODERATOR)) {
            ErrorResponse.send(403);
            return false;
        }
        found = parameters.find(lookup).orElse(null);
        return found != null;
    }

    private long moderatorId() {
        return currentUser.accountId().orElseThrow();
    }

    /** Back to the queue (POST-redirect-GET), which says what was done. */
    private static void done(String message) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.getFlash().setKeepMessages(true);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
        external.redirect(external.getRequestContextPath() + "/moderation");
        faces.responseComplete();
    }

    /** The queue: one entry per reported target, the most recently reported first. */
    public List<QueueEntry> getQueue() {
        if (queue == null) {
            queue = new ArrayList<>();
            for (List<Report> open : reports.openByTarget()) {
                if (queue.size() == QUEUE_TARGETS) {
                    break;
                }
                queue.add(QueueEntry.of(open, lookup.summaryOf(open.get(0).target())));
            }
        }
        return queue;
    }

    public List<ModerationAction> getRecentActions() {
        return moderation.recent(RECENT_ACTIONS);
    }

    /** The open reports on the reviewed target, newest first. */
    public List<Report> getTargetReports() {
        return getFound() == null ? List.of() : reports.openOn(found.target());
    }

    /** Comments that go with the reviewed torrent. */
    public long getTorrentCommentCount() {
        return getFound() == null || found.target().isComment() ? 0 : comments.countOfTorrent(found.target().id());
    }

    /** The reviewed target, or null on the queue. */
    public FoundTarget getFound() {
        found = parameters.orOnRedraw(found, lookup);
        return found;
    }

    public TargetParameters getParameters() {
        return parameters;
    }

    public boolean isConfirmed() {
        return confirmed;
    }

    public void setConfirmed(boolean confirmed) {
        this.confirmed = confirmed;
    }
}
