package org.swarmport.portal.browse;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.swarmport.portal.tracker.TorrentDetails;
import org.swarmport.portal.tracker.TrackerClient;
import org.swarmport.portal.tracker.TrackerUnavailableException;

/**
 * A torrent's page, {@code /torrent?id=7}. An id the tracker does not know (or that is not a
 * number) is the portal's 404 page, as any unknown URL is.
 */
@Named
@RequestScoped
public class TorrentView {

    @Inject
    TrackerClient tracker;

    private String id;
    private TorrentDetails torrent;
    private List<FileTreeRow> fileRows = List.of();
    private boolean trackerUnavailable;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /** The view action. */
    public void load() throws IOException {
        Optional<TorrentDetails> found;
        try {
            found = parsedId().isPresent() ? tracker.torrent(parsedId().get()) : Optional.empty();
        } catch (TrackerUnavailableException e) {
            trackerUnavailable = true;
            return;
        }
        if (found.isEmpty()) {
            FacesContext faces = FacesContext.getCurrentInstance();
            ExternalContext external = faces.getExternalContext();
            external.responseSendError(404, "No torrent with this id");
            faces.responseComplete();
            return;
        }
        torrent = found.get();
        fileRows = FileTree.rows(torrent.files());
    }

    private Optional<Long> parsedId() {
        return idOf(id);
    }

    /** A torrent id from a URL's {@code id} parameter: a positive number, else empty (the 404 page). */
    public static Optional<Long> idOf(String parameter) {
        try {
            long parsed = Long.parseLong(parameter == null ? "" : parameter.strip());
            return parsed > 0 ? Optional.of(parsed) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public boolean isTrackerUnavailable() {
        return trackerUnavailable;
    }

    public TorrentDetails getTorrent() {
        return torrent;
    }

    public List<FileTreeRow> getFileRows() {
        return fileRows;
    }

    /** More files than the tracker lists (it sends the first 10,000). */
    public boolean isFileListCut() {
        return torrent != null && torrent.fileCount() > torrent.files().size();
    }
}
