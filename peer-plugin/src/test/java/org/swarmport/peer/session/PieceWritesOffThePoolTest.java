package org.swarmport.peer.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.swarmport.peer.crypto.EncryptionPolicy;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.metainfo.MetainfoVersion;
import org.swarmport.peer.storage.StorageOptions;
import org.swarmport.peer.wire.PeerMessage;

/**
 * Verified pieces are written by the engine's one writer, not the disk pool that hashes them and
 * reads uploads: a write that blocks (a direct write waits for the device) holds up neither, and a
 * piece counts as verified only once it is written.
 */
@Timeout(30)
class PieceWritesOffThePoolTest {

    private static final int PIECE = 65536;
    private static final int BLOCK = 16384;

    @TempDir
    Path temp;

    @Test
    void aBlockedPieceWriteLeavesTheDiskPoolFreeAndThePieceUnverifiedUntilWritten() throws Exception {
        Path seedDir = Files.createDirectories(temp.resolve("seed"));
        Path downloaderDir = Files.createDirectories(temp.resolve("downloader"));
        Path slowFile = TestContent.file(seedDir, "slow.bin", 4 * PIECE, 1);
        Path quickFile = TestContent.file(downloaderDir, "quick.bin", 4 * PIECE, 2);
        Metainfo slow = TestContent.torrent(slowFile, MetainfoVersion.V1, PIECE);
        Metainfo quick = TestContent.torrent(quickFile, MetainfoVersion.V1, PIECE);
        GatedStorage provider = GatedStorage.writes("slow.bin");
        try (Client seed = TestContent.loopbackClient().encryption(EncryptionPolicy.DISABLED).build().start();
                Client downloader = TestContent.loopbackClient().encryption(EncryptionPolicy.DISABLED).diskThreads(1)
                        .storage(StorageOptions.defaults().provider(provider)).build().start()) {
            assertTrue(seed.add(slow, seedDir).awaitCompletion(Duration.ofSeconds(10)));
            assertTrue(downloader.add(quick, downloaderDir).awaitCompletion(Duration.ofSeconds(10)));
            provider.gate.armed = true;
            TorrentHandle downloading = downloader.add(slow, downloaderDir);
            downloading.connect(TestContent.loopback(seed.listenPort()));
            try {
                assertTrue(provider.gate.entered.await(10, TimeUnit.SECONDS), "the downloader never wrote a piece");
                assertEquals(0, downloading.bytesDone(), "a piece counted verified before it was written");

                // the downloader's only disk thread still reads what another peer asks of the torrent it seeds
                try (FakePeer other = FakePeer.unchoked(downloader, quick)) {
                    other.send(PeerMessage.Request.request(1, BLOCK, BLOCK));
                    PeerMessage.Piece piece = other.readUntil(PeerMessage.Piece.class);
                    assertNotNull(piece, "no upload read while a piece write blocked");
                    byte[] content = Files.readAllBytes(quickFile);
                    assertArrayEquals(Arrays.copyOfRange(content, PIECE + BLOCK, PIECE + 2 * BLOCK), piece.block());
                }
                assertFalse(downloading.awaitCompletion(Duration.ofMillis(100)));
            } finally {
                provider.gate.release.countDown();
            }
            assertTrue(downloading.awaitCompletion(Duration.ofSeconds(10)));
        }
        assertArrayEquals(Files.readAllBytes(slowFile), Files.readAllBytes(downloaderDir.resolve("slow.bin")));
    }
}
