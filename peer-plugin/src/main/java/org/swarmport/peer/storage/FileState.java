package org.swarmport.peer.storage;

/**
 * What a stored file looks like now: its size and last modification time. The resume data keeps
 * one per file, so that on the next start a file that changed while the client was not looking
 * has its pieces hashed again, and an unchanged file is trusted without reading it.
 *
 * @param size           bytes in the file
 * @param modifiedMillis last modification, in milliseconds since the epoch (a counter of writes
 *                       for stores without a clock, such as the in-memory one)
 */
public record FileState(long size, long modifiedMillis) {

    public FileState {
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size);
        }
    }
}
