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
 * and moderation pages.
 *
 * <p>The role is read from the account once per request (a primary-key lookup, only for someone
 * signed in), not kept from sign-in: an admin's change of it, or a deleted account, takes
 * effect at that user's next request, on every portal node, with nothing to invalidate.
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

    @Inject
    Accounts accounts;

    /** This request's answer, with the role as stored now; null until first asked. */
    private Optional<SignedIn> current;

    void signIn(Account account) {
        request.getSession(true).setAttribute(ATTRIBUTE, new SignedIn(account.id(), account.username(), account.role()));
        current = null;
    }

    void signOut() {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
        current = null;
    }

    private Optional<SignedIn> signedIn() {
        if (current == null) {
            HttpSession session = request.getSession(false);
            Optional<SignedIn> remembered = session == null ? Optional.empty()
                    : Optional.ofNullable((SignedIn) session.getAttribute(ATTRIBUTE));
            current = remembered.flatMap(s -> accounts.roleOf(s.accountId())
                    .map(role -> new SignedIn(s.accountId(), s.username(), role)));
        }
        return current;
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
