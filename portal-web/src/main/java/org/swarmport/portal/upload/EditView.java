package org.swarmport.portal.upload;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.swarmport.portal.account.CurrentUser;
import org.swarmport.portal.account.FieldErrors;
import org.swarmport.portal.browse.CategoryNames;
import org.swarmport.portal.browse.TorrentView;
import org.swarmport.portal.tracker.Category;
import org.swarmport.portal.tracker.TorrentDetails;
import org.swarmport.portal.tracker.TorrentEdit;
import org.swarmport.portal.tracker.TrackerClient;
import org.swarmport.portal.tracker.TrackerRefusedException;
import org.swarmport.portal.tracker.TrackerUnavailableException;

/**
 * {@code /edit?id=7}: a torrent's title, category, tags and description (the .torrent itself is
 * never replaced), for its uploader and for moderators ({@link EditRights}). The id and the right
 * are checked again on the POST: the form's id can be changed by whoever sends it.
 */
@Named
@RequestScoped
public class EditView {

    static final String FORM = "edit";

    @Inject
    CurrentUser currentUser;

    @Inject
    EditRights rights;

    @Inject
    TrackerClient tracker;

    @Inject
    CategoryNames categoryNames;

    private String id;
    private TorrentFields fields = new TorrentFields();
    private TorrentDetails torrent;
    private boolean forbidden;
    private boolean trackerUnavailable;

    /** The view action: loads the torrent and fills the form with it, if this person may edit it. */
    public String load() throws IOException {
        String refused = admit();
        if (refused == null && torrent != null && !forbidden) {
            fields = TorrentFields.of(torrent);
        }
        return refused;
    }

    public String save() throws IOException {
        String refused = admit();
        if (refused != null || torrent == null || forbidden) {
            return refused;
        }
        FieldErrors errors = new FieldErrors(FORM);
        Optional<Category> category = fields.check(errors, categoryNames);
        if (errors.any()) {
            return null;
        }
        try {
            tracker.edit(torrent.id(), new TorrentEdit(fields.storedTitle(), category.orElseThrow().id(),
                    fields.storedTags(), fields.storedDescription()));
        } catch (TrackerRefusedException e) {
            if (e.status() == 404) {
                notFound();
                return null;
            }
            TorrentFields.show(e, errors, null);
            return null;
        } catch (TrackerUnavailableException e) {
            errors.addToForm("The tracker cannot be reached right now, so nothing was changed. Try again in a moment.");
            return null;
        }
        return "/torrent?faces-redirect=true&edited=true&id=" + torrent.id();
    }

    /**
     * A visitor signs in first (coming back here); an unknown torrent is the 404 page; someone who
     * may not edit it gets 403. Answers the navigation outcome for the visitor, else null.
     */
    private String admit() throws IOException {
        Optional<Long> parsed = TorrentView.idOf(id);
        if (!currentUser.isSignedIn()) {
            return AccessRefusal.signInFirst(parsed.map(n -> "/edit?id=" + n).orElse("/edit"));
        }
        Optional<TorrentDetails> found;
        try {
            found = parsed.isPresent() ? tracker.torrent(parsed.get()) : Optional.empty();
        } catch (TrackerUnavailableException e) {
            trackerUnavailable = true;
            return null;
        }
        if (found.isEmpty()) {
            notFound();
            return null;
        }
        torrent = found.get();
        if (!rights.mayEdit(torrent)) {
            forbidden = true;
            AccessRefusal.forbidden();
        }
        return null;
    }

    private static void notFound() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().responseSendError(404, "No torrent with this id");
        faces.responseComplete();
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public List<Category> getCategories() {
        return categoryNames.all();
    }

    public TorrentFields getFields() {
        return fields;
    }

    public TorrentDetails getTorrent() {
        return torrent;
    }

    public boolean isForbidden() {
        return forbidden;
    }

    public boolean isTrackerUnavailable() {
        return trackerUnavailable;
    }
}
