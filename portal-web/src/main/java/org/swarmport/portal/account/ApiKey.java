package org.swarmport.portal.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The hash of an account's feed key (table {@code portal.api_key}), one row per account. The
 * key itself is never stored: see {@link ApiKeys}.
 */
@Entity
@Table(schema = "portal", name = "api_key")
@NamedQuery(name = ApiKey.BY_HASH, query = "select k from ApiKey k where k.keyHash = :hash")
public class ApiKey {

    static final String BY_HASH = "ApiKey.byHash";

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "key_hash", nullable = false, length = 64)
    private String keyHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ApiKey() {
        // for JPA
    }

    ApiKey(long accountId, String keyHash, Instant createdAt) {
        this.accountId = accountId;
        this.keyHash = keyHash;
        this.createdAt = createdAt;
    }

    long accountId() {
        return accountId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    void replace(String newHash, Instant at) {
        keyHash = newHash;
        createdAt = at;
    }
}
