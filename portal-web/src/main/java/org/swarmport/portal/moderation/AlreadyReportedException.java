package org.swarmport.portal.moderation;

/** The reporter has an open report on this target already: one each. */
public class AlreadyReportedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AlreadyReportedException() {
        super("already reported by this account", null, false, false);
    }
}
