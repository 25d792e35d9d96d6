package org.swarmport.portal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhcStringTest {

    /** Made by the reference C implementation (through argon2-cffi 25.1): password "password", salt "somesalt". */
    private static final String REFERENCE = "$argon2id$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo";

    @Test
    void parsesTheReferenceEncoding() {
        PhcString phc = PhcString.parse(REFERENCE);

        assertEquals(new Argon2Cost(65536, 2, 4), phc.cost());
        assertEquals("somesalt", new String(phc.salt(), java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(32, phc.hash().length);
    }

    @Test
    void formatGivesBackWhatWasParsed() {
        assertEquals(REFERENCE, PhcString.parse(REFERENCE).format());
    }

    @Test
    void formatUsesBase64WithoutPadding() {
        PhcString phc = new PhcString(Argon2Cost.OWASP, HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f"),
                new byte[32]);

        assertEquals("$argon2id$v=19$m=19456,t=2,p=1$AAECAwQFBgcICQoLDA0ODw$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                phc.format());
    }

    @Test
    void referenceHashVerifiesWithItsOwnParameters() {
        // The cost comes from the string, not from today's settings.
        PasswordHasher hasher = new PasswordHasher(new Argon2Cost(64, 1, 1), new java.security.SecureRandom());

        assertEquals(true, hasher.matches("password", REFERENCE));
        assertEquals(false, hasher.matches("passwore", REFERENCE));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "password",
        "$argon2i$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo",
        "$argon2d$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo",
        "$argon2id$v=16$m=65536,t=2,p=4$c29tZXNhbHQ$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo",
        "$argon2id$m=65536,t=2,p=4$c29tZXNhbHQ$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo",
        "$argon2id$v=19$t=2,m=65536,p=4$c29tZXNhbHQ$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo",
        "$argon2id$v=19$m=065536,t=2,p=4$c29tZXNhbHQ$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo",
        "$argon2id$v=19$m=65536,t=2,p=4$c29tZXNhbHQ=$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo",
        "$argon2id$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo=",
        "$argon2id$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo$",
        "$argon2id$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPP-",
        "$argon2id$v=19$m=65536,t=2,p=4$c29tZXNhbHR$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo",
        "$argon2id$v=19$m=65536,t=2,p=4,keyid=x$c29tZXNhbHQ$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo",
        "$argon2id$v=19$m=65536,t=2,p=4$c2FsdA$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo",
        "$argon2id$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$CTFhFdXPJO1aFaMa",
        "$argon2id$v=19$m=99999999,t=2,p=4$c29tZXNhbHQ$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo",
        "$argon2id$v=19$m=65536,t=999,p=4$c29tZXNhbHQ$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo",
        "$argon2id$v=19$m=65536,t=2,p=99$c29tZXNhbHQ$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo",
        "$argon2id$v=19$m=16,t=2,p=4$c29tZXNhbHQ$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo",
        "$argon2id$v=19$m=0,t=2,p=4$c29tZXNhbHQ$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo",
        "$argon2id$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo\n",
        " $argon2id$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo",
    })
    void refusesHostileOrMalformedStrings(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PhcString.parse(text));
        assertFalse(!text.isEmpty() && e.getMessage().contains(text), "the message must not repeat the input");
    }

    @Test
    void refusesNullAndOverlongStrings() {
        assertThrows(IllegalArgumentException.class, () -> PhcString.parse(null));
        assertThrows(IllegalArgumentException.class, () -> PhcString.parse(REFERENCE + "A".repeat(300)));
    }

    @Test
    void toStringShowsTheCostButNeitherSaltNorHash() {
        String shown = PhcString.parse(REFERENCE).toString();

        assertFalse(shown.contains("c29tZXNhbHQ"));
        assertFalse(shown.contains("GpZ3sK"));
    }
}
