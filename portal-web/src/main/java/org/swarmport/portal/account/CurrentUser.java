package org.swarmport.portal.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.swarmport.portal.config.PortalConfig;

/**
 * Who is signed in on this request's session, if anyone, and what they may do. Pages ask it
 * ({@code #{currentUser.signedIn}}, {@code #{currentUser.mayUpload}}) and so will the upload
 * and moderation pages. The role is the one read at sign-in.
 *
 * <p>Request-scoped over a session attribute, not a session-scoped bean: asking who is signed
 * in (every page's header does) must not create a session for a visitor who never signs in,
 * so browsing stays free of cookies and server state.
 */
@Named
@RequestScoped
public class CurrentUser {

    private static final String ATTRIBUTE = SignedIn.class.getName();

    @Inject
    PortalConfig config;

    @Inject
    HttpServletRequest request;

    void signIn(Account account) {
        request.getSession(true).setAttribute(ATTRIBUTE, new SignedIn(account.id(), account.username(), account.role()));
    }

    void signOut() {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
    }

    private Optional<SignedIn> signedIn() {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty() : Optional.ofNullable((SignedIn) session.getAttribute(ATTRIBUTE));
    }

    public boolean isSignedIn() {
        return signedIn().isPresent();
    }

    public Optional<Long> accountId() {
        return signedIn().map(SignedIn::accountId);
    }

    /** The username, or null when nobody is signed in. */
    public String getUsername() {
        return signedIn().map(SignedIn::username).orElse(null);
    }

    /** The role, or null when nobody is signed in. */
    public Role getRole() {
        return signedIn().map(SignedIn::role).orElse(null);
    }

    /** Whether someone is signed in whose role includes {@code needed}. */
    public boolean has(Role needed) {
        return signedIn().map(s -> s.role().includes(needed)).orElse(false);
    }

    /** Signed in with at least {@code SWARMPORT_UPLOAD_ROLE} (by default any account). */
    public boolean isMayUpload() {
        return has(config.uploadRole());
    }

    public boolean isMayModerate() {
        return has(Role.MODERATOR);
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }
}
