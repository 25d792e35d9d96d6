package org.swarmport.portal.upload;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.swarmport.portal.account.CurrentUser;
import org.swarmport.portal.account.FieldErrors;
import org.swarmport.portal.browse.CategoryNames;
import org.swarmport.portal.tracker.Category;
import org.swarmport.portal.tracker.TorrentSubmission;
import org.swarmport.portal.tracker.TrackerClient;
import org.swarmport.portal.tracker.TrackerRefusedException;
import org.swarmport.portal.tracker.TrackerUnavailableException;

/**
 * {@code /upload}: a .torrent with its title, category, tags and description, published to the
 * tracker with the signed-in username as its uploader. Who may upload is
 * {@code SWARMPORT_UPLOAD_ROLE} ({@link CurrentUser#isMayUpload()}).
 */
@Named
@RequestScoped
public class UploadView {

    static final String FORM = "upload";

    @Inject
    CurrentUser currentUser;

    @Inject
    TrackerClient tracker;

    @Inject
    CategoryNames categoryNames;

    private final TorrentFields fields = new TorrentFields();
    private Part torrentFile;
    private boolean forbidden;
    private Long duplicateId;

    /** The view action: a visitor signs in first; an account without the upload role gets 403. */
    public String requireUploader() {
        if (!currentUser.isSignedIn()) {
            return AccessRefusal.signInFirst("/upload");
        }
        if (!currentUser.isMayUpload()) {
            forbidden = true;
            AccessRefusal.forbidden();
        }
        return null;
    }

    public String upload() throws IOException {
        String refused = requireUploader();
        if (refused != null || forbidden) {
            return refused;
        }
        FieldErrors errors = new FieldErrors(FORM);
        // The part's size is known before any of it is read: an oversized file is never held.
        long size = torrentFile == null ? 0 : torrentFile.getSize();
        Optional<String> sizeProblem = TorrentFormRules.torrentSizeProblem(size);
        byte[] torrent = null;
        if (sizeProblem.isPresent()) {
            errors.add("torrent", sizeProblem.get());
        } else {
            try (InputStream in = torrentFile.getInputStream()) {
                torrent = in.readNBytes((int) TorrentFormRules.MAX_TORRENT_BYTES + 1);
            }
            errors.check("torrent", TorrentFormRules.metainfoProblem(torrent));
        }
        Optional<Category> category = fields.check(errors, categoryNames);
        if (errors.any()) {
            return null;
        }
        long id;
        try {
            id = tracker.upload(new TorrentSubmission(torrent, fields.storedTitle(), category.orElseThrow().id(),
                    fields.storedTags(), fields.storedDescription(), currentUser.getUsername()));
        } catch (TrackerRefusedException e) {
            if (e.status() == 409 && e.existingId().isPresent()) {
                duplicateId = e.existingId().getAsLong();
                errors.add("torrent", "This torrent is already on the site.");
            } else {
                TorrentFields.show(e, errors, "torrent");
            }
            return null;
        } catch (TrackerUnavailableException e) {
            errors.addToForm("The tracker cannot be reached right now, so nothing was published. Try again in a moment.");
            return null;
        }
        return "/torrent?faces-redirect=true&published=true&id=" + id;
    }

    public List<Category> getCategories() {
        return categoryNames.all();
    }

    public TorrentFields getFields() {
        return fields;
    }

    public Part getTorrentFile() {
        return torrentFile;
    }

    public void setTorrentFile(Part torrentFile) {
        this.torrentFile = torrentFile;
    }

    public boolean isForbidden() {
        return forbidden;
    }

    /** After a 409: the torrent already in the catalogue, to link to. */
    public Long getDuplicateId() {
        return duplicateId;
    }
}
