package org.swarmport.peer.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.swarmport.peer.interop.RealPeer;
import org.swarmport.peer.interop.RealTools;
import org.swarmport.peer.interop.TransmissionConfig;
import org.swarmport.peer.metainfo.ContentSource;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.metainfo.MetainfoBuilder;
import org.swarmport.peer.metainfo.MetainfoVersion;
import org.swarmport.peer.wire.Bitfield;

/**
 * Our MSE initiator against a Transmission seed ({@code transmission-cli -er}: encryption
 * required), a second, independent MSE implementation besides libtorrent's.
 */
class MseTransmissionInteropTest {

    @Test
    @Timeout(120)
    void transmissionRequiringEncryptionAnswersOurRc4Handshake(@TempDir Path work) throws Exception {
        Path cli = RealTools.requireCommand("transmission-cli", "transmission-cli");
        byte[] content = new byte[25 * 32 * 1024 + 77];
        new Random(3).nextBytes(content);
        Path data = Files.createDirectories(work.resolve("data"));
        Files.write(data.resolve("payload.bin"), content);
        // Transmission 3 reads v1 only.
        Metainfo torrent = MetainfoBuilder.singleFile("payload.bin", ContentSource.of(content))
                .version(MetainfoVersion.V1).pieceLength(32 * 1024).build();
        Path torrentFile = Files.write(work.resolve("payload.torrent"), torrent.rawBytes());
        int port = RealPeer.freePort();
        Path config = TransmissionConfig.write(work.resolve("config"), port);
        byte[] infoHash = torrent.infoHashV1().orElseThrow().bytes();

        try (RealPeer seed = RealPeer.start(List.of(cli.toString(), "-er", "-M", "-g", config.toString(),
                "-w", data.toString(), "-p", Integer.toString(port), torrentFile.toString()), work.resolve("transmission.log"))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String last = "nothing tried";
            while (System.nanoTime() < deadline) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                    socket.setSoTimeout(10_000);
                    MseOverSocket peer = MseOverSocket.handshake(MseHandshake.initiator(infoHash,
                            EncryptionPolicy.REQUIRED, MseHandshakeTest.btHandshake(infoHash)), socket);
                    assertEquals(CryptoMethod.RC4, peer.stream.method());
                    peer.expectHandshake(infoHash);
                    Bitfield pieces = peer.readBitfield(torrent.pieceCount());
                    if (pieces.cardinality() == torrent.pieceCount()) {
                        return;
                    }
                    last = "Transmission had " + pieces.cardinality() + " of " + torrent.pieceCount()
                            + " pieces (still verifying)";
                } catch (IOException | AssertionError e) {
                    // Not listening yet, or not yet seeding: Transmission hangs up until it has verified.
                    last = e.toString();
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            }
            fail(seed.describe("gave no complete encrypted session within 60 s; last: " + last));
        }
    }
}
