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
    HttpServletRequest request;

    private String currentPassword;
    private String newPassword;
    private String confirmation;

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
        errors.check("new", AccountRules.passwordProblem(newPassword));
        if (!errors.any()) {
            errors.check("confirmation", AccountRules.confirmationProblem(newPassword, confirmation));
        }
        if (errors.any()) {
            return null;
        }
        if (!accounts.changePassword(currentUser.accountId().orElseThrow(), currentPassword, newPassword)) {
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

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
