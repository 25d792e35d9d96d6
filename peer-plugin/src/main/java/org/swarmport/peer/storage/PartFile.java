package org.swarmport.peer.storage;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one file that keeps the bytes of unselected files which share a piece with selected ones,
 * so that such a boundary piece can still be downloaded whole, verified and served, without
 * creating the files nobody asked for (libtorrent's part file does the same).
 *
 * <p>It is a row of slots, each a whole piece's worth of bytes behind an 8-byte header: the
 * magic {@code SPRT} and the piece it holds, or -1 once freed. The header makes the file describe
 * itself, so a lost or stale resume file loses nothing: opening it reads the headers back. Only
 * bytes of unselected files are written into a slot; the selected files' bytes of the same piece
 * go to their own files. When a file is selected later its bytes move out, and a slot no file
 * needs any more is freed for reuse; when none is in use the file is deleted.
 */
final class PartFile {

    private static final int MAGIC = 0x53505254;
    private static final int FREE = -1;
    static final int HEADER = 8;

    private final ContentStore store;
    private final PieceMap map;
    private final long slotSize;
    private final Map<Integer, Integer> slots = new HashMap<>();
    private final Deque<Integer> freeSlots = new ArrayDeque<>();
    private int slotCount;
    private boolean exists;

    PartFile(ContentStore store, PieceMap map) {
        this.store = store;
        this.map = map;
        this.slotSize = HEADER + map.pieceLength();
    }

    /** Reads the slot headers of an existing part file; slots whose header is damaged are reused. */
    synchronized void load() throws StorageException {
        Optional<FileState> state = store.state(ContentStore.PART_FILE);
        if (state.isEmpty()) {
            return;
        }
        exists = true;
        long count = Math.min((state.get().size() + slotSize - 1) / slotSize, map.pieceCount());
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        for (int slot = 0; slot < count; slot++) {
            header.clear();
            int read = store.read(ContentStore.PART_FILE, slot * slotSize, header);
            int piece = read == HEADER && header.getInt(0) == MAGIC ? header.getInt(4) : FREE;
            if (piece >= 0 && piece < map.pieceCount() && !slots.containsKey(piece)) {
                slots.put(piece, slot);
            } else {
                freeSlots.add(slot);
            }
        }
        slotCount = (int) count;
    }

    synchronized boolean has(int piece) {
        return slots.containsKey(piece);
    }

    synchronized Set<Integer> pieces() {
        return Set.copyOf(slots.keySet());
    }

    /** Reads {@code target.remaining()} bytes of piece {@code piece} at {@code pieceOffset}; zeros where none were stored. */
    void read(int piece, int pieceOffset, ByteBuffer target) throws StorageException {
        Integer slot;
        synchronized (this) {
            slot = slots.get(piece);
        }
        int wanted = target.remaining();
        int read = slot == null ? 0 : Math.max(0, store.read(ContentStore.PART_FILE, dataPosition(slot, pieceOffset), target));
        Zeros.fill(target, wanted - read);
    }

    void write(int piece, int pieceOffset, ByteBuffer source) throws StorageException {
        store.write(ContentStore.PART_FILE, dataPosition(slotFor(piece), pieceOffset), source);
    }

    /** Frees the slot of piece {@code piece}, once no unselected file needs its bytes; deletes the file when it holds nothing. */
    synchronized void release(int piece) throws StorageException {
        Integer slot = slots.remove(piece);
        if (slot == null) {
            return;
        }
        if (slots.isEmpty()) {
            store.delete(ContentStore.PART_FILE);
            exists = false;
            freeSlots.clear();
            slotCount = 0;
            return;
        }
        store.write(ContentStore.PART_FILE, slot * slotSize, header(FREE));
        freeSlots.add(slot);
    }

    private synchronized int slotFor(int piece) throws StorageException {
        Integer slot = slots.get(piece);
        if (slot != null) {
            return slot;
        }
        if (!exists) {
            store.create(ContentStore.PART_FILE);
            exists = true;
        }
        int chosen = freeSlots.isEmpty() ? slotCount++ : freeSlots.poll();
        store.write(ContentStore.PART_FILE, chosen * slotSize, header(piece));
        slots.put(piece, chosen);
        return chosen;
    }

    private long dataPosition(int slot, int pieceOffset) {
        return slot * slotSize + HEADER + pieceOffset;
    }

    private static ByteBuffer header(int piece) {
        return ByteBuffer.allocate(HEADER).putInt(MAGIC).putInt(piece).flip();
    }
}
