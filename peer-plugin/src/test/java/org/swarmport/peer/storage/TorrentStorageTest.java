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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmport.peer.metainfo.FileEntry;
import org.swarmport.peer.metainfo.MetainfoVersion;
import org.swarmport.peer.wire.Bitfield;

class TorrentStorageTest {

    private static final int[] SIZES = {10_000, 1, 30_000, 7, 0, 70_000};

    @TempDir
    Path directory;

    @Test
    void blocksThatStraddleFilesLandInEachFileAndVerify_BEP3() throws IOException {
        Content content = Content.of(MetainfoVersion.V1, 32768, SIZES);
        try (TorrentStorage storage = TorrentStorage.open(content.metainfo, directory)) {
            assertTrue(storage.verifiedPieces().isEmpty());
            content.download(storage);
            for (int piece = 0; piece < storage.pieceMap().pieceCount(); piece++) {
                assertTrue(storage.verifyPiece(piece), "piece " + piece);
            }
            assertTrue(storage.isComplete());
        }
        for (int i = 0; i < content.metainfo.files().size(); i++) {
            FileEntry file = content.metainfo.files().get(i);
            assertArrayEquals(content.fileBytes(i), Files.readAllBytes(onDisk(file)), file.path().toString());
        }
    }

    @Test
    void readBlockReturnsTheTorrentsBytesAcrossFileBoundaries() throws IOException {
        Content content = Content.of(MetainfoVersion.V1, 32768, SIZES);
        content.writeTo(directory);
        try (TorrentStorage storage = TorrentStorage.open(content.metainfo, directory)) {
            assertTrue(storage.isComplete(), "finished files are found verified on open");
            // Piece 0: f00 (10,000 bytes), f01 (1), f02 from its start.
            ByteBuffer block = ByteBuffer.allocate(100);
            storage.readBlock(0, 9_950, 100, block);
            assertEquals(100, block.position());
            assertArrayEquals(Arrays.copyOfRange(content.piece(0), 9_950, 10_050), block.array());
        }
    }

    @Test
    void emptyFilesAreCreatedAndPadFilesNeverAre_BEP47() throws IOException {
        Content content = Content.of(MetainfoVersion.HYBRID, 16384, SIZES);
        assertTrue(content.metainfo.files().stream().anyMatch(FileEntry::padding));
        try (TorrentStorage storage = TorrentStorage.open(content.metainfo, directory)) {
            assertTrue(Files.isRegularFile(directory.resolve("t/f04")), "the empty file exists at once");
            assertEquals(0, Files.size(directory.resolve("t/f04")));
            content.download(storage);
            assertEquals(storage.pieceMap().pieceCount(), storage.recheck(RecheckListener.NONE).cardinality());
        }
        assertFalse(Files.exists(directory.resolve("t/.pad")), "pad files are not written to disk");
    }

    @Test
    void padFilesAndGapsReadAsZerosEvenIfAPeerSentOtherBytes_BEP47_BEP52() throws IOException {
        for (MetainfoVersion version : new MetainfoVersion[] {MetainfoVersion.HYBRID, MetainfoVersion.V2}) {
            Content content = Content.of(version, 16384, 20_000, 5);
            Path here = Files.createDirectory(directory.resolve(version.name()));
            try (TorrentStorage storage = TorrentStorage.open(content.metainfo, here)) {
                byte[] piece = content.piece(1);
                byte[] hostile = piece.clone();
                Arrays.fill(hostile, 3616, hostile.length, (byte) 0x55);
                storage.writeBlock(1, 0, ByteBuffer.wrap(hostile));
                assertTrue(storage.verifyPiece(1), version.name());
                ByteBuffer read = ByteBuffer.allocate(piece.length);
                storage.readBlock(1, 0, piece.length, read);
                assertArrayEquals(piece, read.array());
            }
        }
    }

    @Test
    void v2AndHybridTorrentsVerifyPieceByPiece_BEP52() throws IOException {
        for (MetainfoVersion version : new MetainfoVersion[] {MetainfoVersion.V2, MetainfoVersion.HYBRID}) {
            Content content = Content.of(version, 32768, SIZES);
            Path here = Files.createDirectory(directory.resolve(version.name()));
            try (TorrentStorage storage = TorrentStorage.open(content.metainfo, here)) {
                content.download(storage);
                for (int piece = 0; piece < storage.pieceMap().pieceCount(); piece++) {
                    assertTrue(storage.verifyPiece(piece), version + " piece " + piece);
                }
            }
        }
    }

