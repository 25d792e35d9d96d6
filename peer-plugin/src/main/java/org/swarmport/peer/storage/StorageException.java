package org.swarmport.peer.storage;

import java.io.IOException;
import java.util.Optional;

/**
 * A torrent's bytes could not be read or written: disk full, permission denied, a file that
 * vanished, a path that would escape the download directory. The message names the torrent
 * path (as in the .torrent file) and what went wrong, fit to show to a user; the cause is the
 * underlying {@link IOException} when there is one.
 *
 * <p>Nothing already verified is lost when one is thrown: storage never truncates, deletes or
 * overwrites a verified piece to recover from an error.
 */
public class StorageException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String path;

    public StorageException(String message) {
        this(null, message, null);
    }

    public StorageException(String path, String message, Throwable cause) {
        super(path == null ? message : path + ": " + message, cause);
        this.path = path;
    }

    /** The torrent path (or the part or resume file's name) the error is about, when it is about one. */
    public Optional<String> path() {
        return Optional.ofNullable(path);
    }
}
