package org.swarmport.peer.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmport.peer.interop.RealTools;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.metainfo.MetainfoVersion;

/** Disk full, permission denied, a vanished file: a StorageException with path and cause, and nothing verified lost. */
class StorageErrorsTest {

    @TempDir
    Path directory;

    private final Content content = Content.of(MetainfoVersion.V1, 16384, 20_000, 50_000, 5);

    @Test
    void systemErrorsBecomeMessagesNamingTheTorrentPath() {
        FileSystemException full = new FileSystemException("/data/t/f01", null, "No space left on device");
        StorageException diskFull = DownloadDirectory.failure("t/f01", "cannot write", full);
        assertEquals("t/f01: cannot write: disk full", diskFull.getMessage());
        assertEquals(Optional.of("t/f01"), diskFull.path());
        assertSame(full, diskFull.getCause());
        assertEquals("t/f01: cannot write: disk full",
                DownloadDirectory.failure("t/f01", "cannot write", new IOException("No space left on device")).getMessage());
        assertEquals("t/f01: cannot open for writing: permission denied",
                DownloadDirectory.failure("t/f01", "cannot open for writing", new AccessDeniedException("/data/t/f01")).getMessage());
        assertEquals("t/f01: cannot open: file vanished",
                DownloadDirectory.failure("t/f01", "cannot open", new NoSuchFileException("/data/t/f01")).getMessage());
    }

    @Test
    void aFileWeMayNotWriteIsPermissionDeniedAndVerifiedPiecesStay() throws Exception {
        try (TorrentStorage storage = TorrentStorage.open(content.metainfo, directory)) {
            storage.writeBlock(0, 0, ByteBuffer.wrap(content.piece(0)));
            assertTrue(storage.verifyPiece(0));
        }
        Path f00 = directory.resolve("t/f00");
        // Root ignores file modes, so the file is made immutable instead (Linux chattr, EPERM).
        RealTools.output(List.of("chattr", "+i", f00.toString()), 10);
        assumeTrue(isImmutable(f00), "chattr +i is not available here");
        try (TorrentStorage storage = TorrentStorage.open(content.metainfo, directory)) {
            StorageException denied = assertThrows(StorageException.class,
                    () -> storage.writeBlock(1, 0, ByteBuffer.wrap(content.piece(1))));
            assertEquals("t/f00: cannot open for writing: permission denied", denied.getMessage());
            assertTrue(denied.getCause() instanceof FileSystemException);
            assertTrue(storage.isVerified(0), "the verified piece stays verified");
            assertTrue(storage.recheck(RecheckListener.NONE).get(0), "and readable");
        } finally {
            RealTools.output(List.of("chattr", "-i", f00.toString()), 10);
        }
    }

    /** Whether {@code file} carries the immutable attribute, as lsattr shows it. */
    private static boolean isImmutable(Path file) throws InterruptedException {
        List<String> attributes = RealTools.output(List.of("lsattr", file.toString()), 10);
        return !attributes.isEmpty() && attributes.get(0).split(" ")[0].contains("i");
    }

    @Test
    void aFileThatVanishesIsReportedThenRecheckedAndDownloadedAgain() throws IOException {
        content.writeTo(directory);
        try (TorrentStorage storage = TorrentStorage.open(content.metainfo, directory,
                StorageOptions.defaults().maxOpenFiles(1))) {
            assertTrue(storage.isComplete());
            Files.delete(directory.resolve("t/f00"));
            StorageException vanished = assertThrows(StorageException.class,
                    () -> storage.readBlock(0, 0, 100, ByteBuffer.allocate(100)));
            assertEquals("t/f00: cannot open: file vanished", vanished.getMessage());
            assertTrue(vanished.getCause() instanceof NoSuchFileException);

            assertFalse(storage.recheck(RecheckListener.NONE).get(0), "the recheck notices");
            assertTrue(storage.isVerified(2), "pieces of other files stay verified");
            for (int piece : new int[] {0, 1}) {
                assertTrue(storage.writeBlock(piece, 0, ByteBuffer.wrap(content.piece(piece))), "the file is made again");
                assertTrue(storage.verifyPiece(piece));
            }
        }
    }

    @Test
    void aDiskThatFillsUpKeepsEveryVerifiedPieceAndItsResumeData() throws IOException {
        MemoryStorageProvider memory = new MemoryStorageProvider();
        FillingProvider filling = new FillingProvider(memory, 40_000);
        try (TorrentStorage storage = TorrentStorage.open(content.metainfo, directory,
                StorageOptions.defaults().provider(filling))) {
            for (int piece = 0; piece < 2; piece++) {
                storage.writeBlock(piece, 0, ByteBuffer.wrap(content.piece(piece)));
                assertTrue(storage.verifyPiece(piece));
            }
            StorageException full = assertThrows(StorageException.class,
                    () -> storage.writeBlock(2, 0, ByteBuffer.wrap(content.piece(2))));
            assertEquals("t/f01: cannot write: disk full", full.getMessage());
            assertEquals(2, storage.verifiedPieces().cardinality());
        }
        try (TorrentStorage again = TorrentStorage.open(content.metainfo, directory,
                StorageOptions.defaults().provider(memory))) {
            assertTrue(again.isVerified(0) && again.isVerified(1), "the resume data still vouches for them");
            assertEquals(Optional.empty(), again.resumeProblem());
        }
    }

    /** Memory storage on a "disk" of {@code capacity} bytes: past it, a write fails as a full disk does. */
    private static final class FillingProvider implements StorageProvider {
        private final StorageProvider inner;
        private final long capacity;

        FillingProvider(StorageProvider inner, long capacity) {
            this.inner = inner;
            this.capacity = capacity;
        }

        @Override
        public String name() {
            return "filling";
        }

        @Override
        public ContentStore open(Metainfo metainfo, Path directory, int maxOpenFiles) throws StorageException {
            ContentStore store = inner.open(metainfo, directory, maxOpenFiles);
            return new ContentStore() {
                private long used;

                public Optional<FileState> state(int file) throws StorageException {
                    return store.state(file);
                }

                public void create(int file) throws StorageException {
                    store.create(file);
                }

                public int read(int file, long position, ByteBuffer target) throws StorageException {
                    return store.read(file, position, target);
                }

                public synchronized void write(int file, long position, ByteBuffer source) throws StorageException {
                    if (used + source.remaining() > capacity) {
                        throw DownloadDirectory.failure(metainfo.files().get(file).path().toString(), "cannot write",
                                new IOException("No space left on device"));
                    }
                    used += source.remaining();
                    store.write(file, position, source);
                }

                public void delete(int file) throws StorageException {
                    store.delete(file);
                }

                public void flush() throws StorageException {
                    store.flush();
                }

                public Optional<byte[]> readResume(int maxBytes) throws StorageException {
                    return store.readResume(maxBytes);
                }

                public void writeResume(byte[] resume) throws StorageException {
                    store.writeResume(resume);
                }

                public void close() throws StorageException {
                    store.close();
                }
            };
        }
    }

    @Test
    void theProvidersAreFoundByServiceLoaderTheFileOneFirst() {
        List<StorageProvider> providers = StorageProvider.available();
        assertEquals(List.of("file", "memory"), providers.stream().map(StorageProvider::name).toList());
        assertTrue(StorageProvider.named("memory") instanceof MemoryStorageProvider);
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> StorageProvider.named("s3"));
        assertEquals("no storage provider 's3'; there are [file, memory]", unknown.getMessage());
    }
}
