package org.swarmport.portal.account;

import java.io.Serializable;

/** What the session remembers of whoever signed in on it (the role as at sign-in; CurrentUser reads it anew). */
record SignedIn(long accountId, String username, Role role) implements Serializable {
}
