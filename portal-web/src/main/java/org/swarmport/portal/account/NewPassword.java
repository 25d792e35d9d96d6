package org.swarmport.portal.account;

/** A new password typed twice, as on {@code /register} and {@code /account}. */
public class NewPassword {

    private String password;
    private String confirmation;

    /**
     * Shows what is wrong with the password beside {@code passwordField}, or, when it is fine
     * but the second copy differs, beside {@code confirmationField}.
     */
    void check(FieldErrors errors, String passwordField, String confirmationField) {
        var problem = AccountRules.passwordProblem(password);
        errors.check(passwordField, problem);
        if (problem.isEmpty()) {
            errors.check(confirmationField, AccountRules.confirmationProblem(password, confirmation));
        }
    }

    String value() {
        return password;
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
