package org.swarmport.peer.storage;

import java.io.Closeable;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.swarmport.peer.metainfo.FileEntry;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.wire.Bitfield;

/**
 * Where one torrent's bytes live, in the terms the peer wire protocol speaks: pieces and blocks
 * (BEP 3). It maps them onto the torrent's files (pieces that straddle files, BEP 47 pad files
 * that are never written and read as zeros, empty files created), verifies pieces against the
 * metainfo (v1, v2, hybrid: {@link PieceCheck}), keeps the bitfield of verified pieces, downloads
 * selectively (unselected files are not created; their bytes in boundary pieces go to a part
 * file) and resumes without rehashing what it verified before.
 *
 * <pre>{@code
 * try (TorrentStorage storage = TorrentStorage.open(metainfo, Path.of("downloads"))) {
 *     storage.writeBlock(piece, offset, block);          // from a disk thread
 *     if (storage.verifyPiece(piece)) { announce(piece); }
 *     // or, with the whole piece in memory: hashed first, written only when good
 *     if (storage.writePiece(piece, wholePiece)) { announce(piece); }
 * }
 * }</pre>
 *
 * <p>Every method may block on the disk: call them from a disk pool, never from the network
 * thread. They are safe to call from several threads at once; writes of different blocks run in
 * parallel. Opening hashes what the resume data cannot vouch for, so it may take a while for a
 * large torrent.
 *
 * <p>Only regular files are created: a BEP 47 symlink entry is not made, so a torrent cannot
 * plant a link that later writes would follow.
 */
public final class TorrentStorage implements Closeable {

    /** Bytes read at once when hashing or moving: a multiple of the 16 KiB block, small enough to stay in cache. */
    private static final int HASH_CHUNK = 16 * PieceMap.BLOCK_SIZE;
    private static final ThreadLocal<ByteBuffer> HASH_BUFFERS = ThreadLocal.withInitial(() -> ByteBuffer.allocate(HASH_CHUNK));

    // Where a file's bytes go: its own file once it exists; while it does not, a selected file is
    // created on its first write and an unselected one keeps its bytes in the part file.
    private static final int PARKED = 0;
    private static final int WANTED = 1;
    private static final int CREATED = 2;

    private final Metainfo metainfo;
    private final List<FileEntry> files;
    private final PieceMap map;
    private final ContentStore store;
    private final PartFile part;
    private final AtomicIntegerArray placement;
    private final FilePriority[] priorities;
    private final Bitfield verified;
    /** Block reads and writes share it; a selection change, which moves bytes, holds it alone. */
    private final ReadWriteLock selection = new ReentrantReadWriteLock();
    private volatile boolean closed;
    private boolean readOnly;
    private String resumeProblem;

    private TorrentStorage(Metainfo metainfo, PieceMap map, ContentStore store) {
        this.metainfo = metainfo;
        this.files = metainfo.files();
        this.map = map;
        this.store = store;
        this.part = new PartFile(store, map);
        this.placement = new AtomicIntegerArray(files.size());
        this.priorities = new FilePriority[files.size()];
        this.verified = new Bitfield(map.pieceCount());
    }

    /** Opens the storage of {@code metainfo} under {@code directory} with the {@linkplain StorageOptions#defaults() defaults}. */
    public static TorrentStorage open(Metainfo metainfo, Path directory) throws StorageException {
        return open(metainfo, directory, StorageOptions.defaults());
    }

