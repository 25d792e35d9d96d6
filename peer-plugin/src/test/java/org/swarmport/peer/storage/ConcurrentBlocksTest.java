package org.swarmport.peer.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmport.peer.metainfo.MetainfoVersion;

/** The engine's disk pool writes blocks of many pieces at once; so do these threads, in random order. */
class ConcurrentBlocksTest {

    @TempDir
    Path directory;

    @Test
    void blocksWrittenFromSeveralThreadsInAnyOrderMakeVerifiedFiles() throws Exception {
        // Odd sizes so that blocks straddle files; few open files so channels are evicted while leased.
        Content content = Content.of(MetainfoVersion.V1, 65536, 300_001, 1, 77_777, 0, 512_000, 16_383, 250_000);
        List<int[]> blocks = new ArrayList<>();
        PieceMap map = PieceMap.of(content.metainfo);
        for (int piece = 0; piece < map.pieceCount(); piece++) {
            for (int offset = 0; offset < map.pieceSize(piece); offset += PieceMap.BLOCK_SIZE) {
                blocks.add(new int[] {piece, offset, Math.min(PieceMap.BLOCK_SIZE, map.pieceSize(piece) - offset)});
            }
        }
        Collections.shuffle(blocks, new Random(6));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (TorrentStorage storage = TorrentStorage.open(content.metainfo, directory,
                StorageOptions.defaults().maxOpenFiles(2))) {
            List<Future<?>> writes = new ArrayList<>();
            for (int[] block : blocks) {
                writes.add(pool.submit(() -> {
                    byte[] piece = content.piece(block[0]);
                    storage.writeBlock(block[0], block[1], ByteBuffer.wrap(piece, block[1], block[2]));
                    return null;
                }));
            }
            for (Future<?> write : writes) {
                write.get(30, TimeUnit.SECONDS);
            }
            List<Future<Boolean>> checks = new ArrayList<>();
            for (int piece = 0; piece < map.pieceCount(); piece++) {
                int p = piece;
                checks.add(pool.submit(() -> storage.verifyPiece(p)));
            }
            for (Future<Boolean> check : checks) {
                assertTrue(check.get(30, TimeUnit.SECONDS));
            }
            assertTrue(storage.isComplete());
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
        for (int i = 0; i < content.metainfo.files().size(); i++) {
            Path file = directory.resolve(String.join("/", content.metainfo.files().get(i).path().components()));
            assertArrayEquals(content.fileBytes(i), Files.readAllBytes(file));
        }
    }
}
