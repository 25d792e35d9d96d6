package org.swarmport.peer.cli;

/**
 * Why a command stops, worded for the person at the terminal, with the exit status to end with.
 * {@link SwarmportPeer} prints the message alone, never a stack trace.
 */
final class CommandFailure extends Exception {

    private final int exitStatus;

    CommandFailure(String message) {
        this(message, ExitStatus.FAILURE);
    }

    CommandFailure(String message, int exitStatus) {
        super(message);
        this.exitStatus = exitStatus;
    }

    int exitStatus() {
        return exitStatus;
    }
}
