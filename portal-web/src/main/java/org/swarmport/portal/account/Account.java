package org.swarmport.portal.account;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;

/** Someone with an account on the portal (table {@code portal.account}). */
@Entity
@Table(schema = "portal", name = "account")
@NamedQuery(name = Account.BY_USERNAME_KEY, query = "select a from Account a where a.usernameKey = :key")
@NamedQuery(name = Account.BY_ROLE, query = "select a from Account a where a.role = :role order by a.id")
public class Account {

    static final String BY_USERNAME_KEY = "Account.byUsernameKey";
    static final String BY_ROLE = "Account.byRole";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String username;

    @Column(name = "username_key", nullable = false, length = 64)
    private String usernameKey;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Convert(converter = RoleColumn.class)
    @Column(nullable = false, length = 16)
    private Role role;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Account() {
        // for JPA
    }

    Account(String username, String passwordHash, Role role, Instant createdAt) {
        this.username = username;
        this.usernameKey = keyOf(username);
        this.passwordHash = passwordHash;
        this.role = role;
        this.createdAt = createdAt;
    }

    /** Usernames are unique whatever their case: this is the form that is compared. */
    static String keyOf(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public Role role() {
        return role;
    }

    public Instant createdAt() {
        return createdAt;
    }

    String passwordHash() {
        return passwordHash;
    }

    void changePasswordHash(String newHash) {
        passwordHash = newHash;
    }

    void changeRole(Role newRole) {
        role = newRole;
    }
}
