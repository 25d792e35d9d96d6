package org.swarmport.peer.session;

import java.nio.ByteBuffer;
import java.nio.file.Path;

import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.storage.ContentStore;
import org.swarmport.peer.storage.FileStorageProvider;
import org.swarmport.peer.storage.StorageException;
import org.swarmport.peer.storage.StorageProvider;

/** Files, but once its {@link #gate} is armed every read, or every write, of one torrent waits at the gate. */
final class GatedStorage implements StorageProvider {

    private final StorageProvider files = new FileStorageProvider();
    private final String torrentName;
    private final boolean writes;
    final StoreGate gate = new StoreGate();

    private GatedStorage(String torrentName, boolean writes) {
        this.torrentName = torrentName;
        this.writes = writes;
    }

    /** Reads of the torrent named {@code torrentName} wait at the gate. */
    static GatedStorage reads(String torrentName) {
        return new GatedStorage(torrentName, false);
    }

    /** Writes to the torrent named {@code torrentName} wait at the gate. */
    static GatedStorage writes(String torrentName) {
        return new GatedStorage(torrentName, true);
    }

    @Override
    public String name() {
        return writes ? "gated-writes" : "gated-reads";
    }

    @Override
    public ContentStore open(Metainfo metainfo, Path directory, int maxOpenFiles) throws StorageException {
        ContentStore store = files.open(metainfo, directory, maxOpenFiles);
        if (!metainfo.name().equals(torrentName)) {
            return store;
        }
        return new ForwardingContentStore(store) {
            @Override
            public int read(int file, long position, ByteBuffer target) throws StorageException {
                if (!writes) {
                    gate.pass();
                }
                return super.read(file, position, target);
            }

            @Override
            public void write(int file, long position, ByteBuffer source) throws StorageException {
                if (writes) {
                    gate.pass();
                }
                super.write(file, position, source);
            }
        };
    }
}
