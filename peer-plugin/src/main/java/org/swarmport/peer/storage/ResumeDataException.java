package org.swarmport.peer.storage;

/**
 * Resume data that cannot be trusted, and why; storage answers it with a recheck, never a
 * failure, and keeps the message for {@link TorrentStorage#resumeProblem()}.
 */
final class ResumeDataException extends Exception {

    private static final long serialVersionUID = 1L;

    ResumeDataException(String defect) {
        super("resume data: " + defect);
    }

    ResumeDataException(String field, String defect) {
        super("resume data: " + field + ": " + defect);
    }
}
