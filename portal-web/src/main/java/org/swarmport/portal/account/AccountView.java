package org.swarmport.portal.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/** {@code /account}: who is signed in, with which role, and a new password. Only when signed in. */
@Named
@RequestScoped
public class AccountView {

    @Inject
    Accounts accounts;

    @Inject
    CurrentUser currentUser;

    @Inject
    LoginLimiter limiter;

    @Inject
    ClientAddress clientAddress;

    @Inject
    HttpServletRequest request;

    private String currentPassword;
    private final NewPassword newPassword = new NewPassword();

    /** The page's view action: someone not signed in is sent to {@code /login}. */
    public String requireSignIn() {
        return currentUser.isSignedIn() ? null : "/login?faces-redirect=true";
    }

    public String changePassword() {
        if (!currentUser.isSignedIn()) {
            return "/login?faces-redirect=true";
        }
        FieldErrors errors = new FieldErrors("password-change");
        if (currentPassword == null || currentPassword.isEmpty()) {
            errors.add("current", "Enter your current password.");
        }
        newPassword.check(errors, "new", "confirmation");
        if (errors.any()) {
            return null;
        }
        // Guessing the current password from a stolen session is sign-in guessing too.
        String address = clientAddress.of(request);
        if (!limiter.waitFor(currentUser.getUsername(), address).isZero()) {
            errors.add("current", "Too many wrong passwords. Try again later.");
            return null;
        }
        if (!accounts.changePassword(currentUser.accountId().orElseThrow(), currentPassword, newPassword.value())) {
            limiter.failed(currentUser.getUsername(), address);
            errors.add("current", "This is not your current password.");
            return null;
        }
        // A session that may have been watched before the change should not outlive it.
        request.changeSessionId();
        FacesContext.getCurrentInstance().addMessage(null,
                new FacesMessage(FacesMessage.SEVERITY_INFO, "Your password is changed.", null));
        return null;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public NewPassword getNewPassword() {
        return newPassword;
    }
}
