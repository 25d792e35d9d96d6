package org.swarmport.peer.session;

import java.nio.ByteBuffer;
import java.util.Optional;

import org.swarmport.peer.storage.ContentStore;
import org.swarmport.peer.storage.FileState;
import org.swarmport.peer.storage.StorageException;

/** A {@link ContentStore} that hands every call to another: tests override the one they slow down. */
class ForwardingContentStore implements ContentStore {

    private final ContentStore store;

    ForwardingContentStore(ContentStore store) {
        this.store = store;
    }

    @Override
    public Optional<FileState> state(int file) throws StorageException {
        return store.state(file);
    }

    @Override
    public void create(int file) throws StorageException {
        store.create(file);
    }

    @Override
    public int read(int file, long position, ByteBuffer target) throws StorageException {
        return store.read(file, position, target);
    }

    @Override
    public void write(int file, long position, ByteBuffer source) throws StorageException {
        store.write(file, position, source);
    }

    @Override
    public void delete(int file) throws StorageException {
        store.delete(file);
    }

    @Override
    public void flush() throws StorageException {
        store.flush();
    }

    @Override
    public Optional<byte[]> readResume(int maxBytes) throws StorageException {
        return store.readResume(maxBytes);
    }

    @Override
    public void writeResume(byte[] resume) throws StorageException {
        store.writeResume(resume);
    }

    @Override
    public void close() throws StorageException {
        store.close();
    }
}
