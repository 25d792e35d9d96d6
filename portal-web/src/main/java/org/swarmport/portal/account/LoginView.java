package org.swarmport.portal.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code /login}: username and password; a new session id on success (no session fixation).
 * {@code /login?next=/upload} goes back to that page of this site after signing in.
 */
@Named
@RequestScoped
public class LoginView {

    /** Longer than any password may be: not worth hashing, and not a way to make the server hash megabytes. */
    private static final int LONGEST_CHECKED = 4 * AccountRules.PASSWORD_MAX;
    /** A page's path, with at most a numeric id: {@code /upload}, {@code /edit?id=7}. */
    private static final Pattern NEXT_PAGE = Pattern.compile("/[a-z][a-z0-9-]{0,30}(\\?id=[1-9][0-9]{0,17})?");

    @Inject
    Accounts accounts;

    @Inject
    LoginLimiter limiter;

    @Inject
    ClientAddress clientAddress;

    @Inject
    CurrentUser currentUser;

    @Inject
    HttpServletRequest request;

    private String username;
    private String password;
    private String next;

    public String signIn() {
        FieldErrors errors = new FieldErrors("login");
        if (username == null || username.isEmpty()) {
            errors.add("username", "Enter your username.");
        }
        if (password == null || password.isEmpty()) {
            errors.add("password", "Enter your password.");
        }
        if (errors.any()) {
            return null;
        }
        String address = clientAddress.of(request);
        Duration wait = limiter.waitFor(username, address);
        if (!wait.isZero()) {
            errors.addToForm("Too many failed sign-ins. Try again in " + seconds(wait) + ".");
            return null;
        }
        Optional<Account> account = password.length() > LONGEST_CHECKED || username.length() > 64
                ? Optional.empty()
                : accounts.authenticate(username, password);
        if (account.isEmpty()) {
            limiter.failed(username, address);
            errors.add("password", "Wrong username or password.");
            return null;
        }
        limiter.succeeded(username);
        request.getSession(true);
        request.changeSessionId();
        currentUser.signIn(account.get());
        return nextPage().map(page -> page + (page.contains("?") ? "&" : "?") + "faces-redirect=true")
                .orElse("/account?faces-redirect=true");
    }

    private static String seconds(Duration wait) {
        long s = Math.max(1, (wait.toMillis() + 999) / 1000);
        return s == 1 ? "1 second" : s + " seconds";
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    /** Where to go after signing in: a path of this site's pages only, never another site. */
    private Optional<String> nextPage() {
        return next != null && NEXT_PAGE.matcher(next).matches() ? Optional.of(next) : Optional.empty();
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
