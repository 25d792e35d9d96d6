package org.swarmport.peer.storage;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.swarmport.peer.metainfo.FileEntry;
import org.swarmport.peer.metainfo.Metainfo;

/**
 * A torrent's files as byte arrays in the heap. It behaves like the disk where storage can tell:
 * files exist only once created, grow on write, read short at their end, have a size and a
 * "modification time" (a counter bumped by every write), and survive {@link #close()} so that
 * storage can be reopened over them. Each file is capped at {@value #MAX_FILE} bytes, the size
 * of a Java array.
 */
final class MemoryContentStore implements ContentStore {

    static final int MAX_FILE = Integer.MAX_VALUE - 8;

    private final List<FileEntry> files;
    private final Map<Integer, MemoryFile> contents = new ConcurrentHashMap<>();
    private final AtomicLong clock = new AtomicLong();
    private volatile byte[] resume;

    MemoryContentStore(Metainfo metainfo) {
        this.files = metainfo.files();
    }

    private final class MemoryFile {
        private byte[] bytes = new byte[0];
        private int size;
        private long modified = clock.incrementAndGet();

        synchronized FileState state() {
            return new FileState(size, modified);
        }

        synchronized int read(long position, ByteBuffer target) {
            if (position >= size) {
                return 0;
            }
            int n = (int) Math.min(target.remaining(), size - position);
            target.put(bytes, (int) position, n);
            return n;
        }

        synchronized void write(String path, long position, ByteBuffer source) throws StorageException {
            long end = position + source.remaining();
            if (end > MAX_FILE) {
                throw new StorageException(path, "cannot write: " + end + " bytes is more than memory storage holds in a file", null);
            }
            if (end > bytes.length) {
                bytes = Arrays.copyOf(bytes, (int) Math.min(MAX_FILE, Math.max(end, 2L * bytes.length)));
            }
            source.get(bytes, (int) position, source.remaining());
            size = (int) Math.max(size, end);
            modified = clock.incrementAndGet();
        }

        synchronized ByteBuffer slice(long position, long count) {
            if (position >= size) {
                return ByteBuffer.allocate(0);
            }
            return ByteBuffer.wrap(Arrays.copyOfRange(bytes, (int) position, (int) Math.min(size, position + count)));
        }
    }

    private String pathOf(int file) {
        return file == PART_FILE ? "part file" : files.get(file).path().toString();
    }

    private MemoryFile existing(int file, String doing) throws StorageException {
        MemoryFile content = contents.get(file);
        if (content == null) {
            throw new StorageException(pathOf(file), doing + ": file vanished", null);
        }
        return content;
    }

    @Override
    public Optional<FileState> state(int file) {
        MemoryFile content = contents.get(file);
        return content == null ? Optional.empty() : Optional.of(content.state());
    }

    @Override
    public void create(int file) {
        contents.computeIfAbsent(file, key -> new MemoryFile());
    }

    @Override
    public int read(int file, long position, ByteBuffer target) throws StorageException {
        return existing(file, "cannot read").read(position, target);
    }

    @Override
    public void write(int file, long position, ByteBuffer source) throws StorageException {
        existing(file, "cannot write").write(pathOf(file), position, source);
    }

    @Override
    public void delete(int file) {
        contents.remove(file);
    }

    /** Deletes every file, for tests that make a file vanish. */
    void deleteAll() {
        contents.clear();
    }

    @Override
    public void flush() {
        // The heap is as durable as memory storage gets.
    }

    @Override
    public Optional<byte[]> readResume(int maxBytes) {
        byte[] saved = resume;
        return saved == null ? Optional.empty() : Optional.of(Arrays.copyOf(saved, Math.min(saved.length, maxBytes + 1)));
    }

    @Override
    public void writeResume(byte[] data) {
        resume = data.clone();
    }

    @Override
    public void close() {
        // The bytes stay for the next open, as files stay on a disk.
    }
}
