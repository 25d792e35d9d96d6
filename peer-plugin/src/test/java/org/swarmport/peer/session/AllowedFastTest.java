package org.swarmport.peer.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.metainfo.MetainfoVersion;
import org.swarmport.peer.swarm.AllowedFastSet;
import org.swarmport.peer.wire.PeerMessage;

/**
 * BEP 6 allowed fast, our side, over a loopback socket: our seed tells a fast peer its canonical
 * allowed-fast pieces and, while choking it, serves requests for those and rejects the others.
 */
@Timeout(30)
class AllowedFastTest {

    @TempDir
    Path temp;

    @Test
    void aChokedFastPeerGetsItsAllowedFastPiecesAndOnlyThose_BEP6() throws Exception {
        Path seedDir = Files.createDirectories(temp.resolve("seed"));
        Path file = TestContent.file(seedDir, "data.bin", 40 * 16384, 51); // 40 pieces of 16 KiB
        byte[] content = Files.readAllBytes(file);
        Metainfo metainfo = TestContent.torrent(file, MetainfoVersion.V1, 16384);
        byte[] infoHash = metainfo.infoHashV1().orElseThrow().bytes();
        List<Integer> expected = AllowedFastSet.of(InetAddress.getLoopbackAddress(), infoHash, 40,
                AllowedFastSet.DEFAULT_SIZE).pieces();
        try (Client seed = TestContent.loopbackClient().build().start()) {
            TorrentHandle torrent = seed.add(metainfo, seedDir);
            assertTrue(torrent.awaitCompletion(Duration.ofSeconds(10)));
            try (FakePeer peer = FakePeer.connect(TestContent.loopback(seed.listenPort()), infoHash)) {
                // never interested, so never unchoked: everything below happens while choked
                List<Integer> granted = new ArrayList<>();
                while (granted.size() < expected.size()) {
                    PeerMessage m = peer.read();
                    assertNotNull(m, "closed after " + granted);
                    assertTrue(m != PeerMessage.Simple.UNCHOKE, "unchoked a peer that is not interested");
                    if (m instanceof PeerMessage.AllowedFast fast) {
                        granted.add(fast.piece());
                    }
                }
                assertEquals(expected, granted);
                int allowed = expected.get(0);
                int other = 0;
                while (expected.contains(other)) {
                    other++;
                }
                peer.send(PeerMessage.Request.request(other, 0, 16384));
                peer.send(PeerMessage.Request.request(allowed, 16384 - 1000, 1000));
                PeerMessage.Request rejected = peer.readUntil(PeerMessage.Request.class);
                assertEquals(PeerMessage.Request.reject(other, 0, 16384), rejected);
                PeerMessage.Piece piece = peer.readUntil(PeerMessage.Piece.class);
                assertNotNull(piece);
                assertEquals(allowed, piece.piece());
                assertEquals(16384 - 1000, piece.begin());
                int start = allowed * 16384 + 16384 - 1000;
                assertArrayEquals(Arrays.copyOfRange(content, start, start + 1000), piece.block());
            }
        }
    }
}
