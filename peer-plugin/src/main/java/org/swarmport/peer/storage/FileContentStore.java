package org.swarmport.peer.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
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
import java.util.concurrent.atomic.AtomicLong;

import com.sun.nio.file.ExtendedOpenOption;

import org.swarmport.peer.metainfo.FileEntry;
import org.swarmport.peer.metainfo.FilePath;
import org.swarmport.peer.metainfo.Metainfo;

/**
 * A torrent's files as plain files under a download directory, at the paths the torrent names,
 * each resolved through {@link DownloadDirectory} so none can land outside it. Beside them, as
 * libtorrent names them, {@code .<info-hash>.parts} (the part file) and
 * {@code .<info-hash>.resume} (the resume data, replaced by an atomic rename).
 *
 * <p><b>Direct writes.</b> A write from a direct buffer goes past the page cache
 * ({@code O_DIRECT}, the JDK's {@link ExtendedOpenOption#DIRECT}) for its part that is aligned
 * to the file system's block size in the file and in memory; the unaligned head and tail, if any,
 * are written through the page cache as before. Why: a downloaded piece is written once, and
 * copying it into the page cache cost about 1 CPU s per GiB here, most of it the first touch of
 * fresh page-cache memory (in this VM, pages freed earlier are given back to the host), against
 * 0.16 s for the same GiB written directly ({@code dd bs=1M}, 2026-12-02); libtorrent offered the
 * same as {@code disable_os_cache}. The cost: what was just written is read back from the
 * device, not from memory (seeding it later, {@code verify}). Reads (uploads
 * included) stay buffered. Where the file system refuses {@code O_DIRECT} (opening or
 * writing fails), the store says so once and writes through the page cache from then on; the
 * bytes of a failed direct write are written again buffered, so nothing is lost.
 */
final class FileContentStore implements ContentStore {

    private final List<FileEntry> files;
    private final DownloadDirectory directory;
    private final FilePath partPath;
    private final FilePath resumePath;
    private final FilePath resumeTemporary;
    private final OpenFiles open;
    /** Channels opened with {@code O_DIRECT}, for writes only; null when direct writes are off. */
    private final OpenFiles direct;
    /** The block size direct writes are aligned to: 0 until the first direct open, -1 when the file system refuses them. */
    private volatile int alignment;
    /** Bytes written past the page cache so far (tests and diagnostics). */
    private final AtomicLong directBytes = new AtomicLong();

    /**
     * @param maxOpenFiles at most this many channels open at once; with direct writes a quarter
     *                     of them (at least one) are the write-only direct ones
     */
    FileContentStore(Metainfo metainfo, Path downloadDirectory, int maxOpenFiles, boolean directWrites)
            throws StorageException {
        this.files = metainfo.files();
        this.directory = DownloadDirectory.open(downloadDirectory);
        String hex = metainfo.bestInfoHash().hex();
        this.partPath = FilePath.of("." + hex + ".parts");
        this.resumePath = FilePath.of("." + hex + ".resume");
        this.resumeTemporary = FilePath.of("." + hex + ".resume.tmp");
        boolean withDirect = directWrites && maxOpenFiles >= 2;
        int directCapacity = withDirect ? Math.max(1, maxOpenFiles / 4) : 0;
        this.open = new OpenFiles(this::openChannel, maxOpenFiles - directCapacity);
        this.direct = withDirect ? new OpenFiles(this::openDirect, directCapacity) : null;
        this.alignment = withDirect ? 0 : -1;
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

    private FileChannel openDirect(int file, boolean writable) throws StorageException {
        FilePath path = pathOf(file);
        Path resolved = directory.resolve(path);
        try {
            if (alignment == 0) {
                alignment = Math.toIntExact(Files.getFileStore(resolved).getBlockSize());
            }
            return FileChannel.open(resolved, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT);
        } catch (IOException e) {
            throw DownloadDirectory.failure(path.toString(), "cannot open for direct writes", e);
        } catch (UnsupportedOperationException | ArithmeticException e) {
            throw new StorageException(path.toString(), "cannot open for direct writes: " + e, e);
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
        int align = file == PART_FILE || !source.isDirect() ? -1 : alignment(file);
        long end = position + source.remaining();
        long first = align <= 0 ? 0 : (position + align - 1) / align * align;
        if (align <= 0 || end / align * align - first < align
                || source.alignmentOffset(source.position() + (int) (first - position), align) != 0) {
            // no direct writes here, no aligned whole block, or memory and file offsets not congruent
            writeBuffered(file, position, source);
            return;
        }
        int start = source.position();
        int limit = source.limit();
        int directStart = start + (int) (first - position);
        if (first > position) {
            writeBuffered(file, position, source.duplicate().limit(directStart));
        }
        long written = writeDirect(file, first, source.duplicate().position(directStart), align);
        ByteBuffer tail = source.duplicate().position(directStart + (int) written);
        if (tail.hasRemaining()) {
            writeBuffered(file, first + written, tail);
        }
        source.position(limit);
    }

    /** The alignment direct writes need, opening the file's direct channel the first time; -1 without direct writes. */
    private int alignment(int file) {
        if (alignment == 0) {
            try (OpenFiles.Lease lease = direct.lease(file, true)) {
                // opening found the block size
            } catch (StorageException e) {
                alignment = -1;
            }
        }
        return alignment;
    }

    /**
     * Writes the aligned whole blocks at the start of {@code source} (position {@code at}, both
     * aligned to {@code align}) past the page cache; answers how many bytes that was, 0 when the file system
     * refuses (then never again for this store).
     */
    private long writeDirect(int file, long at, ByteBuffer source, int align) {
        ByteBuffer blocks = source.duplicate();
        blocks.limit(blocks.position() + blocks.remaining() / align * align);
        try (OpenFiles.Lease lease = direct.lease(file, true)) {
            long written = 0;
            while (blocks.hasRemaining()) {
                written += lease.channel().write(blocks, at + written);
            }
            directBytes.addAndGet(written);
            return written;
        } catch (IOException | UnsupportedOperationException e) {
            // The file system or its configuration does not do O_DIRECT: write buffered from now on,
            // this range included (what went directly before the failure is written again).
            alignment = -1;
            return 0;
        }
    }

    /** Bytes written past the page cache so far. */
    long directBytes() {
        return directBytes.get();
    }

    private void writeBuffered(int file, long position, ByteBuffer source) throws StorageException {
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
    public void delete(int file) throws StorageException {
        open.forget(file);
        if (direct != null) {
            direct.forget(file);
        }
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
            if (direct != null) {
                direct.force();
            }
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
            if (direct != null) {
                direct.closeAll();
            }
            open.closeAll();
        } catch (IOException e) {
            throw DownloadDirectory.failure(directory.root().toString(), "cannot close files", e);
        }
    }
}
