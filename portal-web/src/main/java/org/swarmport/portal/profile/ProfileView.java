package org.swarmport.portal.profile;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.swarmport.portal.account.Account;
import org.swarmport.portal.account.Accounts;
import org.swarmport.portal.account.CurrentUser;
import org.swarmport.portal.account.FieldErrors;
import org.swarmport.portal.account.LastAdminException;
import org.swarmport.portal.account.Role;
import org.swarmport.portal.comment.Comment;
import org.swarmport.portal.comment.Comments;
import org.swarmport.portal.forms.ErrorResponse;
import org.swarmport.portal.forms.ViewParameters;
import org.swarmport.portal.tracker.TrackerClient;
import org.swarmport.portal.tracker.TrackerUnavailableException;
import org.swarmport.portal.tracker.UploadsPage;

/**
 * {@code /user?name=alice}: who someone is on the portal (role, member since), what they
 * uploaded (the tracker's catalogue by uploader, which is the username) and their recent
 * comments. An unknown name is the 404 page. An admin also gets the form to change the role.
 */
@Named
@RequestScoped
public class ProfileView {

    static final String FORM = "role-form";
    static final int UPLOADS_SHOWN = 20;
    static final int COMMENTS_SHOWN = 10;

    @Inject
    Accounts accounts;

    @Inject
    Comments comments;

    @Inject
    TrackerClient tracker;

    @Inject
    CurrentUser currentUser;

    private String name;
    private String role;
    private Account account;
    private boolean accountLooked;
    private UploadsPage uploads;
    private boolean uploadsAsked;
    private boolean trackerUnavailable;

    /** The view action: an unknown name is the 404 page; the role form starts at the current role. */
    public void load() {
        if (getAccount() == null) {
            ErrorResponse.send(404);
            return;
        }
        role = account.role().label();
    }

    /** The admin's form: a new role for this account, at once (CurrentUser reads it every request). */
    public void changeRole() throws IOException {
        if (!currentUser.isAdmin()) {
            ErrorResponse.send(403);
            return;
        }
        FieldErrors errors = new FieldErrors(FORM);
        Optional<Role> chosen = Arrays.stream(Role.values()).filter(r -> r.label().equals(role)).findFirst();
        if (chosen.isEmpty()) {
            errors.add("role", "Choose one of: user, uploader, moderator, admin.");
            return;
        }
        boolean changed;
        try {
            changed = name != null && name.length() <= 64 && accounts.changeRole(name.strip(), chosen.get());
        } catch (LastAdminException e) {
            errors.add("role", "The last admin stays admin: make someone else admin first.");
            return;
        }
        if (!changed) {
            ErrorResponse.send(404);
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.getFlash().setKeepMessages(true);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                "The role of " + name.strip() + " is now " + chosen.get().label() + ".", null));
        external.redirect(external.getRequestContextPath() + "/user?name=" + name.strip());
        faces.responseComplete();
    }

    /** The account named, looked up once per request (also when the page is drawn again after a refused form). */
    public Account getAccount() {
        if (!accountLooked) {
            accountLooked = true;
            if (name == null) {
                name = ViewParameters.value("name");
            }
            account = name == null || name.length() > 64 ? null : accounts.find(name.strip()).orElse(null);
        }
        return account;
    }

    /** The newest uploads, asked of the tracker once; null when it cannot be reached. */
    public UploadsPage getUploads() {
        if (!uploadsAsked && getAccount() != null) {
            uploadsAsked = true;
            try {
                uploads = tracker.uploadsOf(account.username(), UPLOADS_SHOWN);
            } catch (TrackerUnavailableException e) {
                trackerUnavailable = true;
            }
        }
        return uploads;
    }

    public boolean isTrackerUnavailable() {
        getUploads();
        return trackerUnavailable;
    }

    public long getCommentCount() {
        return getAccount() == null ? 0 : comments.countByAuthor(account.id());
    }

    public List<Comment> getRecentComments() {
        return getAccount() == null ? List.of() : comments.byAuthor(account.id(), COMMENTS_SHOWN);
    }

    /** The roles an admin may give, as the form lists them. */
    public List<String> getRoles() {
        return Arrays.stream(Role.values()).map(Role::label).toList();
    }

    /** The start of a long comment, for the list on the profile. */
    public String excerpt(String body) {
        String flat = body.replace('\n', ' ');
        return flat.length() <= 160 ? flat : flat.substring(0, 159).stripTrailing() + "…";
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role == null ? null : role.strip().toLowerCase(Locale.ROOT);
    }
}
