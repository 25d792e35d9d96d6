package org.swarmport.portal.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** {@code /register}: a username and a password, twice. */
@Named
@RequestScoped
public class RegisterView {

    @Inject
    Accounts accounts;

    private String username;
    private final NewPassword newPassword = new NewPassword();

    public String register() {
        FieldErrors errors = new FieldErrors("register").check("username", AccountRules.usernameProblem(username));
        newPassword.check(errors, "password", "confirmation");
        if (errors.any()) {
            return null;
        }
        try {
            accounts.register(username, newPassword.value());
        } catch (UsernameTakenException e) {
            errors.add("username", "This username is taken.");
            return null;
        }
        return "/login?faces-redirect=true&registered=true";
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public NewPassword getNewPassword() {
        return newPassword;
    }
}
