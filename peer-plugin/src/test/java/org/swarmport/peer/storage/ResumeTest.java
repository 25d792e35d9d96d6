package org.swarmport.peer.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmport.peer.metainfo.MetainfoVersion;

/** Resume without rehashing what was verified: only files whose size or modification time changed are read again. */
class ResumeTest {

    @TempDir
    Path directory;

    // In 16 KiB pieces: f00 [0, 20000) in pieces 0-1, f01 [20000, 70000) in pieces 1-4, f02 in piece 4.
    private final Content content = Content.of(MetainfoVersion.V1, 16384, 20_000, 50_000, 5);

    private final List<Integer> hashed = new ArrayList<>();

    private StorageOptions recording() {
        return StorageOptions.defaults().listener((piece, good, done, total) -> hashed.add(piece));
    }

    private Path resumeFile() {
        return directory.resolve("." + content.metainfo.bestInfoHash().hex() + ".resume");
    }

    private void downloadAll() throws IOException {
        try (TorrentStorage storage = TorrentStorage.open(content.metainfo, directory)) {
            content.download(storage);
            storage.recheck(RecheckListener.NONE);
        }
        hashed.clear();
    }

    @Test
    void aRestartTrustsTheResumeDataAndHashesNothing() throws IOException {
        downloadAll();
        try (TorrentStorage storage = TorrentStorage.open(content.metainfo, directory, recording())) {
            assertTrue(storage.isComplete());
            assertEquals(List.of(), hashed);
            assertEquals(Optional.empty(), storage.resumeProblem());
        }
        assertFalse(Files.exists(resumeFile().resolveSibling(resumeFile().getFileName() + ".tmp")), "the temporary is renamed away");
    }

    @Test
    void onlyThePiecesOfAFileWhoseTimeChangedAreHashed() throws IOException {
        downloadAll();
        Path f02 = directory.resolve("t/f02");
        Files.setLastModifiedTime(f02, FileTime.fromMillis(Files.getLastModifiedTime(f02).toMillis() + 5_000));
        try (TorrentStorage storage = TorrentStorage.open(content.metainfo, directory, recording())) {
            assertEquals(List.of(4), hashed);
            assertTrue(storage.isComplete());
        }
    }

    @Test
    void aFileChangedBehindOurBackIsFoundByItsSizeAndItsPiecesFail() throws IOException {
        downloadAll();
        Path f00 = directory.resolve("t/f00");
        Files.write(f00, new byte[10]);
        try (TorrentStorage storage = TorrentStorage.open(content.metainfo, directory, recording())) {
            assertEquals(List.of(0, 1), hashed);
            assertFalse(storage.isVerified(0));
            assertFalse(storage.isVerified(1));
            assertEquals(3, storage.verifiedPieces().cardinality());
        }
    }

    @Test
    void piecesVerifiedAfterTheLastSaveAreFoundAgainInTheChangedFile() throws IOException {
        TorrentStorage storage = TorrentStorage.open(content.metainfo, directory);
        storage.writeBlock(0, 0, ByteBuffer.wrap(content.piece(0)));
        storage.verifyPiece(0);
        storage.saveResume();
        storage.writeBlock(4, 0, ByteBuffer.wrap(content.piece(4)));
        storage.verifyPiece(4);
        // A crash: the storage is never closed, so piece 4 is not in the resume data.
        Path f02 = directory.resolve("t/f02");
        Files.setLastModifiedTime(f02, FileTime.fromMillis(Files.getLastModifiedTime(f02).toMillis() + 5_000));
        try (TorrentStorage again = TorrentStorage.open(content.metainfo, directory, recording())) {
            assertTrue(again.isVerified(0));
            assertTrue(again.isVerified(4), "f02 changed since the save, so its pieces were hashed");
        }
        storage.close();
    }

    @Test
    void damagedOrForeignResumeDataMeansAFullRecheckNeverAFailure() throws IOException {
        downloadAll();
        byte[] saved = Files.readAllBytes(resumeFile());
        List<byte[]> hostile = List.of(new byte[0], "garbage".getBytes(), java.util.Arrays.copyOf(saved, saved.length / 2),
                new byte[ResumeData.maxLength(content.metainfo) + 100]);
        for (byte[] bytes : hostile) {
            Files.write(resumeFile(), bytes);
            hashed.clear();
            try (TorrentStorage storage = TorrentStorage.open(content.metainfo, directory, recording())) {
                assertTrue(storage.isComplete());
                assertEquals(content.metainfo.pieceCount(), hashed.size(), "every piece is hashed again");
                assertTrue(storage.resumeProblem().orElseThrow().startsWith("resume data: "),
                        storage.resumeProblem().orElseThrow());
            }
        }
    }

    @Test
    void unreadableResumeDataMeansARecheckNotAFailureToStart() throws IOException {
        content.writeTo(directory);
        Files.createDirectory(resumeFile());
        TorrentStorage storage = TorrentStorage.open(content.metainfo, directory, recording());
        assertTrue(storage.isComplete());
        assertEquals(content.metainfo.pieceCount(), hashed.size());
        String problem = storage.resumeProblem().orElseThrow();
        assertTrue(problem.startsWith("." + content.metainfo.bestInfoHash().hex() + ".resume: cannot read resume data: "),
                problem);
        StorageException closing = assertThrows(StorageException.class, storage::close,
                "a directory cannot be replaced by the data");
        assertTrue(closing.getMessage().contains("cannot save resume data"), closing.getMessage());
        assertThrows(IllegalStateException.class, () -> storage.verifyPiece(0), "closed even so");
    }

    @Test
    void resumeDataNamingADeletedFileDoesNotVouchForItsPieces() throws IOException {
        downloadAll();
        Files.delete(directory.resolve("t/f01"));
        try (TorrentStorage storage = TorrentStorage.open(content.metainfo, directory, recording())) {
            assertEquals(1, storage.verifiedPieces().cardinality(), "only piece 0 holds no byte of f01");
            assertTrue(storage.isVerified(0));
            assertEquals(List.of(1, 2, 3, 4), hashed, "f01's pieces were looked at again");
        }
    }

    @Test
    void withoutResumeDataTheReasonIsGiven() throws IOException {
        try (TorrentStorage storage = TorrentStorage.open(content.metainfo, directory)) {
            assertEquals(Optional.of("no resume data"), storage.resumeProblem());
        }
        try (TorrentStorage storage = TorrentStorage.open(content.metainfo, directory, StorageOptions.defaults().useResume(false))) {
            assertEquals(Optional.of("resume data not used"), storage.resumeProblem());
        }
    }
}
