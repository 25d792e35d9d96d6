package org.swarmport.portal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"bob", "Alice_99", "a.b-c", "abcdefghijklmnopqrstuvwxyz012345"})
    void acceptsUsernamesOfThreeToThirtyTwoAllowedCharacters(String name) {
        assertEquals(Optional.empty(), AccountRules.usernameProblem(name));
    }

    @Test
    void refusesUsernamesOfTheWrongLength() {
        assertEquals(Optional.of("A username has 3 to 32 characters."), AccountRules.usernameProblem("ab"));
        assertEquals(Optional.of("A username has 3 to 32 characters."), AccountRules.usernameProblem("x".repeat(33)));
        assertEquals(Optional.of("Enter a username."), AccountRules.usernameProblem(""));
        assertEquals(Optional.of("Enter a username."), AccountRules.usernameProblem(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bob smith", "bøb", "bob@home", "<script>", "bob\n", "b\u0000b", "ｂｏｂ", "b/o/b"})
    void refusesUsernamesWithOtherCharacters(String name) {
        assertEquals(Optional.of("A username has only letters A–Z, digits, and . _ -"), AccountRules.usernameProblem(name));
    }

    @Test
    void passwordsHaveTenToHundredTwentyEightCharacters() {
        assertEquals(Optional.empty(), AccountRules.passwordProblem("x".repeat(10)));
        assertEquals(Optional.empty(), AccountRules.passwordProblem("x".repeat(128)));
        assertEquals(Optional.of("A password has at least 10 characters."), AccountRules.passwordProblem("x".repeat(9)));
        assertEquals(Optional.of("A password has at most 128 characters."), AccountRules.passwordProblem("x".repeat(129)));
        assertEquals(Optional.of("Enter a password."), AccountRules.passwordProblem(""));
        assertEquals(Optional.of("Enter a password."), AccountRules.passwordProblem(null));
    }

    @Test
    void passwordLengthCountsCharactersNotUtf16Units() {
        // Ten emoji are ten characters, though twenty UTF-16 units.
        String tenEmoji = "\uD83D\uDE00".repeat(10);
        assertEquals(Optional.empty(), AccountRules.passwordProblem(tenEmoji));
        assertEquals(Optional.of("A password has at least 10 characters."),
                AccountRules.passwordProblem("\uD83D\uDE00".repeat(9)));
        assertTrue(AccountRules.passwordProblem("\uD83D\uDE00".repeat(129)).isPresent());
    }

    @Test
    void confirmationMustEqualThePassword() {
        assertEquals(Optional.empty(), AccountRules.confirmationProblem("0123456789", "0123456789"));
        assertEquals(Optional.of("The two passwords differ."), AccountRules.confirmationProblem("0123456789", "0123456788"));
        assertEquals(Optional.of("The two passwords differ."), AccountRules.confirmationProblem("0123456789", null));
    }
}
