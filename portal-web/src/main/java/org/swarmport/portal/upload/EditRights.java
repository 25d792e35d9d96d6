package org.swarmport.portal.upload;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.swarmport.portal.account.CurrentUser;
import org.swarmport.portal.account.Role;
import org.swarmport.portal.tracker.TorrentDetails;

/**
 * Who may edit a torrent: the account that uploaded it (the tracker keeps its username as
 * {@code uploader}) and moderators and admins. The torrent page asks it to show "Edit"
 * ({@code #{editRights.mayEdit(torrent)}}); the edit page asks it on every GET and POST.
 */
@Named
@RequestScoped
public class EditRights {

    @Inject
    CurrentUser currentUser;

    public boolean mayEdit(TorrentDetails torrent) {
        if (torrent == null || !currentUser.isSignedIn()) {
            return false;
        }
        // Usernames are unique whatever their case (AccountRules), so case does not make two people.
        return currentUser.has(Role.MODERATOR)
                || torrent.uploader() != null && torrent.uploader().equalsIgnoreCase(currentUser.getUsername());
    }
}
