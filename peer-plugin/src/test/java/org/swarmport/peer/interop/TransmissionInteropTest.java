package org.swarmport.peer.interop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.swarmport.peer.crypto.EncryptionPolicy;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.metainfo.MetainfoVersion;
import org.swarmport.peer.session.Client;
import org.swarmport.peer.session.TestContent;
import org.swarmport.peer.session.TorrentHandle;

/**
 * Our engine downloads from a Transmission 3 seed ({@code transmission-cli}), on loopback. The
 * seed gets its own {@link TransmissionConfig} on a free port of 127.0.0.1; we connect to that port.
 */
@Timeout(90)
class TransmissionInteropTest {

    @TempDir
    Path temp;

    private void downloadFromTransmission(String encryptionFlag, EncryptionPolicy ours) throws Exception {
        Path cli = RealTools.requireCommand("transmission-cli", "transmission-cli");
        Path seedDir = Files.createDirectories(temp.resolve("tr-seed"));
        Path dir = seedDir.resolve("pack");
        TestContent.file(dir, "a.bin", 300_000, 21);
        TestContent.file(dir, "b.bin", 70_000, 22);
        Metainfo metainfo = TestContent.torrent(dir, MetainfoVersion.V1, 32768);
        Path torrentFile = temp.resolve("pack.torrent");
        Files.write(torrentFile, metainfo.rawBytes());
        int port = RealPeer.freePort();
        Path config = TransmissionConfig.write(temp.resolve("tr-config"), port);
        Path downloads = Files.createDirectories(temp.resolve("ours"));
        try (RealPeer seed = RealPeer.start(List.of(cli.toString(), "-g", config.toString(), "-w", seedDir.toString(),
                "-p", Integer.toString(port), "-M", encryptionFlag, torrentFile.toString()),
                temp.resolve("transmission.log"));
             Client client = TestContent.loopbackClient().encryption(ours).build().start()) {
            seed.awaitListening(port, 30);
            TorrentHandle torrent = client.add(metainfo, downloads);
            torrent.connect(TestContent.loopback(port));
            assertTrue(torrent.awaitCompletion(Duration.ofSeconds(45)),
                    () -> seed.describe("ran, but we did not complete: " + torrent + " " + torrent.peers() + " " + torrent.diagnostics()));
        }
        TestContent.assertSameTree(dir, downloads.resolve("pack"));
    }

    @Test
    void downloadsFromATransmissionSeed_BEP3() throws Exception {
        downloadFromTransmission("-et", EncryptionPolicy.PREFERRED);
    }

    @Test
    void downloadsFromATransmissionSeedThatRequiresEncryption_MSE() throws Exception {
        downloadFromTransmission("-er", EncryptionPolicy.PREFERRED);
    }
}
