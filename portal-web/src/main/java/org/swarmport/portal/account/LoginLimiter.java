package org.swarmport.portal.account;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;

/**
 * Slows down password guessing, per username and per client address: one name may fail
 * {@value #PER_USERNAME} times and one address {@value #PER_ADDRESS} times (several people
 * may share an address) before each further failure locks it, from 30 seconds doubling up to
 * an hour. In memory and per server node, which is enough to turn online guessing into
 * a few attempts an hour; a locked attempt does not check the password at all.
 */
@ApplicationScoped
public class LoginLimiter {

    static final int PER_USERNAME = 5;
    static final int PER_ADDRESS = 20;
    private static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    private static final Duration MAX_LOCK = Duration.ofHours(1);
    private static final Duration FORGET_AFTER = Duration.ofHours(1);
    private static final int CAPACITY = 100_000;

    private final LoginBackoff usernames;
    private final LoginBackoff addresses;

    public LoginLimiter() {
        this(Clock.systemUTC());
    }

    LoginLimiter(Clock clock) {
        usernames = new LoginBackoff(clock, PER_USERNAME, FIRST_LOCK, MAX_LOCK, FORGET_AFTER, CAPACITY);
        addresses = new LoginBackoff(clock, PER_ADDRESS, FIRST_LOCK, MAX_LOCK, FORGET_AFTER, CAPACITY);
    }

    /** How long this attempt must wait (the longer of the two locks); zero when it may go ahead. */
    Duration waitFor(String username, String address) {
        Duration byName = usernames.waitFor(Account.keyOf(username));
        Duration byAddress = addresses.waitFor(address);
        return byName.compareTo(byAddress) >= 0 ? byName : byAddress;
    }

    void failed(String username, String address) {
        usernames.failed(Account.keyOf(username));
        addresses.failed(address);
    }

    /** Clears the name's failures, not the address's: signing in to one's own account must not reset guessing at others. */
    void succeeded(String username) {
        usernames.succeeded(Account.keyOf(username));
    }
}
