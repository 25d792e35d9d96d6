package org.swarmport.portal.account;

import java.util.Optional;
import java.util.regex.Pattern;

/** What a username and a password must be; each problem is a sentence to show beside its field. */
public final class AccountRules {

    static final int USERNAME_MIN = 3;
    static final int USERNAME_MAX = 32;
    static final int PASSWORD_MIN = 10;
    static final int PASSWORD_MAX = 128;

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]+");

    private AccountRules() {
    }

    public static Optional<String> usernameProblem(String username) {
        if (username == null || username.isEmpty()) {
            return Optional.of("Enter a username.");
        }
        if (username.length() < USERNAME_MIN || username.length() > USERNAME_MAX) {
            return Optional.of("A username has " + USERNAME_MIN + " to " + USERNAME_MAX + " characters.");
        }
        if (!USERNAME.matcher(username).matches()) {
            return Optional.of("A username has only letters A–Z, digits, and . _ -");
        }
        return Optional.empty();
    }

    /** Length in characters as people count them (code points), not UTF-16 units. */
    static Optional<String> passwordProblem(String password) {
        if (password == null || password.isEmpty()) {
            return Optional.of("Enter a password.");
        }
        int length = password.codePointCount(0, password.length());
        if (length < PASSWORD_MIN) {
            return Optional.of("A password has at least " + PASSWORD_MIN + " characters.");
        }
        if (length > PASSWORD_MAX) {
            return Optional.of("A password has at most " + PASSWORD_MAX + " characters.");
        }
        return Optional.empty();
    }

    static Optional<String> confirmationProblem(String password, String confirmation) {
        return password != null && password.equals(confirmation)
                ? Optional.empty()
                : Optional.of("The two passwords differ.");
    }
}
