package org.swarmport.portal.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.swarmport.portal.config.PortalConfig;

/** The portal's accounts: registration, sign-in checks and password changes, each one transaction. */
@ApplicationScoped
public class Accounts {

    private static final Logger LOG = Logger.getLogger(Accounts.class.getName());

    @PersistenceContext(unitName = "portal")
    EntityManager em;

    @Inject
    PortalConfig config;

    private final PasswordHasher hasher = new PasswordHasher(Argon2Cost.OWASP, new SecureRandom());
    private final Clock clock = Clock.systemUTC();

    /**
     * Creates an account with role {@code user}, or {@code admin} for the name set by
     * {@code SWARMPORT_ADMIN_USERNAME}. The caller has checked the rules of {@link AccountRules}.
     *
     * @throws UsernameTakenException when the name is taken, in any case
     */
    @Transactional
    public Account register(String username, String password) {
        if (find(username).isPresent()) {
            throw new UsernameTakenException();
        }
        Account account = new Account(username, hasher.hash(password), roleAtRegistration(username), clock.instant());
        try {
            em.persist(account);
            em.flush();
        } catch (PersistenceException e) {
            // Registered by someone else between the check above and this insert.
            throw new UsernameTakenException();
        }
        if (account.role() == Role.ADMIN) {
            LOG.info(() -> "Account '" + username + "' registered as admin (SWARMPORT_ADMIN_USERNAME)");
        }
        return account;
    }

    /**
     * The account when the password is its password. On success the hash is renewed when made
     * with older parameters, and the configured admin gets role {@code admin}.
     */
    @Transactional
    public Optional<Account> authenticate(String username, String password) {
        Optional<Account> found = find(username);
        if (found.isEmpty()) {
            hasher.checkDecoy(password);
            return Optional.empty();
        }
        Account account = found.get();
        if (!hasher.matches(password, account.passwordHash())) {
            return Optional.empty();
        }
        if (hasher.isOutdated(account.passwordHash())) {
            account.changePasswordHash(hasher.hash(password));
        }
        if (isConfiguredAdmin(account.username()) && account.role() != Role.ADMIN) {
            account.changeRole(Role.ADMIN);
            LOG.info(() -> "Account '" + account.username() + "' is now admin (SWARMPORT_ADMIN_USERNAME)");
        }
        return Optional.of(account);
    }

    /** Sets a new password when {@code current} is the account's password; false otherwise. */
    @Transactional
    public boolean changePassword(long accountId, String current, String newPassword) {
        Account account = em.find(Account.class, accountId);
        if (account == null || !hasher.matches(current, account.passwordHash())) {
            return false;
        }
        account.changePasswordHash(hasher.hash(newPassword));
        return true;
    }

    @Transactional
    public Optional<Account> find(String username) {
        return em.createNamedQuery(Account.BY_USERNAME_KEY, Account.class)
                .setParameter("key", Account.keyOf(username))
                .getResultStream()
                .findFirst();
    }

    private Role roleAtRegistration(String username) {
        return isConfiguredAdmin(username) ? Role.ADMIN : Role.USER;
    }

    private boolean isConfiguredAdmin(String username) {
        return config.adminUsername().map(admin -> Account.keyOf(admin).equals(Account.keyOf(username))).orElse(false);
    }

    /** The account's role as stored now, empty when there is no such account (any more). */
    @Transactional
    public Optional<Role> roleOf(long accountId) {
        return Optional.ofNullable(em.find(Account.class, accountId)).map(Account::role);
    }

    /**
     * Gives the account {@code username} a new role. The last admin keeps the role: the admins are
     * locked while they are counted, so two admins demoting each other at once cannot both pass.
     *
     * @return false when there is no such account
     * @throws LastAdminException when the account is the only admin and the new role is not admin
     */
    @Transactional
    public boolean changeRole(String username, Role newRole) {
        Optional<Account> found = find(username);
        if (found.isEmpty()) {
            return false;
        }
        Account account = found.get();
        if (account.role() == Role.ADMIN && newRole != Role.ADMIN) {
            List<Account> admins = em.createNamedQuery(Account.BY_ROLE, Account.class)
                    .setParameter("role", Role.ADMIN).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
            if (admins.size() <= 1) {
                throw new LastAdminException();
            }
        }
        Role before = account.role();
        account.changeRole(newRole);
        LOG.info(() -> "Account '" + account.username() + "' changed from " + before.label() + " to " + newRole.label());
        return true;
    }
}
