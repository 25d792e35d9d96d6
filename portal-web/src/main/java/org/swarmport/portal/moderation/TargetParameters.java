package org.swarmport.portal.moderation;

import jakarta.faces.context.FacesContext;
import java.util.Optional;
import org.swarmport.portal.forms.ViewParameters;

/**
 * The {@code comment} and {@code torrent} parameters of the report and moderation pages
 * ({@code <f:viewParam value="#{reportView.parameters.comment}"/>}); a blank one counts as absent.
 */
public class TargetParameters {

    private String comment;
    private String torrent;

    /** Whether either names a target. */
    public boolean isGiven() {
        return comment != null || torrent != null;
    }

    /** What they name; empty (and the 404 sent) when there is none. */
    Optional<FoundTarget> find(TargetLookup lookup) {
        return lookup.find(comment, torrent);
    }

    /**
     * What they name, or empty; no 404 is sent. For a page drawn again after Faces refused its
     * form, when the parameters did not reach this bean: then the view's own values count.
     */
    /**
     * {@code found}, or the target looked up again when the page is drawn again after Faces
     * refused its form (a value not in a list), so the action that would have set it did not run.
     */
    FoundTarget orOnRedraw(FoundTarget found, TargetLookup lookup) {
        if (found == null && FacesContext.getCurrentInstance().isPostback()) {
            return lookUp(lookup).orElse(null);
        }
        return found;
    }

    Optional<FoundTarget> lookUp(TargetLookup lookup) {
        if (!isGiven()) {
            setComment(ViewParameters.value("comment"));
            setTorrent(ViewParameters.value("torrent"));
        }
        return lookup.lookUp(comment, torrent);
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment == null || comment.isBlank() ? null : comment;
    }

    public String getTorrent() {
        return torrent;
    }

    public void setTorrent(String torrent) {
        this.torrent = torrent == null || torrent.isBlank() ? null : torrent;
    }
}
