package org.swarmport.peer.pex;

/** A {@code ut_pex} message that must be refused (BEP 11): malformed, or more peers than a message may carry. */
public final class PexException extends Exception {

    public PexException(String defect) {
        super("ut_pex: " + defect);
    }

    public PexException(String defect, Throwable cause) {
        super("ut_pex: " + defect, cause);
    }
}
