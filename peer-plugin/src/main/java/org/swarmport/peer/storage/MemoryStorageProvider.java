package org.swarmport.peer.storage;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.swarmport.peer.metainfo.InfoHash;
import org.swarmport.peer.metainfo.Metainfo;

/**
 * Keeps torrents' bytes in the heap ({@code memory}): for tests, which then run without a disk,
 * and for short-lived seeds of small content. Opening the same torrent under the same directory
 * again through the same provider finds the bytes written before, as a disk would; a new
 * provider starts empty.
 */
public final class MemoryStorageProvider implements StorageProvider {

    private record Key(Path directory, InfoHash infoHash) {
    }

    private final Map<Key, MemoryContentStore> stores = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public ContentStore open(Metainfo metainfo, Path directory, int maxOpenFiles) {
        Key key = new Key(directory.toAbsolutePath().normalize(), metainfo.bestInfoHash());
        return stores.computeIfAbsent(key, k -> new MemoryContentStore(metainfo));
    }
}