    @Test
    void aCorruptedByteOnDiskFailsExactlyThePieceThatHoldsIt() throws IOException {
        Content content = Content.of(MetainfoVersion.V1, 32768, SIZES);
        content.writeTo(directory);
        Path f02 = directory.resolve("t/f02");
        byte[] bytes = Files.readAllBytes(f02);
        bytes[25_000] ^= 1; // f02 starts at 10,001: byte 35,001 of the torrent, in piece 1
        Files.write(f02, bytes);
        try (TorrentStorage storage = TorrentStorage.open(content.metainfo, directory)) {
            Bitfield verified = storage.verifiedPieces();
            assertFalse(verified.get(1));
            assertEquals(storage.pieceMap().pieceCount() - 1, verified.cardinality());
            assertFalse(storage.verifyPiece(1));
        }
    }

    @Test
    void recheckTellsTheListenerAboutEveryPiece() throws IOException {
        Content content = Content.of(MetainfoVersion.HYBRID, 16384, SIZES);
        content.writeTo(directory);
        try (TorrentStorage storage = TorrentStorage.open(content.metainfo, directory)) {
            List<String> seen = new ArrayList<>();
            Bitfield result = storage.recheck((piece, verified, done, total) -> seen.add(piece + ":" + verified + ":" + done + "/" + total));
            int count = storage.pieceMap().pieceCount();
            assertEquals(count, seen.size());
            assertEquals("0:true:1/" + count, seen.get(0));
            assertEquals((count - 1) + ":true:" + count + "/" + count, seen.get(count - 1));
            assertTrue(result.isComplete());
        }
    }

    @Test
    void aWholePieceFromMemoryIsHashedFirstAndWrittenOnlyWhenGood() throws IOException {
        Content content = Content.of(MetainfoVersion.HYBRID, 16384, 20_000, 5);
        try (TorrentStorage storage = TorrentStorage.open(content.metainfo, directory)) {
            byte[] bad = content.piece(0);
            bad[100] ^= 1;
            assertFalse(storage.writePiece(0, ByteBuffer.wrap(bad)));
            assertFalse(Files.exists(directory.resolve("t/f00")), "bad data never reaches the disk");
            assertTrue(storage.writePiece(0, ByteBuffer.wrap(content.piece(0))));
            assertTrue(storage.isVerified(0));
            assertTrue(storage.writePiece(1, ByteBuffer.wrap(content.piece(1))));
            assertTrue(storage.writePiece(2, ByteBuffer.wrap(content.piece(2))));
            assertThrows(IllegalArgumentException.class, () -> storage.writePiece(2, ByteBuffer.allocate(4)));
        }
        assertArrayEquals(content.fileBytes(0), Files.readAllBytes(directory.resolve("t/f00")));
        assertArrayEquals(content.fileBytes(2), Files.readAllBytes(directory.resolve("t/f01")));
    }

    @Test
    void aCheckedPieceIsRecordedVerifiedOnlyOnceWritten() throws IOException {
        Content content = Content.of(MetainfoVersion.HYBRID, 16384, 20_000, 5);
        Path elsewhere = directory.resolve("elsewhere");
        try (TorrentStorage storage = TorrentStorage.open(content.metainfo, directory);
                TorrentStorage other = TorrentStorage.open(content.metainfo, Files.createDirectories(elsewhere))) {
            byte[] bad = content.piece(0);
            bad[100] ^= 1;
            assertTrue(storage.checkPiece(0, ByteBuffer.wrap(bad)).isEmpty());
            CheckedPiece checked = storage.checkPiece(0, ByteBuffer.wrap(content.piece(0))).orElseThrow();
            assertEquals(0, checked.piece());
            assertFalse(storage.isVerified(0), "checked, not yet written: not verified, so not in resume data");
            assertFalse(Files.exists(directory.resolve("t/f00")), "checking writes nothing");
            assertThrows(IllegalArgumentException.class, () -> other.write(checked));
            assertFalse(other.isVerified(0));
            storage.write(checked);
            assertTrue(storage.isVerified(0));
        }
        assertArrayEquals(Arrays.copyOf(content.fileBytes(0), 16384),
                Arrays.copyOf(Files.readAllBytes(directory.resolve("t/f00")), 16384));
    }

