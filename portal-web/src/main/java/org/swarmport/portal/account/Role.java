package org.swarmport.portal.account;

import java.util.Locale;

/** What an account may do, each role including the ones before it. */
public enum Role {
    /** browses, comments, downloads */
    USER,
    /** also publishes torrents */
    UPLOADER,
    /** also edits and removes what others published, and comments */
    MODERATOR,
    /** also manages accounts and roles */
    ADMIN;

    /** Whether this role includes everything {@code other} may do. */
    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    /** As stored in {@code portal.account.role} and shown on pages: {@code user}, {@code admin}… */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Role fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
