package org.swarmport.portal.account;

/** Another account already has this username (in any case). */
class UsernameTakenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsernameTakenException() {
        super("username taken");
    }
}
