package org.swarmport.portal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    /** Cheap parameters, so the tests run fast; the production cost is checked separately. */
    private static final Argon2Cost CHEAP = new Argon2Cost(64, 1, 1);

    private final PasswordHasher hasher = new PasswordHasher(CHEAP, new SecureRandom());

    @Test
    void aHashMatchesItsPasswordAndNoOther() {
        String stored = hasher.hash("correct horse battery staple");

        assertTrue(hasher.matches("correct horse battery staple", stored));
        assertFalse(hasher.matches("correct horse battery stapl", stored));
        assertFalse(hasher.matches("", stored));
    }

    @Test
    void storedFormIsAnArgon2idPhcStringWithTheCurrentCost() {
        String stored = hasher.hash("correct horse battery staple");

        assertTrue(stored.startsWith("$argon2id$v=19$m=64,t=1,p=1$"), stored);
        assertEquals(CHEAP, PhcString.parse(stored).cost());
        assertEquals(16, PhcString.parse(stored).salt().length);
        assertEquals(32, PhcString.parse(stored).hash().length);
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        assertNotEquals(hasher.hash("correct horse battery staple"), hasher.hash("correct horse battery staple"));
    }

    @Test
    void composedAndDecomposedAccentsAreTheSamePassword() {
        String stored = hasher.hash("caf\u00e9 au lait, s'il vous pla\u00eet");

        assertTrue(hasher.matches("cafe\u0301 au lait, s'il vous plai\u0302t", stored));
    }

    @Test
    void aStoredValueThatIsNotAPhcStringMatchesNothing() {
        assertFalse(hasher.matches("password", "password"));
        assertFalse(hasher.matches("password", null));
        assertFalse(hasher.matches("password", "$argon2id$v=19$m=99999999,t=2,p=1$c29tZXNhbHQ$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo"));
    }

    @Test
    void aHashWithOtherParametersIsOutdatedButStillMatches() {
        PasswordHasher older = new PasswordHasher(new Argon2Cost(32, 1, 1), new SecureRandom());
        String stored = older.hash("correct horse battery staple");

        assertTrue(hasher.isOutdated(stored));
        assertTrue(hasher.matches("correct horse battery staple", stored));
        assertFalse(hasher.isOutdated(hasher.hash("correct horse battery staple")));
        assertTrue(hasher.isOutdated("garbage"));
    }

    @Test
    void productionCostIsOwaspsArgon2idRecommendation() {
        assertEquals(new Argon2Cost(19456, 2, 1), Argon2Cost.OWASP);
    }
}
