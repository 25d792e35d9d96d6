package org.swarmport.peer.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * Uploads read storage on the disk pool, never the network thread: a read that blocks (a page
 * cache miss, a slow disk) holds up only the peer waiting for it, and a block its peer cancels
 * while it is read is not sent (BEP 6: a fast peer gets a reject instead).
 */
@Timeout(30)
class UploadReadsOnDiskPoolTest {

    private static final int PIECE = 65536;
    private static final int BLOCK = 16384;

    @TempDir
    Path temp;

    @Test
    void aBlockedReadStallsNeitherAnotherPeerNorTheCancelOfItsOwnRequest_BEP6() throws Exception {
        Path seedDir = Files.createDirectories(temp.resolve("seed"));
        Path slowFile = TestContent.file(seedDir, "slow.bin", 4 * PIECE, 1);
        Path quickFile = TestContent.file(seedDir, "quick.bin", 4 * PIECE, 2);
        Metainfo slow = TestContent.torrent(slowFile, MetainfoVersion.V1, PIECE);
        Metainfo quick = TestContent.torrent(quickFile, MetainfoVersion.V1, PIECE);
        GatedStorage provider = GatedStorage.reads("slow.bin");
        try (Client seed = TestContent.loopbackClient().encryption(EncryptionPolicy.DISABLED)
                .storage(StorageOptions.defaults().provider(provider)).build().start()) {
            assertTrue(seed.add(slow, seedDir).awaitCompletion(Duration.ofSeconds(10)));
            assertTrue(seed.add(quick, seedDir).awaitCompletion(Duration.ofSeconds(10)));
            provider.gate.armed = true; // the check of the data is done: from now on reads of slow.bin block
            try (FakePeer waiting = FakePeer.unchoked(seed, slow)) {
                waiting.send(PeerMessage.Request.request(0, 0, BLOCK));
                assertTrue(provider.gate.entered.await(10, TimeUnit.SECONDS), "the seed never read the requested block");

                // the same client's network thread still connects, handshakes and serves another torrent's peer
                try (FakePeer other = FakePeer.unchoked(seed, quick)) {
                    other.send(PeerMessage.Request.request(1, BLOCK, BLOCK));
                    PeerMessage.Piece piece = other.readUntil(PeerMessage.Piece.class);
                    assertNotNull(piece, "the other peer got nothing while a read of the first one blocked");
                    assertEquals(1, piece.piece());
                    assertEquals(BLOCK, piece.begin());
                    byte[] content = Files.readAllBytes(quickFile);
                    assertArrayEquals(Arrays.copyOfRange(content, PIECE + BLOCK, PIECE + 2 * BLOCK), piece.block());
                }

                waiting.send(PeerMessage.Request.cancel(0, 0, BLOCK));
                PeerMessage.Request reject = waiting.readUntil(PeerMessage.Request.class);
                assertNotNull(reject, "no answer to the cancel");
                assertEquals(PeerMessage.REJECT_REQUEST, reject.kind());
                assertEquals(PeerMessage.Request.reject(0, 0, BLOCK), reject);
                provider.gate.release.countDown();

                // the cancelled block is dropped after its read: the next piece message is the next request's
                waiting.send(PeerMessage.Request.request(2, 0, BLOCK));
                PeerMessage.Piece next = waiting.readUntil(PeerMessage.Piece.class);
                assertNotNull(next, "the seed closed instead of serving the next request");
                assertEquals(2, next.piece(), "the cancelled block was sent after all");
                byte[] content = Files.readAllBytes(slowFile);
                assertArrayEquals(Arrays.copyOfRange(content, 2 * PIECE, 2 * PIECE + BLOCK), next.block());
            } finally {
                provider.gate.release.countDown();
            }
        }
    }
}
