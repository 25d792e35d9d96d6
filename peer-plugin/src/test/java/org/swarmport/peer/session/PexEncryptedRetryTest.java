package org.swarmport.peer.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.swarmport.peer.crypto.EncryptionPolicy;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.metainfo.MetainfoVersion;
import org.swarmport.peer.pex.PexMessage;
import org.swarmport.peer.pex.PexPeer;
import org.swarmport.peer.wire.ExtensionHandshake;
import org.swarmport.peer.wire.PeerMessage;

/**
 * A peer learned by PEX without the encryption flag is dialled in plaintext first (BEP 11); when
 * it hangs up before the handshake, as a client that requires encryption does, it is dialled
 * once more with MSE, and the download goes on over the encrypted connection.
 */
@Timeout(60)
class PexEncryptedRetryTest {

    @TempDir
    Path temp;

    @Test
    void anUnflaggedPexPeerThatRequiresEncryptionIsReachedOnTheEncryptedRetry_BEP11() throws Exception {
        Path seedDir = Files.createDirectories(temp.resolve("seed"));
        Path file = TestContent.file(seedDir, "data.bin", 300_000, 11);
        Metainfo metainfo = TestContent.torrent(file, MetainfoVersion.V1, 32768);
        byte[] infoHash = metainfo.infoHashV1().orElseThrow().bytes();
        try (Client seed = TestContent.loopbackClient().encryption(EncryptionPolicy.REQUIRED).build().start();
             Client leech = TestContent.loopbackClient().encryption(EncryptionPolicy.PREFERRED).build().start()) {
            assertTrue(seed.add(metainfo, seedDir).awaitCompletion(Duration.ofSeconds(10)));
            TorrentHandle download = leech.add(metainfo, Files.createDirectories(temp.resolve("download")));
            // a plaintext peer that connects to the leech and tells it of the seed
            try (FakePeer gossip = FakePeer.connect(TestContent.loopback(leech.listenPort()), infoHash, 65536, true)) {
                // Our leech offers ut_pex as extended id 1 (PeerExchange): tell it of the seed, unflagged.
                gossip.send(new PeerMessage.Extended(0, new ExtensionHandshake(Map.of("ut_pex", 1), Optional.empty(),
                        OptionalInt.empty(), OptionalInt.empty(), OptionalLong.empty(), Optional.empty()).toBytes()));
                gossip.send(PeerMessage.Simple.HAVE_NONE);
                gossip.send(new PeerMessage.Extended(1, new PexMessage(
                        List.of(PexPeer.of(TestContent.loopback(seed.listenPort()))), List.of()).encode()));
                assertTrue(download.awaitCompletion(Duration.ofSeconds(20)),
                        "the seed refuses plaintext; only the encrypted retry reaches it: " + download.peers());
            }
        }
        assertEquals(-1, Files.mismatch(file, temp.resolve("download").resolve("data.bin")));
    }
}
