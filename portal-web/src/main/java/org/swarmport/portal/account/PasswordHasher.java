package org.swarmport.portal.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;

/**
 * Hashes and checks passwords with Argon2id, storing PHC strings. Passwords are NFC-normalised
 * before hashing, so the same password typed on two systems that compose accents differently
 * still matches.
 */
final class PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final Argon2Cost cost;
    private final SecureRandom random;
    /** Checked when no account has the name, so a wrong name costs as long as a wrong password. */
    private final PhcString decoy;

    PasswordHasher(Argon2Cost cost, SecureRandom random) {
        this.cost = cost;
        this.random = random;
        this.decoy = PhcString.parse(hash("not the password of anyone"));
    }

    /** The PHC string to store for this password, with a fresh salt and the current cost. */
    String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new PhcString(cost, salt, Argon2id.tag(bytes(password), salt, cost, HASH_BYTES)).format();
    }

    /** Whether the password matches; a stored value that is not a valid PHC string matches nothing. */
    boolean matches(String password, String stored) {
        PhcString phc;
        try {
            phc = PhcString.parse(stored);
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] expected = phc.hash();
        byte[] actual = Argon2id.tag(bytes(password), phc.salt(), phc.cost(), expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Spends the time of one check and matches nothing: for a username that does not exist. */
    void checkDecoy(String password) {
        Argon2id.tag(bytes(password), decoy.salt(), decoy.cost(), HASH_BYTES);
    }

    /** Whether a stored hash was made with other parameters than today's and should be replaced at sign-in. */
    boolean isOutdated(String stored) {
        try {
            PhcString phc = PhcString.parse(stored);
            return !phc.cost().equals(cost) || phc.hash().length != HASH_BYTES || phc.salt().length != SALT_BYTES;
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private static byte[] bytes(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8);
    }
}
