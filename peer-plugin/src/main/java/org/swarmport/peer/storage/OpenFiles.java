package org.swarmport.peer.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bounded cache of open {@link FileChannel}s, least recently used closed first: a torrent
 * may have thousands of files and a process a limit on descriptors. A channel is leased for one
 * read, write or transfer and closed only when no lease holds it, so eviction never cuts a
 * transfer short. Files open read-only until first written, so content on a read-only disk can
 * be seeded.
 */
final class OpenFiles {

    /** Opens one file's channel. */
    @FunctionalInterface
    interface Opener {
        FileChannel open(int file, boolean writable) throws StorageException;
    }

    /** One use of an open channel; closing it lets the channel be closed once evicted. */
    final class Lease implements AutoCloseable {

        private final Entry entry;

        private Lease(Entry entry) {
            this.entry = entry;
        }

        FileChannel channel() {
            return entry.channel;
        }

        @Override
        public void close() {
            release(entry);
        }
    }

    private static final class Entry {
        final FileChannel channel;
        final boolean writable;
        int users;
        boolean retired;

        Entry(FileChannel channel, boolean writable) {
            this.channel = channel;
            this.writable = writable;
        }
    }

    private final Opener opener;
    private final int capacity;
    private final LinkedHashMap<Integer, Entry> open = new LinkedHashMap<>(16, 0.75f, true);

    OpenFiles(Opener opener, int capacity) {
        this.opener = opener;
        this.capacity = capacity;
    }

    synchronized Lease lease(int file, boolean writable) throws StorageException {
        Entry entry = open.get(file);
        if (entry == null || writable && !entry.writable) {
            Entry fresh = new Entry(opener.open(file, writable), writable);
            if (entry != null) {
                retire(entry);
            }
            open.put(file, fresh);
            entry = fresh;
            evictBeyondCapacity();
        }
        entry.users++;
        return new Lease(entry);
    }

    /** Closes the file's channel (before the file is deleted), as soon as no lease holds it. */
    synchronized void forget(int file) {
        Entry entry = open.remove(file);
        if (entry != null) {
            retire(entry);
        }
    }

    /** Makes what was written through the open channels durable. */
    synchronized void force() throws IOException {
        for (Entry entry : open.values()) {
            if (entry.writable) {
                entry.channel.force(false);
            }
        }
    }

    synchronized int size() {
        return open.size();
    }

    synchronized void closeAll() throws IOException {
        List<Entry> all = new ArrayList<>(open.values());
        open.clear();
        IOException first = null;
        for (Entry entry : all) {
            entry.retired = true;
            try {
                closeWhenIdle(entry);
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private void evictBeyondCapacity() {
        Iterator<Map.Entry<Integer, Entry>> eldest = open.entrySet().iterator();
        while (open.size() > capacity && eldest.hasNext()) {
            Entry entry = eldest.next().getValue();
            eldest.remove();
            retire(entry);
        }
    }

    private void retire(Entry entry) {
        entry.retired = true;
        try {
            closeWhenIdle(entry);
        } catch (IOException ignored) {
            // Written bytes are in the page cache whether or not close reports an error; the
            // next force() of a fresh channel makes them durable, and a read reopens the file.
        }
    }

    private synchronized void release(Entry entry) {
        entry.users--;
        if (entry.retired) {
            try {
                closeWhenIdle(entry);
            } catch (IOException ignored) {
                // As in retire: nothing is lost by a failed close of a file still on disk.
            }
        }
    }

    private static void closeWhenIdle(Entry entry) throws IOException {
        if (entry.users == 0 && entry.channel.isOpen()) {
            if (entry.writable) {
                // A closed channel cannot be forced later: make its writes durable now.
                entry.channel.force(false);
            }
            entry.channel.close();
        }
    }
}
