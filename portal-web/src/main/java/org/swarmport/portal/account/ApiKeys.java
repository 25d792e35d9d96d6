package org.swarmport.portal.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Each account's key for the feeds ({@code ?apikey=} on {@code /rss}, {@code /api} and the
 * download links they give). Only the key's SHA-256 is stored, so the key is shown once, when
 * it is made, and a lost key is replaced, never looked up.
 *
 * <p>Why SHA-256 and not Argon2id as for passwords: a password is short and guessable, so its
 * hash must be slow to try; this key is 128 random bits, which no speed of hashing makes
 * guessable, and a plain hash lets one indexed query find the account on every feed request
 * (Argon2id with a salt would need the account first, and 19 MiB per request).
 */
@ApplicationScoped
public class ApiKeys {

    /** 32 lower-case hex digits, the length and alphabet of Sonarr's and Prowlarr's own keys. */
    private static final Pattern FORM = Pattern.compile("[0-9a-f]{32}");
    private static final int KEY_BYTES = 16;

    @PersistenceContext(unitName = "portal")
    EntityManager em;

    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();

    /** When the account's current key was made; empty when it has none yet. */
    @Transactional
    public Optional<Instant> createdAt(long accountId) {
        return Optional.ofNullable(em.find(ApiKey.class, accountId)).map(ApiKey::createdAt);
    }

    /** A new key for the account, replacing the old one at once; the only time the key is seen. */
    @Transactional
    public String regenerate(long accountId) {
        String key = newKey();
        ApiKey stored = em.find(ApiKey.class, accountId);
        if (stored == null) {
            em.persist(new ApiKey(accountId, hash(key), clock.instant()));
        } else {
            stored.replace(hash(key), clock.instant());
        }
        em.flush();
        return key;
    }

    /** The account whose key this is; empty for anything else, malformed or not. */
    @Transactional
    public Optional<Long> accountOf(String key) {
        if (key == null || !FORM.matcher(key).matches()) {
            return Optional.empty();
        }
        return em.createNamedQuery(ApiKey.BY_HASH, ApiKey.class)
                .setParameter("hash", hash(key))
                .getResultStream()
                .findFirst()
                .map(ApiKey::accountId);
    }

    private String newKey() {
        byte[] bytes = new byte[KEY_BYTES];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
