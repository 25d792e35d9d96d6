package org.swarmport.peer.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmport.peer.metainfo.MetainfoVersion;
import org.swarmport.peer.wire.Bitfield;

/**
 * f00 [0, 20000), f01 [20000, 50000), f02 [50000, 70000) in pieces of 16 KiB: piece 0 is f00's,
 * 1 straddles f00 and f01, 2 is f01's, 3 straddles f01 and f02, 4 is f02's. With f01 skipped,
 * pieces 1 and 3 are boundary pieces whose f01 bytes go to the part file.
 */
class SelectiveDownloadTest {

    private static final List<FilePriority> SKIP_MIDDLE = List.of(FilePriority.NORMAL, FilePriority.SKIP, FilePriority.HIGH);

    @TempDir
    Path directory;

    private final Content content = Content.of(MetainfoVersion.V1, 16384, 20_000, 30_000, 20_000);

    private StorageOptions skipMiddle() {
        return StorageOptions.defaults().priorities(SKIP_MIDDLE);
    }

    private Path partFile() {
        return directory.resolve("." + content.metainfo.bestInfoHash().hex() + ".parts");
    }

    private void download(TorrentStorage storage, int... pieces) throws IOException {
        for (int piece : pieces) {
            assertTrue(storage.writeBlock(piece, 0, ByteBuffer.wrap(content.piece(piece))));
            assertTrue(storage.verifyPiece(piece), "piece " + piece);
        }
    }

    @Test
    void onlyPiecesOfSelectedFilesAreWantedAndAsWantedAsTheirBestFile() throws IOException {
        try (TorrentStorage storage = TorrentStorage.open(content.metainfo, directory, skipMiddle())) {
            Bitfield wanted = storage.wantedPieces();
            assertEquals(List.of(true, true, false, true, true),
                    List.of(wanted.get(0), wanted.get(1), wanted.get(2), wanted.get(3), wanted.get(4)));
            assertEquals(FilePriority.NORMAL, storage.piecePriority(1));
            assertEquals(FilePriority.SKIP, storage.piecePriority(2));
            assertEquals(FilePriority.HIGH, storage.piecePriority(3));
        }
    }

    @Test
    void boundaryPiecesVerifyWhileTheUnselectedFileIsNeverCreated() throws IOException {
        try (TorrentStorage storage = TorrentStorage.open(content.metainfo, directory, skipMiddle())) {
            download(storage, 0, 1, 3, 4);
            assertFalse(Files.exists(directory.resolve("t/f01")), "a skipped file is not created");
            assertTrue(Files.exists(partFile()), "its bytes of boundary pieces are in the part file");
            assertTrue(Files.size(partFile()) <= 2 * (PartFile.HEADER + 16384L), "two slots at most");
            ByteBuffer piece = ByteBuffer.allocate(16384);
            storage.readBlock(3, 0, 16384, piece);
            assertArrayEquals(content.piece(3), piece.array(), "a boundary piece can be served");
        }
        assertArrayEquals(content.fileBytes(0), Files.readAllBytes(directory.resolve("t/f00")));
        assertArrayEquals(content.fileBytes(2), Files.readAllBytes(directory.resolve("t/f02")));
    }

    @Test
    void selectingTheFileLaterMovesItsBytesInAndRemovesThePartFile() throws IOException {
        try (TorrentStorage storage = TorrentStorage.open(content.metainfo, directory, skipMiddle())) {
            download(storage, 0, 1, 3, 4);
            storage.setFilePriority(1, FilePriority.LOW);
            assertTrue(Files.exists(directory.resolve("t/f01")));
            assertFalse(Files.exists(partFile()), "no piece needs the part file any more");
            assertTrue(storage.isVerified(1) && storage.isVerified(3), "moving bytes keeps pieces verified");
            download(storage, 2);
            assertTrue(storage.recheck(RecheckListener.NONE).isComplete(), "the moved bytes are where they belong");
        }
        assertArrayEquals(content.fileBytes(1), Files.readAllBytes(directory.resolve("t/f01")));
    }

