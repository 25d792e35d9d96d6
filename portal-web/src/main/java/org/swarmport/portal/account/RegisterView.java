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
    private String password;
    private String confirmation;

    public String register() {
        FieldErrors errors = new FieldErrors("register")
                .check("username", AccountRules.usernameProblem(username))
                .check("password", AccountRules.passwordProblem(password));
        if (!errors.any()) {
            errors.check("confirmation", AccountRules.confirmationProblem(password, confirmation));
        }
        if (errors.any()) {
            return null;
        }
        try {
            accounts.register(username, password);
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

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