    /**
     * Opens the storage of {@code metainfo} under {@code directory}: reads the resume data,
     * hashes the pieces of every file that changed since it was saved (all pieces there is data
     * for, without usable resume data), and creates the selected empty files.
     *
     * @throws StorageException         when the directory or a file cannot be reached, or a
     *                                  path escapes the directory
     * @throws IllegalArgumentException when {@code options} give priorities for another number of files
     */
    public static TorrentStorage open(Metainfo metainfo, Path directory, StorageOptions options) throws StorageException {
        Objects.requireNonNull(metainfo, "metainfo");
        Objects.requireNonNull(directory, "directory");
        if (!options.priorities().isEmpty() && options.priorities().size() != metainfo.files().size()) {
            throw new IllegalArgumentException(options.priorities().size() + " priorities for "
                    + metainfo.files().size() + " files");
        }
        PieceMap map = PieceMap.of(metainfo);
        ContentStore store = options.provider().open(metainfo, directory, options.maxOpenFiles());
        TorrentStorage storage = new TorrentStorage(metainfo, map, store);
        try {
            storage.start(options);
        } catch (StorageException | RuntimeException e) {
            try {
                store.close();
            } catch (StorageException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return storage;
    }

    private void start(StorageOptions options) throws StorageException {
        readOnly = options.readOnly();
        ResumeData resume = options.useResume() ? readResume() : null;
        if (!options.useResume()) {
            resumeProblem = "resume data not used";
        }
        List<FilePriority> chosen = !options.priorities().isEmpty() ? options.priorities()
                : resume != null ? resume.priorities()
                : null;
        List<Optional<FileState>> current = currentStates();
        for (int i = 0; i < files.size(); i++) {
            FileEntry file = files.get(i);
            priorities[i] = !stored(i) ? FilePriority.SKIP : chosen == null ? FilePriority.NORMAL : chosen.get(i);
            placement.set(i, current.get(i).isPresent() ? CREATED : priorities[i].wanted() ? WANTED : PARKED);
            if (placement.get(i) == WANTED && file.length() == 0 && !readOnly) {
                create(i);
            }
        }
        part.load();
        Optional<FileState> partState = store.state(ContentStore.PART_FILE);
        List<Integer> toCheck = new ArrayList<>();
        for (int piece = 0; piece < map.pieceCount(); piece++) {
            if (resume != null && unchangedSince(resume, piece, current, partState)) {
                if (resume.pieces().get(piece)) {
                    verified.set(piece);
                }
            } else {
                toCheck.add(piece);
            }
        }
        check(toCheck, options.listener(), current);
    }

    private ResumeData readResume() {
        Optional<byte[]> bytes;
        try {
            bytes = store.readResume(ResumeData.maxLength(metainfo));
        } catch (StorageException e) {
            // Unreadable resume data is no reason not to start: the pieces are hashed instead.
            resumeProblem = e.getMessage();
            return null;
        }
        if (bytes.isEmpty()) {
            resumeProblem = "no resume data";
            return null;
        }
        try {
            return ResumeData.decode(bytes.get(), metainfo);
        } catch (ResumeDataException e) {
            resumeProblem = e.getMessage();
            return null;
        }
    }

    /**
     * Whether the resume data can vouch for {@code piece}: each of its files is as it was when
     * saved, and where a file's bytes are in the part file, so is the part file.
     */
    private boolean unchangedSince(ResumeData resume, int piece, List<Optional<FileState>> current,
                                   Optional<FileState> partState) {
        for (int file : map.filesOf(piece)) {
            if (!stored(file)) {
                continue;
            }
            if (!resume.files().get(file).equals(current.get(file))) {
                return false;
            }
            if (current.get(file).isEmpty()) {
                if (!part.has(piece)) {
                    // Nowhere to hold this file's bytes: the piece cannot be complete.
                    return !resume.pieces().get(piece);
                }
                if (!resume.part().equals(partState)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether file {@code file} holds bytes on disk: not a pad file, not a symlink. */
    private boolean stored(int file) {
        FileEntry entry = files.get(file);
        return !entry.padding() && !entry.isSymlink();
    }

    private List<Optional<FileState>> currentStates() throws StorageException {
        List<Optional<FileState>> states = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            states.add(stored(i) ? store.state(i) : Optional.empty());
        }
        return states;
    }

    public Metainfo metainfo() {
        return metainfo;
    }

    /** The layout of pieces over files. */
    public PieceMap pieceMap() {
        return map;
    }

    /**
     * Writes the block at {@code offset} in {@code piece}: all of {@code data}'s remaining bytes,
     * which may run across files. Bytes of pad files and alignment gaps are dropped; a verified
     * piece is never overwritten (a late duplicate in end game), in which case nothing is
     * written and false is answered.
     *
     * @return whether the bytes were written
     * @throws IllegalArgumentException when the block does not lie within the piece
     * @throws StorageException         when a file cannot be written (disk full, permission denied, vanished)
     */
    public boolean writeBlock(int piece, int offset, ByteBuffer data) throws StorageException {
        checkWritable();
        List<FileSpan> spans = map.spans(piece, offset, data.remaining());
        if (isVerified(piece)) {
            return false;
        }
        selection.readLock().lock();
        try {
            int base = data.position();
            for (FileSpan span : spans) {
                if (span.padding()) {
                    continue;
                }
                ByteBuffer slice = data.duplicate().position(base + span.pieceOffset() - offset)
                        .limit(base + span.pieceOffset() - offset + span.length());
                int file = span.file();
                if (placement.get(file) == PARKED) {
                    part.write(piece, span.pieceOffset(), slice);
                } else {
                    if (placement.get(file) == WANTED) {
                        create(file);
                    }
                    store.write(file, span.fileOffset(), slice);
                }
            }
            data.position(data.limit());
            return true;
        } finally {
            selection.readLock().unlock();
        }
    }

    /**
     * Checks a whole piece held in memory and writes it only when it is good: the fast path for
     * an engine that gathers a piece's blocks before storing them. Bad data never reaches the
     * disk, and a good piece is not read back to be hashed.
     *
     * @param bytes the piece: {@code pieceMap().pieceSize(piece)} remaining bytes, or
     *              {@code pieceMap().dataLength(piece)} when the pad file that ends it was not
     *              downloaded (BEP 47 asks clients not to request pad bytes)
     * @return whether the piece matched its hash and is now verified
     * @throws IllegalArgumentException when {@code bytes} is neither length
     * @throws StorageException         when a file cannot be written
     */
    public boolean writePiece(int piece, ByteBuffer bytes) throws StorageException {
        Optional<CheckedPiece> checked = checkPiece(piece, bytes);
        if (checked.isPresent()) {
            write(checked.get());
        }
        return checked.isPresent();
    }

    /**
     * The first half of {@link #writePiece}: hashes a whole piece held in memory and, when it
     * matches, answers it ready to {@linkplain #write(CheckedPiece) write}; nothing is written or
     * recorded yet. {@code bytes} is not consumed, and must not change until the write.
     *
     * @param bytes as for {@link #writePiece}
     * @return the checked piece, or empty when the bytes do not match the piece's hash
     * @throws IllegalArgumentException when {@code bytes} is neither length {@link #writePiece} takes
     */
    public Optional<CheckedPiece> checkPiece(int piece, ByteBuffer bytes) {
        checkWritable();
        int size = map.pieceSize(piece);
        int data = map.dataLength(piece);
        if (bytes.remaining() != size && bytes.remaining() != data) {
            throw new IllegalArgumentException(bytes.remaining() + " bytes for piece " + piece + " of " + size
                    + (data == size ? "" : " (" + data + " without its padding)"));
        }
        PieceCheck check = new PieceCheck(metainfo, map, piece);
        check.update(bytes.duplicate());
        check.updateZeros(check.remaining());
        return check.matches() ? Optional.of(new CheckedPiece(this, piece, bytes.duplicate())) : Optional.empty();
    }

    /**
     * The second half of {@link #writePiece}: writes a piece {@link #checkPiece} passed and only
     * then records it verified (so resume data never claims a piece whose bytes are not written).
     * A piece verified meanwhile is left as it is: verified data is never overwritten.
     *
     * @throws IllegalArgumentException when {@code checked} came from another storage
     * @throws StorageException         when a file cannot be written
     */
    public void write(CheckedPiece checked) throws StorageException {
        if (checked.storage() != this) {
            throw new IllegalArgumentException("piece " + checked.piece() + " was checked by another storage");
        }
        if (writeBlock(checked.piece(), 0, checked.bytes())) {
            synchronized (verified) {
                verified.set(checked.piece());
            }
        }
    }

    /**
     * Reads {@code length} bytes at {@code offset} in {@code piece} into {@code target}, whose
     * position advances by {@code length}. Pad files, gaps and bytes never written read as zeros.
     *
     * @throws IllegalArgumentException when the range is outside the piece or {@code target} has too little room
     * @throws StorageException         when a file cannot be read, or vanished
     */
    public void readBlock(int piece, int offset, int length, ByteBuffer target) throws StorageException {
        checkOpen();
        List<FileSpan> spans = map.spans(piece, offset, length);
        if (target.remaining() < length) {
            throw new IllegalArgumentException("room for " + target.remaining() + " bytes, " + length + " asked");
        }
        selection.readLock().lock();
        try {
            for (FileSpan span : spans) {
                ByteBuffer slice = target.slice().limit(span.length());
                readSpan(piece, span, slice);
                target.position(target.position() + span.length());
            }
        } finally {
            selection.readLock().unlock();
        }
    }

    private void readSpan(int piece, FileSpan span, ByteBuffer slice) throws StorageException {
        if (span.padding()) {
            Zeros.fill(slice, span.length());
            return;
        }
        switch (placement.get(span.file())) {
            case CREATED -> {
                int read = Math.max(0, store.read(span.file(), span.fileOffset(), slice));
                // A file not yet written to its end reads as zeros there, like a sparse file.
                Zeros.fill(slice, span.length() - read);
            }
            case PARKED -> part.read(piece, span.pieceOffset(), slice);
            default -> Zeros.fill(slice, span.length());
        }
    }

    /**
     * Hashes piece {@code piece} as stored and records the answer in the verified bitfield.
     *
     * @return whether the piece's bytes are the torrent's
     * @throws StorageException when a file cannot be read
     */
    public boolean verifyPiece(int piece) throws StorageException {
        checkOpen();
        boolean good = hashMatches(piece);
        synchronized (verified) {
            if (good) {
                verified.set(piece);
            } else {
                verified.clear(piece);
            }
        }
        return good;
    }

    private boolean hashMatches(int piece) throws StorageException {
        PieceCheck check = new PieceCheck(metainfo, map, piece);
        ByteBuffer buffer = HASH_BUFFERS.get();
        int size = map.pieceSize(piece);
        for (int at = 0; at < size; at += HASH_CHUNK) {
            int length = Math.min(HASH_CHUNK, size - at);
            buffer.clear().limit(length);
            readBlock(piece, at, length, buffer);
            check.update(buffer.flip());
        }
        return check.matches();
    }

    /** Whether piece {@code piece} is verified. */
    public boolean isVerified(int piece) {
        synchronized (verified) {
            return verified.get(piece);
        }
    }

    /** A copy of the verified pieces: what the {@code bitfield} message tells peers we have. */
    public Bitfield verifiedPieces() {
        synchronized (verified) {
            return verified.copy();
        }
    }

    /** Whether every piece is verified: a seed. */
    public boolean isComplete() {
        synchronized (verified) {
            return verified.isComplete();
        }
    }

    /**
     * Hashes every piece again, whatever the resume data said, and answers the verified pieces. A
     * piece with a missing or short file is not verified and not read; a file that vanished since
     * the storage was opened is recreated on its next write.
     *
     * @param listener told about each piece as it is checked
     * @throws StorageException when a file that exists cannot be read
     */
    public Bitfield recheck(RecheckListener listener) throws StorageException {
        checkOpen();
        List<Optional<FileState>> current;
        selection.writeLock().lock();
        try {
            current = currentStates();
            for (int i = 0; i < files.size(); i++) {
                if (current.get(i).isEmpty() && placement.get(i) == CREATED) {
                    placement.set(i, priorities[i].wanted() ? WANTED : PARKED);
                }
            }
        } finally {
            selection.writeLock().unlock();
        }
        List<Integer> all = new ArrayList<>(map.pieceCount());
        for (int piece = 0; piece < map.pieceCount(); piece++) {
            all.add(piece);
        }
        check(all, listener, current);
        return verifiedPieces();
    }

    /** Hashes {@code pieces}, skipping those whose files are missing or short in {@code current}. */
    private void check(List<Integer> pieces, RecheckListener listener, List<Optional<FileState>> current)
            throws StorageException {
        int done = 0;
        for (int piece : pieces) {
            boolean good = hasAllBytes(piece, current) && hashMatches(piece);
            synchronized (verified) {
                if (good) {
                    verified.set(piece);
                } else {
                    verified.clear(piece);
                }
            }
            listener.checked(piece, good, ++done, pieces.size());
        }
    }

    /** Whether every byte of the piece can be on disk: no file it needs is missing or too short. */
    private boolean hasAllBytes(int piece, List<Optional<FileState>> current) {
        for (FileSpan span : map.spans(piece)) {
            if (span.padding()) {
                continue;
            }
            Optional<FileState> state = current.get(span.file());
            if (state.isPresent()) {
                if (state.get().size() < span.fileOffset() + span.length()) {
                    return false;
                }
            } else if (!part.has(piece)) {
                return false;
            }
        }
        return true;
    }

    /** The priority of file {@code file} of {@code Metainfo.files()}; {@link FilePriority#SKIP} for pad files. */
    public FilePriority filePriority(int file) {
        selection.readLock().lock();
        try {
            return priorities[file];
        } finally {
            selection.readLock().unlock();
        }
    }

    /**
     * Sets the priority of file {@code file} of {@code Metainfo.files()}. Selecting a file that
     * was not created moves its bytes of boundary pieces in from the part file; unselecting one
     * that exists keeps it and its data (nothing verified is thrown away).
     *
     * @throws IllegalArgumentException for a pad file or symlink, which hold no bytes
     * @throws StorageException         when bytes cannot be moved out of the part file
     */
    public void setFilePriority(int file, FilePriority priority) throws StorageException {
        checkWritable();
        Objects.requireNonNull(priority, "priority");
        if (!stored(file)) {
            throw new IllegalArgumentException(files.get(file).path() + " is a pad file or symlink and has no priority");
        }
        selection.writeLock().lock();
        try {
            priorities[file] = priority;
            int where = placement.get(file);
            if (priority.wanted() && where == PARKED) {
                moveInFromPart(file);
            } else if (!priority.wanted() && where == WANTED) {
                placement.set(file, PARKED);
            }
        } finally {
            selection.writeLock().unlock();
        }
    }

    private void moveInFromPart(int file) throws StorageException {
        placement.set(file, WANTED);
        FileEntry entry = files.get(file);
        if (entry.length() == 0) {
            create(file);
            return;
        }
        List<Integer> parked = new ArrayList<>(part.pieces());
        parked.sort(null);
        for (int piece : parked) {
            if (piece < map.firstPiece(file) || piece > map.lastPiece(file)) {
                continue;
            }
            for (FileSpan span : map.spans(piece)) {
                if (span.file() == file) {
                    create(file);
                    // In chunks: a piece may be as long as 1 GiB.
                    ByteBuffer chunk = HASH_BUFFERS.get();
                    for (int at = 0; at < span.length(); at += HASH_CHUNK) {
                        chunk.clear().limit(Math.min(HASH_CHUNK, span.length() - at));
                        part.read(piece, span.pieceOffset() + at, chunk);
                        store.write(file, span.fileOffset() + at, chunk.flip());
                    }
                }
            }
            if (!needsPart(piece)) {
                part.release(piece);
            }
        }
    }

    /** Whether some file of the piece still keeps its bytes in the part file. */
    private boolean needsPart(int piece) {
        for (int file : map.filesOf(piece)) {
            if (stored(file) && placement.get(file) == PARKED) {
                return true;
            }
        }
        return false;
    }

    private void create(int file) throws StorageException {
        synchronized (placement) {
            if (placement.get(file) != CREATED) {
                store.create(file);
                placement.set(file, CREATED);
            }
        }
    }

    /** How much piece {@code piece} is wanted: its most wanted file's priority. */
    public FilePriority piecePriority(int piece) {
        selection.readLock().lock();
        try {
            FilePriority highest = FilePriority.SKIP;
            for (int file : map.filesOf(piece)) {
                if (priorities[file].compareTo(highest) > 0) {
                    highest = priorities[file];
                }
            }
            return highest;
        } finally {
            selection.readLock().unlock();
        }
    }

    /** The pieces holding a byte of any selected file: what the picker should fetch. */
    public Bitfield wantedPieces() {
        Bitfield wanted = new Bitfield(map.pieceCount());
        selection.readLock().lock();
        try {
            for (int file = 0; file < files.size(); file++) {
                if (priorities[file].wanted()) {
                    for (int piece = map.firstPiece(file); piece <= map.lastPiece(file); piece++) {
                        wanted.set(piece);
                    }
                }
            }
        } finally {
            selection.readLock().unlock();
        }
        return wanted;
    }

    /**
     * Why the resume data was not used when opening (missing, damaged, another torrent's, turned
     * off), or empty when it was.
     */
    public Optional<String> resumeProblem() {
        return Optional.ofNullable(resumeProblem);
    }

    /**
     * Makes every write durable, then replaces the resume data atomically with the verified
     * pieces, each file's size and modification time, and the priorities. The engine calls it on
     * a timer and at stop; {@link #close()} calls it too.
     */
    public void saveResume() throws StorageException {
        checkWritable();
        byte[] encoded;
        selection.readLock().lock();
        try {
            store.flush();
            ResumeData data = new ResumeData(verifiedPieces(), currentStates(), store.state(ContentStore.PART_FILE),
                    Arrays.asList(priorities.clone()));
            encoded = data.encode(metainfo);
        } finally {
            selection.readLock().unlock();
        }
        store.writeResume(encoded);
    }

    /** Saves the resume data (unless read-only) and closes the files. */
    @Override
    public void close() throws StorageException {
        if (closed) {
            return;
        }
        try {
            if (!readOnly) {
                saveResume();
            }
        } finally {
            closed = true;
            store.close();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("storage of " + metainfo.name() + " is closed");
        }
    }

    private void checkWritable() {
        checkOpen();
        if (readOnly) {
            throw new IllegalStateException("storage of " + metainfo.name() + " is read-only");
        }
    }

    @Override
    public String toString() {
        return "TorrentStorage[" + metainfo.name() + ", " + verifiedPieces() + "]";
    }
}
