package org.swarmport.portal.account;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Optional;

/**
 * Who is signed in on this session, if anyone, and what they may do. Pages ask it
 * ({@code #{currentUser.signedIn}}, {@code #{currentUser.mayUpload}}) and so will the upload
 * and moderation pages. The role is the one read at sign-in.
 */
@Named
@SessionScoped
public class CurrentUser implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long accountId;
    private String username;
    private Role role;

    void signIn(Account account) {
        accountId = account.id();
        username = account.username();
        role = account.role();
    }

    void signOut() {
        accountId = null;
        username = null;
        role = null;
    }

    public boolean isSignedIn() {
        return accountId != null;
    }

    public Optional<Long> accountId() {
        return Optional.ofNullable(accountId);
    }

    /** The username, or null when nobody is signed in. */
    public String getUsername() {
        return username;
    }

    /** The role, or null when nobody is signed in. */
    public Role getRole() {
        return role;
    }

    /** Whether someone is signed in whose role includes {@code needed}. */
    public boolean has(Role needed) {
        return role != null && role.includes(needed);
    }

    public boolean isMayUpload() {
        return has(Role.UPLOADER);
    }

    public boolean isMayModerate() {
        return has(Role.MODERATOR);
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }
}
