package org.swarmport.peer.storage;

import java.nio.file.Path;

import org.swarmport.peer.metainfo.Metainfo;

/**
 * The default provider ({@value StorageProvider#DEFAULT}): a torrent's files as plain files under
 * the download directory, with a part file and resume data beside them.
 *
 * <p>Verified pieces are written past the page cache ({@code O_DIRECT}) where the file system
 * allows it and the piece's buffer is suitably aligned (the session's piece buffers are): a
 * downloading client writes each byte once and rarely reads it back soon, and copying it into
 * the page cache was the largest CPU cost of a loopback download (see {@link FileContentStore}).
 * {@link #FileStorageProvider(boolean) new FileStorageProvider(false)} keeps every write buffered.
 */
public final class FileStorageProvider implements StorageProvider {

    private final boolean directWrites;

    /** Direct writes where possible; the provider {@link java.util.ServiceLoader} finds. */
    public FileStorageProvider() {
        this(true);
    }

    /** @param directWrites whether aligned piece writes may bypass the page cache */
    public FileStorageProvider(boolean directWrites) {
        this.directWrites = directWrites;
    }

    @Override
    public String name() {
        return DEFAULT;
    }

    @Override
    public ContentStore open(Metainfo metainfo, Path directory, int maxOpenFiles) throws StorageException {
        return new FileContentStore(metainfo, directory, maxOpenFiles, directWrites);
    }
}