    @Test
    void aPieceMayComeWithoutThePaddingThatEndsIt_BEP47() throws IOException {
        Content content = Content.of(MetainfoVersion.HYBRID, 16384, 20_000, 5);
        try (TorrentStorage storage = TorrentStorage.open(content.metainfo, directory)) {
            assertEquals(3616, storage.pieceMap().dataLength(1));
            assertEquals(5, storage.pieceMap().dataLength(2));
            assertTrue(storage.writePiece(1, ByteBuffer.wrap(content.piece(1), 0, 3616)));
            IllegalArgumentException odd = assertThrows(IllegalArgumentException.class,
                    () -> storage.writePiece(0, ByteBuffer.allocate(3616)));
            assertEquals("3616 bytes for piece 0 of 16384", odd.getMessage());
            assertEquals("3617 bytes for piece 1 of 16384 (3616 without its padding)", assertThrows(
                    IllegalArgumentException.class, () -> storage.writePiece(1, ByteBuffer.allocate(3617))).getMessage());
        }
    }

    @Test
    void readOnlyStorageLooksButNeverTouches() throws IOException {
        Content content = Content.of(MetainfoVersion.V1, 16384, SIZES);
        content.writeTo(directory);
        Files.delete(directory.resolve("t/f04"));
        try (TorrentStorage storage = TorrentStorage.open(content.metainfo, directory,
                StorageOptions.defaults().readOnly(true))) {
            assertTrue(storage.isComplete());
            assertEquals("storage of t is read-only", assertThrows(IllegalStateException.class,
                    () -> storage.writeBlock(0, 0, ByteBuffer.allocate(1))).getMessage());
            assertThrows(IllegalStateException.class, storage::saveResume);
        }
        assertFalse(Files.exists(directory.resolve("t/f04")), "not even an empty file is created");
        try (var listing = Files.list(directory)) {
            assertEquals(List.of("t"), listing.map(path -> path.getFileName().toString()).toList(), "no resume data written");
        }
    }

    @Test
    void aVerifiedPieceIsNeverOverwritten() throws IOException {
        Content content = Content.of(MetainfoVersion.V1, 16384, 40_000);
        content.writeTo(directory);
        try (TorrentStorage storage = TorrentStorage.open(content.metainfo, directory)) {
            assertTrue(storage.isVerified(0));
            assertFalse(storage.writeBlock(0, 0, ByteBuffer.allocate(16384)), "a late end-game duplicate is dropped");
            assertTrue(storage.verifyPiece(0));
        }
    }

    @Test
    void blocksOutsideAPieceAreRefusedBeforeAnyByteIsWritten() throws IOException {
        Content content = Content.of(MetainfoVersion.V1, 16384, 20_000);
        try (TorrentStorage storage = TorrentStorage.open(content.metainfo, directory)) {
            assertThrows(IllegalArgumentException.class, () -> storage.writeBlock(1, 3000, ByteBuffer.allocate(1000)));
            assertThrows(IllegalArgumentException.class, () -> storage.writeBlock(2, 0, ByteBuffer.allocate(1)));
            assertThrows(IllegalArgumentException.class, () -> storage.readBlock(0, 0, 100, ByteBuffer.allocate(99)));
            assertFalse(Files.exists(directory.resolve("t/f00")), "nothing was created");
        }
    }

    @Test
    void theMemoryProviderStoresAndVerifiesLikeTheDisk() throws IOException {
        Content content = Content.of(MetainfoVersion.HYBRID, 16384, SIZES);
        MemoryStorageProvider memory = new MemoryStorageProvider();
        StorageOptions options = StorageOptions.defaults().provider(memory);
        try (TorrentStorage storage = TorrentStorage.open(content.metainfo, directory, options)) {
            content.download(storage);
            assertEquals(storage.pieceMap().pieceCount(), storage.recheck(RecheckListener.NONE).cardinality());
        }
        try (TorrentStorage again = TorrentStorage.open(content.metainfo, directory, options.useResume(false))) {
            assertTrue(again.isComplete(), "a reopened memory store still holds the bytes");
        }
        try (TorrentStorage fresh = TorrentStorage.open(content.metainfo, directory,
                StorageOptions.defaults().provider(new MemoryStorageProvider()))) {
            assertTrue(fresh.verifiedPieces().isEmpty(), "another provider starts empty");
        }
        try (var files = Files.list(directory)) {
            assertEquals(0, files.count(), "memory storage writes nothing to disk");
        }
    }

    @Test
    void closedStorageRefusesUse() throws IOException {
        Content content = Content.of(MetainfoVersion.V1, 16384, 100);
        TorrentStorage storage = TorrentStorage.open(content.metainfo, directory);
        storage.close();
        storage.close();
        IllegalStateException closed = assertThrows(IllegalStateException.class, () -> storage.verifyPiece(0));
        assertEquals("storage of t is closed", closed.getMessage());
    }

    private Path onDisk(FileEntry file) {
        return directory.resolve(String.join("/", file.path().components()));
    }
}
