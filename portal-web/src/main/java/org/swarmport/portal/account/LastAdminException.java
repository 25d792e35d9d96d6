package org.swarmport.portal.account;

/** The portal would be left without an admin: the last one keeps the role. */
public class LastAdminException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LastAdminException() {
        super("the last admin keeps the role", null, false, false);
    }
}
