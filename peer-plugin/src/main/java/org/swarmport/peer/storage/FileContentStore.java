package org.swarmport.peer.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.swarmport.peer.metainfo.FileEntry;
import org.swarmport.peer.metainfo.FilePath;
import org.swarmport.peer.metainfo.Metainfo;

/**
 * A torrent's files as plain files under a download directory, at the paths the torrent names,
 * each resolved through {@link DownloadDirectory} so none can land outside it. Beside them, as
 * libtorrent names them, {@code .<info-hash>.parts} (the part file) and
 * {@code .<info-hash>.resume} (the resume data, replaced by an atomic rename).
 */
final class FileContentStore implements ContentStore {

    private final List<FileEntry> files;
    private final DownloadDirectory directory;
    private final FilePath partPath;
    private final FilePath resumePath;
    private final FilePath resumeTemporary;
    private final OpenFiles open;

    FileContentStore(Metainfo metainfo, Path downloadDirectory, int maxOpenFiles) throws StorageException {
        this.files = metainfo.files();
        this.directory = DownloadDirectory.open(downloadDirectory);
        String hex = metainfo.bestInfoHash().hex();
        this.partPath = FilePath.of("." + hex + ".parts");
        this.resumePath = FilePath.of("." + hex + ".resume");
        this.resumeTemporary = FilePath.of("." + hex + ".resume.tmp");
        this.open = new OpenFiles(this::openChannel, maxOpenFiles);
    }

    private FilePath pathOf(int file) {
        return file == PART_FILE ? partPath : files.get(file).path();
    }

    private FileChannel openChannel(int file, boolean writable) throws StorageException {
        FilePath path = pathOf(file);
        Path resolved = directory.resolve(path);
        try {
            return writable
                    ? FileChannel.open(resolved, StandardOpenOption.READ, StandardOpenOption.WRITE)
                    : FileChannel.open(resolved, StandardOpenOption.READ);
        } catch (IOException e) {
            throw DownloadDirectory.failure(path.toString(), writable ? "cannot open for writing" : "cannot open", e);
        }
    }

    @Override
    public Optional<FileState> state(int file) throws StorageException {
        FilePath path = pathOf(file);
        Path resolved = directory.resolve(path);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(resolved, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            if (underAFile(resolved)) {
                // A file stands where a directory of the path should: this file cannot exist
                // yet, and creating it will say what is in the way.
                return Optional.empty();
            }
            throw DownloadDirectory.failure(path.toString(), "cannot read attributes", e);
        }
        if (!attributes.isRegularFile()) {
            throw new StorageException(path.toString(), "is not a regular file", null);
        }
        return Optional.of(new FileState(attributes.size(), attributes.lastModifiedTime().toMillis()));
    }

    /** Whether the nearest existing directory above {@code file} is in fact not a directory. */
    private boolean underAFile(Path file) {
        for (Path at = file.getParent(); at != null && !at.equals(directory.root()); at = at.getParent()) {
            if (Files.exists(at)) {
                return !Files.isDirectory(at);
            }
        }
        return false;
    }

    @Override
    public void create(int file) throws StorageException {
        FilePath path = pathOf(file);
        Path resolved = directory.createParents(path);
        try {
            Files.createFile(resolved);
        } catch (FileAlreadyExistsException e) {
            if (state(file).isEmpty()) {
                throw new StorageException(path.toString(), "exists but is not a regular file", e);
            }
        } catch (IOException e) {
            throw DownloadDirectory.failure(path.toString(), "cannot create", e);
        }
    }

    @Override
    public int read(int file, long position, ByteBuffer target) throws StorageException {
        try (OpenFiles.Lease lease = open.lease(file, false)) {
            int total = 0;
            while (target.hasRemaining()) {
                int n = lease.channel().read(target, position + total);
                if (n < 0) {
                    break;
                }
                total += n;
            }
            return total;
        } catch (StorageException e) {
            throw e;
        } catch (IOException e) {
            throw DownloadDirectory.failure(pathOf(file).toString(), "cannot read", e);
        }
    }

    @Override
    public void write(int file, long position, ByteBuffer source) throws StorageException {
        try (OpenFiles.Lease lease = open.lease(file, true)) {
            long at = position;
            while (source.hasRemaining()) {
                at += lease.channel().write(source, at);
            }
        } catch (StorageException e) {
            throw e;
        } catch (IOException e) {
            throw DownloadDirectory.failure(pathOf(file).toString(), "cannot write", e);
        }
    }

    @Override
    public long transferTo(int file, long position, long count, WritableByteChannel target) throws IOException {
        try (OpenFiles.Lease lease = open.lease(file, false)) {
            long sent = 0;
            while (sent < count) {
                long n = lease.channel().transferTo(position + sent, count - sent, target);
                if (n <= 0) {
                    break;
                }
                sent += n;
            }
            return sent;
        }
    }

    @Override
    public void delete(int file) throws StorageException {
        open.forget(file);
        FilePath path = pathOf(file);
        try {
            Files.deleteIfExists(directory.resolve(path));
        } catch (IOException e) {
            throw DownloadDirectory.failure(path.toString(), "cannot delete", e);
        }
    }

    @Override
    public void flush() throws StorageException {
        try {
            open.force();
        } catch (IOException e) {
            throw DownloadDirectory.failure(directory.root().toString(), "cannot flush writes to disk", e);
        }
    }

    @Override
    public Optional<byte[]> readResume(int maxBytes) throws StorageException {
        Path resolved = directory.resolve(resumePath);
        try (FileChannel channel = FileChannel.open(resolved, StandardOpenOption.READ)) {
            // One byte more than allowed, so that a longer file is seen to be too long.
            ByteBuffer bytes = ByteBuffer.allocate((int) Math.min(channel.size(), maxBytes + 1L));
            int n = 0;
            while (bytes.hasRemaining() && n >= 0) {
                n = channel.read(bytes);
            }
            return Optional.of(Arrays.copyOf(bytes.array(), bytes.position()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw DownloadDirectory.failure(resumePath.toString(), "cannot read resume data", e);
        }
    }

    @Override
    public void writeResume(byte[] resume) throws StorageException {
        Path temporary = directory.resolve(resumeTemporary);
        Path target = directory.resolve(resumePath);
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(resume);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw DownloadDirectory.failure(resumePath.toString(), "cannot save resume data", e);
        }
    }

    @Override
    public void close() throws StorageException {
        try {
            open.closeAll();
        } catch (IOException e) {
            throw DownloadDirectory.failure(directory.root().toString(), "cannot close files", e);
        }
    }
}
