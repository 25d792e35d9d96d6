package org.swarmport.peer.storage;

import java.io.Closeable;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Where one torrent's files, its part file and its resume data are kept: the byte-level half of
 * storage that a {@link StorageProvider} supplies. {@link TorrentStorage} does everything that
 * knows about pieces (mapping, hashing, selection, resume) on top of it, so a provider only
 * moves bytes.
 *
 * <p>Files are named by their index in {@code Metainfo.files()} (never a pad file), or
 * {@link #PART_FILE} for the one part file that holds the bytes of unselected files that share a
 * piece with selected ones. Implementations are safe for concurrent use by several disk threads:
 * reads and writes of disjoint ranges may run at once.
 */
public interface ContentStore extends Closeable {

    /** The "file" index of the part file. */
    int PART_FILE = -1;

    /** The file's size and modification time, or empty when it does not exist. */
    Optional<FileState> state(int file) throws StorageException;

    /** Creates the file, empty, with its directories, unless it exists. */
    void create(int file) throws StorageException;

    /**
     * Reads from {@code position} into {@code target} until it is full or the file ends.
     *
     * @return bytes read; fewer than {@code target.remaining()} only at the end of the file
     * @throws StorageException when the file does not exist or cannot be read
     */
    int read(int file, long position, ByteBuffer target) throws StorageException;

    /**
     * Writes all of {@code source} at {@code position}, growing the file as needed.
     *
     * @throws StorageException when the file does not exist (create it first: a file that
     *                          vanished is not silently recreated empty), or cannot be written
     */
    void write(int file, long position, ByteBuffer source) throws StorageException;

    /** Deletes the file if it exists (the part file, once no piece needs it). */
    void delete(int file) throws StorageException;

    /** Makes every write so far durable (before resume data claims the pieces are there). */
    void flush() throws StorageException;

    /** The resume data last {@linkplain #writeResume written}, or empty; longer than {@code maxBytes} is refused. */
    Optional<byte[]> readResume(int maxBytes) throws StorageException;

    /** Replaces the resume data atomically: a crash leaves the old data or the new, never a mix. */
    void writeResume(byte[] resume) throws StorageException;

    /** Closes open files; the store is not used afterwards. */
    @Override
    void close() throws StorageException;
}