    @Test
    void bytesMoveInFromThePartFileInChunksWhenPiecesAreLarge() throws IOException {
        // 1 MiB pieces: f01's 434,176 bytes in piece 0 are more than one move chunk.
        Content large = Content.of(MetainfoVersion.V1, 1 << 20, 614_400, 1_572_864, 614_400);
        try (TorrentStorage storage = TorrentStorage.open(large.metainfo, directory, skipMiddle())) {
            for (int piece : new int[] {0, 2}) {
                assertTrue(storage.writePiece(piece, ByteBuffer.wrap(large.piece(piece))), "piece " + piece);
            }
            storage.setFilePriority(1, FilePriority.NORMAL);
            storage.writePiece(1, ByteBuffer.wrap(large.piece(1)));
            assertTrue(storage.recheck(RecheckListener.NONE).isComplete());
        }
        assertArrayEquals(large.fileBytes(1), Files.readAllBytes(directory.resolve("t/f01")));
    }

    @Test
    void unselectingACreatedFileKeepsItAndItsData() throws IOException {
        try (TorrentStorage storage = TorrentStorage.open(content.metainfo, directory)) {
            download(storage, 0, 1, 2, 3, 4);
            storage.setFilePriority(1, FilePriority.SKIP);
            assertFalse(storage.wantedPieces().get(2));
            assertTrue(storage.recheck(RecheckListener.NONE).isComplete(), "nothing verified was thrown away");
        }
    }

    @Test
    void thePartFileAndSelectionSurviveARestartWithResumeData() throws IOException {
        try (TorrentStorage storage = TorrentStorage.open(content.metainfo, directory, skipMiddle())) {
            download(storage, 0, 1, 3, 4);
        }
        AtomicInteger hashed = new AtomicInteger();
        try (TorrentStorage again = TorrentStorage.open(content.metainfo, directory,
                StorageOptions.defaults().listener((piece, good, done, total) -> hashed.incrementAndGet()))) {
            assertEquals(0, hashed.get(), "nothing changed, nothing is hashed");
            assertEquals(FilePriority.SKIP, again.filePriority(1), "the selection comes from the resume data");
            assertEquals(4, again.verifiedPieces().cardinality());
        }
    }

    @Test
    void thePartFileDescribesItselfWhenResumeDataIsLost() throws IOException {
        try (TorrentStorage storage = TorrentStorage.open(content.metainfo, directory, skipMiddle())) {
            download(storage, 0, 1, 3, 4);
        }
        try (TorrentStorage again = TorrentStorage.open(content.metainfo, directory, skipMiddle().useResume(false))) {
            Bitfield verified = again.verifiedPieces();
            assertTrue(verified.get(1) && verified.get(3), "boundary pieces are found in the part file");
            assertEquals(4, verified.cardinality());
        }
    }

    @Test
    void aDamagedPartFileCostsOnlyTheBoundaryPiecesItHeld() throws IOException {
        try (TorrentStorage storage = TorrentStorage.open(content.metainfo, directory, skipMiddle())) {
            download(storage, 0, 1, 3, 4);
        }
        byte[] damaged = Files.readAllBytes(partFile());
        new java.util.Random(47).nextBytes(damaged);
        Files.write(partFile(), damaged);
        try (TorrentStorage again = TorrentStorage.open(content.metainfo, directory, skipMiddle())) {
            Bitfield verified = again.verifiedPieces();
            assertTrue(verified.get(0) && verified.get(4), "pieces of the selected files alone are untouched");
            assertFalse(verified.get(1) || verified.get(3), "the boundary pieces are hashed again, and fail");
            download(again, 1, 3);
        }
        Files.write(partFile(), java.util.Arrays.copyOf(Files.readAllBytes(partFile()), 5));
        try (TorrentStorage truncated = TorrentStorage.open(content.metainfo, directory, skipMiddle())) {
            assertEquals(2, truncated.verifiedPieces().cardinality(), "a truncated part file holds no slot");
            download(truncated, 1, 3);
        }
    }

    @Test
    void padFilesHaveNoPriority_BEP47() throws IOException {
        Content hybrid = Content.of(MetainfoVersion.HYBRID, 16384, 20_000, 5);
        try (TorrentStorage storage = TorrentStorage.open(hybrid.metainfo, directory)) {
            assertEquals(FilePriority.SKIP, storage.filePriority(1));
            IllegalArgumentException pad = assertThrows(IllegalArgumentException.class,
                    () -> storage.setFilePriority(1, FilePriority.HIGH));
            assertTrue(pad.getMessage().contains("pad file"), pad.getMessage());
        }
    }

    @Test
    void prioritiesForAnotherNumberOfFilesAreRefused() {
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> TorrentStorage.open(
                content.metainfo, directory, StorageOptions.defaults().priorities(List.of(FilePriority.HIGH))));
        assertEquals("1 priorities for 3 files", wrong.getMessage());
    }
}
