package org.swarmport.peer.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import com.sun.nio.file.ExtendedOpenOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmport.peer.metainfo.FilePath;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.metainfo.MetainfoVersion;

/**
 * Writes from aligned direct buffers go past the page cache ({@code O_DIRECT}) for their aligned
 * whole blocks, and everything else through it, with the same bytes on disk either way.
 */
class DirectWritesTest {

    private static final int BLOCK = 4096;

    @TempDir
    Path directory;

    private int alignment;

    @BeforeEach
    void fileSystemDoesDirectIo() throws IOException {
        Path probe = Files.createFile(directory.resolve("probe"));
        try (FileChannel ignored = FileChannel.open(probe, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT)) {
            alignment = Math.toIntExact(Files.getFileStore(probe).getBlockSize());
        } catch (IOException | UnsupportedOperationException e) {
            assumeTrue(false, "the file system of " + directory + " refuses O_DIRECT: " + e);
        } finally {
            Files.delete(probe);
        }
        assumeTrue(alignment <= BLOCK * 4, "block size " + alignment);
    }

    /** A direct buffer of {@code bytes} whose first byte sits {@code offset} bytes after an aligned address. */
    private ByteBuffer directAt(int offset, byte[] bytes) {
        ByteBuffer aligned = ByteBuffer.allocateDirect(bytes.length + offset + 2 * alignment).alignedSlice(alignment);
        return aligned.position(offset).slice().put(bytes).flip();
    }

    private static byte[] random(int length, long seed) {
        byte[] bytes = new byte[length];
        new java.util.Random(seed).nextBytes(bytes);
        return bytes;
    }

    private FileContentStore store(Metainfo metainfo, boolean direct) throws StorageException {
        FileContentStore store = new FileContentStore(metainfo, directory, 8, direct);
        store.create(0);
        return store;
    }

    private Path file(Metainfo metainfo) {
        return directory.resolve(metainfo.files().get(0).path().toString());
    }

    @Test
    void alignedBlocksGoPastThePageCacheAndTheUnalignedHeadAndTailThroughIt() throws IOException {
        Content content = Content.of(MetainfoVersion.V1, 65536, 5 * alignment + 1000);
        byte[] expected = new byte[5 * alignment + 1000];
        try (FileContentStore store = store(content.metainfo, true)) {
            // file offset 100 and memory offset 100: congruent, so blocks 1..4 of the file go direct
            byte[] middle = random(4 * alignment + 50, 1);
            store.write(0, 100, directAt(100, middle));
            System.arraycopy(middle, 0, expected, 100, middle.length);
            assertEquals(3L * alignment, store.directBytes(), "whole blocks from offset " + alignment + " up to the tail");
            byte[] head = random(100, 2);
            store.write(0, 0, directAt(0, head));
            System.arraycopy(head, 0, expected, 0, 100);
            byte[] tail = random(expected.length - 100 - middle.length, 3);
            store.write(0, 100 + middle.length, directAt(0, tail));
            System.arraycopy(tail, 0, expected, 100 + middle.length, tail.length);
            assertEquals(3L * alignment, store.directBytes(), "less than a whole aligned block goes buffered");
        }
        assertArrayEquals(expected, Files.readAllBytes(file(content.metainfo)));
    }

    @Test
    void memoryNotCongruentWithTheFileOffsetOrOnTheHeapIsWrittenBuffered() throws IOException {
        Content content = Content.of(MetainfoVersion.V1, 65536, 8 * alignment);
        byte[] first = random(4 * alignment, 4);
        byte[] second = random(4 * alignment, 5);
        try (FileContentStore store = store(content.metainfo, true)) {
            store.write(0, 0, directAt(8, first));
            store.write(0, 4L * alignment, ByteBuffer.wrap(second));
            assertEquals(0, store.directBytes());
        }
        byte[] onDisk = Files.readAllBytes(file(content.metainfo));
        assertArrayEquals(first, Arrays.copyOfRange(onDisk, 0, first.length));
        assertArrayEquals(second, Arrays.copyOfRange(onDisk, first.length, onDisk.length));
    }

    @Test
    void withDirectWritesOffEveryWriteIsBuffered() throws IOException {
        Content content = Content.of(MetainfoVersion.V1, 65536, 4 * alignment);
        byte[] bytes = random(4 * alignment, 6);
        try (FileContentStore store = store(content.metainfo, false)) {
            store.write(0, 0, directAt(0, bytes));
            assertEquals(0, store.directBytes());
        }
        assertArrayEquals(bytes, Files.readAllBytes(file(content.metainfo)));
    }

    @Test
    void piecesWrittenFromAlignedBuffersVerifyAndReadBackThroughTheStorage_BEP3() throws IOException {
        // 3 whole pieces and a short last one, the shape of a real download's file
        Content content = Content.of(MetainfoVersion.V1, 65536, 3 * 65536 + 5000);
        try (TorrentStorage storage = TorrentStorage.open(content.metainfo, directory)) {
            for (int piece = 0; piece < storage.pieceMap().pieceCount(); piece++) {
                assertTrue(storage.writePiece(piece, directAt(0, content.piece(piece))), "piece " + piece);
            }
            for (int piece = 0; piece < storage.pieceMap().pieceCount(); piece++) {
                assertTrue(storage.verifyPiece(piece), "piece " + piece + " as stored");
            }
        }
        FilePath name = content.metainfo.files().get(0).path();
        assertArrayEquals(content.files.get(name), Files.readAllBytes(file(content.metainfo)));
    }
}
