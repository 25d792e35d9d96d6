package org.swarmport.portal.account;

import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stored Argon2id hash in PHC string format, {@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash},
 * salt and hash in base64 without padding. The cost is read from the string, so hashes made
 * with older, cheaper parameters still verify after the parameters are raised.
 */
record PhcString(Argon2Cost cost, byte[] salt, byte[] hash) {

    static final int MIN_SALT = 8;
    static final int MAX_SALT = 64;
    static final int MIN_HASH = 16;
    static final int MAX_HASH = 64;

    /** Strict: one spelling only (fields in this order, decimal without leading zeros, no padding). */
    private static final Pattern FORMAT = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=([1-9][0-9]{0,7}),t=([1-9][0-9]{0,2}),p=([1-9][0-9]?)"
                    + "\\$([A-Za-z0-9+/]{11,86})\\$([A-Za-z0-9+/]{22,86})");

    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    PhcString {
        if (salt.length < MIN_SALT || salt.length > MAX_SALT) {
            throw new IllegalArgumentException("salt must be " + MIN_SALT + " to " + MAX_SALT + " bytes, got " + salt.length);
        }
        if (hash.length < MIN_HASH || hash.length > MAX_HASH) {
            throw new IllegalArgumentException("hash must be " + MIN_HASH + " to " + MAX_HASH + " bytes, got " + hash.length);
        }
        salt = salt.clone();
        hash = hash.clone();
    }

    /**
     * @throws IllegalArgumentException for anything but a well-formed Argon2id v19 string within
     *                                  the bounds of {@link Argon2Cost}; the message never repeats the input
     */
    static PhcString parse(String text) {
        if (text == null || text.length() > 255) {
            throw new IllegalArgumentException("not an Argon2id PHC string");
        }
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an Argon2id PHC string");
        }
        Argon2Cost cost = new Argon2Cost(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
        return new PhcString(cost, unpadded(m.group(4)), unpadded(m.group(5)));
    }

    String format() {
        return "$argon2id$v=19$m=" + cost.memoryKib() + ",t=" + cost.iterations() + ",p=" + cost.parallelism()
                + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PhcString that && cost.equals(that.cost)
                && Arrays.equals(salt, that.salt) && Arrays.equals(hash, that.hash);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * cost.hashCode() + Arrays.hashCode(salt)) + Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "PhcString[" + cost + "]";
    }

    /** Base64 without padding; a length of 1 mod 4 cannot be (and Java would reject it anyway). */
    private static byte[] unpadded(String text) {
        if (text.length() % 4 == 1) {
            throw new IllegalArgumentException("not an Argon2id PHC string");
        }
        byte[] bytes = DECODER.decode(text + "==".substring(0, (4 - text.length() % 4) % 4));
        // Reject non-canonical encodings (unused low bits set), so each hash has one spelling.
        if (!ENCODER.encodeToString(bytes).equals(text)) {
            throw new IllegalArgumentException("not an Argon2id PHC string");
        }
        return bytes;
    }
}
