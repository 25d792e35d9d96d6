package org.swarmport.peer.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.swarmport.peer.crypto.EncryptionPolicy;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.metainfo.MetainfoVersion;
import org.swarmport.peer.wire.PeerMessage;

/**
 * Our seed's plaintext uploads: blocks are read from storage in runs of consecutive blocks and
 * sent with their headers in gathering writes that a full socket takes in parts. Whatever the
 * order of the requests, each {@code piece} message carries exactly the requested bytes (BEP 3).
 */
@Timeout(60)
class UploadBatchTest {

    private static final int PIECE = 65536;
    private static final int BLOCK = 16384;

    @TempDir
    Path temp;

    @Test
    void everyRequestedBlockArrivesIntactThroughASmallReceiveWindowWhateverTheRequestOrder_BEP3() throws Exception {
        Path seedDir = Files.createDirectories(temp.resolve("seed"));
        int length = 120 * PIECE - 1000; // 8 MiB less: more than the seed's socket buffer takes (4 MiB at most); the last block is short
        Path file = TestContent.file(seedDir, "data.bin", length, 7);
        byte[] content = Files.readAllBytes(file);
        Metainfo metainfo = TestContent.torrent(file, MetainfoVersion.V1, PIECE);
        List<int[]> requests = requestOrder(metainfo);
        try (Client seed = TestContent.loopbackClient().encryption(EncryptionPolicy.DISABLED).build().start()) {
            TorrentHandle torrent = seed.add(metainfo, seedDir);
            assertTrue(torrent.awaitCompletion(Duration.ofSeconds(10)));
            byte[] infoHash = metainfo.infoHashV1().orElseThrow().bytes();
            try (FakePeer peer = FakePeer.connect(TestContent.loopback(seed.listenPort()), infoHash, 4096)) {
                peer.send(PeerMessage.Simple.INTERESTED);
                PeerMessage message = peer.read();
                while (message != PeerMessage.Simple.UNCHOKE) {
                    assertNotNull(message, "the seed closed before unchoking us");
                    message = peer.read();
                }
                for (int[] request : requests) {
                    peer.send(PeerMessage.Request.request(request[0], request[1], request[2]));
                }
                Map<Long, byte[]> received = new HashMap<>();
                while (received.size() < requests.size()) {
                    PeerMessage.Piece piece = peer.readUntil(PeerMessage.Piece.class);
                    assertNotNull(piece, "the seed closed after " + received.size() + " blocks");
                    received.put((long) piece.piece() * PIECE + piece.begin(), piece.block());
                }
                for (int[] request : requests) {
                    long at = (long) request[0] * PIECE + request[1];
                    byte[] block = received.get(at);
                    assertNotNull(block, "block at " + at);
                    assertEquals(request[2], block.length, "length of the block at " + at);
                    assertArrayEquals(Arrays.copyOfRange(content, (int) at, (int) at + request[2]), block, "block at " + at);
                }
            }
        }
    }

    /**
     * Every block once: runs of consecutive blocks (one read each), a piece backwards, a piece
     * whose blocks are interleaved with another's, and the short last block.
     */
    private static List<int[]> requestOrder(Metainfo metainfo) {
        List<int[]> order = new ArrayList<>();
        int pieces = metainfo.pieceCount();
        int blocks = PIECE / BLOCK;
        for (int piece = 0; piece < pieces; piece += 4) {
            for (int b = 0; b < blocks; b++) {
                order.add(block(metainfo, piece, b));
            }
            for (int b = blocks - 1; b >= 0; b--) {
                order.add(block(metainfo, piece + 1, b));
            }
            for (int b = 0; b < blocks; b++) {
                order.add(block(metainfo, piece + 2, b));
                order.add(block(metainfo, piece + 3, b));
            }
        }
        return order;
    }

    private static int[] block(Metainfo metainfo, int piece, int index) {
        long pieceLength = Math.min(PIECE, metainfo.totalLength() - (long) piece * PIECE);
        int begin = index * BLOCK;
        return new int[] {piece, begin, (int) Math.min(BLOCK, pieceLength - begin)};
    }
}
