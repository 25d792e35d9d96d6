package org.swarmport.peer.storage;

import java.nio.file.Path;

import org.swarmport.peer.metainfo.Metainfo;

/**
 * The default provider ({@value StorageProvider#DEFAULT}): a torrent's files as plain files under
 * the download directory, with a part file and resume data beside them.
 */
public final class FileStorageProvider implements StorageProvider {

    @Override
    public String name() {
        return DEFAULT;
    }

    @Override
    public ContentStore open(Metainfo metainfo, Path directory, int maxOpenFiles) throws StorageException {
        return new FileContentStore(metainfo, directory, maxOpenFiles);
    }
}
