package org.swarmport.peer.storage;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.swarmport.peer.metainfo.FilePath;

/**
 * The directory a torrent is downloaded into, and the only way storage turns a torrent's path
 * into a file name. {@link FilePath} already refuses {@code ..}, absolute paths and device
 * names; what it cannot see is the disk: a symbolic link already in the directory (planted by
 * another torrent, or an archive unpacked there) would carry writes elsewhere. So every
 * component that exists is resolved to its real path, which must stay under the directory's.
 *
 * <p>Checked on every open and create, not once: links can appear while a torrent runs. A link
 * swapped in between the check and the open is beyond what Java's file API can prevent.
 */
final class DownloadDirectory {

    private final Path realRoot;

    private DownloadDirectory(Path realRoot) {
        this.realRoot = realRoot;
    }

    /** The directory, created if it does not exist. */
    static DownloadDirectory open(Path directory) throws StorageException {
        try {
            Files.createDirectories(directory);
            return new DownloadDirectory(directory.toRealPath());
        } catch (IOException e) {
            throw failure(directory.toString(), "cannot use as download directory", e);
        }
    }

    Path root() {
        return realRoot;
    }

    /**
     * Where {@code path} is on disk.
     *
     * @throws StorageException naming the torrent path when an existing part of it leads out of the directory
     */
    Path resolve(FilePath path) throws StorageException {
        Path at = realRoot;
        boolean exists = true;
        for (String component : path.components()) {
            at = at.resolve(component);
            if (exists) {
                exists = checkInside(path, at);
            }
        }
        return at;
    }

    /** Resolves {@code path} and creates the directories above it, each checked before the next is made. */
    Path createParents(FilePath path) throws StorageException {
        Path at = realRoot;
        for (int i = 0; i < path.size() - 1; i++) {
            at = at.resolve(path.components().get(i));
            if (!checkInside(path, at)) {
                try {
                    Files.createDirectory(at);
                } catch (FileAlreadyExistsException raced) {
                    checkInside(path, at);
                } catch (IOException e) {
                    throw failure(path.toString(), "cannot create directory " + at, e);
                }
            }
            if (!Files.isDirectory(at)) {
                throw new StorageException(path.toString(), realRoot.relativize(at) + " is a file, not a directory", null);
            }
        }
        return resolve(path);
    }

    /** Whether {@code at} exists; if it does, its real path must lie under the root. */
    private boolean checkInside(FilePath path, Path at) throws StorageException {
        if (!Files.exists(at, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        Path real;
        try {
            real = at.toRealPath();
        } catch (NoSuchFileException e) {
            throw new StorageException(path.toString(), realRoot.relativize(at)
                    + " is a symbolic link to nothing; refusing to follow it", e);
        } catch (IOException e) {
            throw failure(path.toString(), "cannot resolve " + at, e);
        }
        if (!real.startsWith(realRoot)) {
            throw new StorageException(path.toString(), "leads to " + real + ", outside the download directory "
                    + realRoot + " (through a symbolic link); refusing to use it", null);
        }
        return true;
    }

    /** A storage error in words for the user: what failed, on which torrent path, and the system's reason. */
    static StorageException failure(String path, String doing, IOException e) {
        String reason;
        if (e instanceof NoSuchFileException) {
            reason = "file vanished";
        } else if (e instanceof AccessDeniedException || isNotPermitted(e)) {
            reason = "permission denied";
        } else if (isDiskFull(e)) {
            reason = "disk full";
        } else if (e instanceof FileSystemException fse && fse.getReason() != null) {
            reason = fse.getReason();
        } else {
            reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return new StorageException(path, doing + ": " + reason, e);
    }

    /** EPERM, which Java does not map to AccessDeniedException: an immutable file, a sealed directory. */
    private static boolean isNotPermitted(IOException e) {
        return e instanceof FileSystemException fse && "Operation not permitted".equals(fse.getReason());
    }

    private static boolean isDiskFull(IOException e) {
        String message = e instanceof FileSystemException fse ? fse.getReason() : e.getMessage();
        return message != null && (message.contains("No space left") || message.contains("Disk quota exceeded"));
    }
}
