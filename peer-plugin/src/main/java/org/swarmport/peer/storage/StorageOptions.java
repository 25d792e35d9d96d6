package org.swarmport.peer.storage;

import java.util.List;
import java.util.Objects;

/**
 * How {@link TorrentStorage#open} opens a torrent's storage. Immutable; start from
 * {@link #defaults()} and change what differs:
 *
 * <pre>{@code
 * StorageOptions.defaults().priorities(wanted).listener(progressBar::step)
 * }</pre>
 *
 * @param provider     where the bytes live; the file-system provider by default
 * @param maxOpenFiles at most this many files held open at once (64): a torrent may have
 *                     thousands of files, and a process has a limit on descriptors
 * @param priorities   the priority of each file of {@code Metainfo.files()}, or empty to keep
 *                     the ones in the resume data (every file {@link FilePriority#NORMAL} when
 *                     there are none); pad files' entries are ignored
 * @param useResume    whether to trust resume data; false hashes every piece there is data for
 * @param listener     told about each piece hashed while opening
 * @param readOnly     look, never touch: no file is created or written and no resume data
 *                     saved, for {@code verify} and for content on a read-only disk
 */
public record StorageOptions(StorageProvider provider, int maxOpenFiles, List<FilePriority> priorities,
                             boolean useResume, RecheckListener listener, boolean readOnly) {

    public static final int DEFAULT_MAX_OPEN_FILES = 64;

    public StorageOptions {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(listener, "listener");
        priorities = List.copyOf(priorities);
        if (maxOpenFiles < 1) {
            throw new IllegalArgumentException("maxOpenFiles must be at least 1: " + maxOpenFiles);
        }
    }

    /** The file-system provider, 64 open files, priorities from the resume data, resume trusted, writable. */
    public static StorageOptions defaults() {
        return new StorageOptions(new FileStorageProvider(), DEFAULT_MAX_OPEN_FILES, List.of(), true, RecheckListener.NONE,
                false);
    }

    public StorageOptions provider(StorageProvider newProvider) {
        return new StorageOptions(newProvider, maxOpenFiles, priorities, useResume, listener, readOnly);
    }

    public StorageOptions maxOpenFiles(int newMaxOpenFiles) {
        return new StorageOptions(provider, newMaxOpenFiles, priorities, useResume, listener, readOnly);
    }

    public StorageOptions priorities(List<FilePriority> newPriorities) {
        return new StorageOptions(provider, maxOpenFiles, newPriorities, useResume, listener, readOnly);
    }

    public StorageOptions useResume(boolean trust) {
        return new StorageOptions(provider, maxOpenFiles, priorities, trust, listener, readOnly);
    }

    public StorageOptions listener(RecheckListener newListener) {
        return new StorageOptions(provider, maxOpenFiles, priorities, useResume, newListener, readOnly);
    }

    public StorageOptions readOnly(boolean lookOnly) {
        return new StorageOptions(provider, maxOpenFiles, priorities, useResume, listener, lookOnly);
    }
}
