package org.swarmport.peer.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
 * Our engine seeds to aria2 1.36 on loopback. aria2 has no option to be given a peer, so it
 * listens on a free port (DHT, LPD and PEX off, a tracker-less torrent) and our seed connects to
 * it; aria2 exits once the download is complete and checked ({@code --seed-time=0}).
 */
@Timeout(90)
class Aria2InteropTest {

    @TempDir
    Path temp;

    private void seedToAria2(List<String> cryptoFlags, EncryptionPolicy ours) throws Exception {
        Path aria2 = RealTools.requireCommand("aria2c", "aria2");
        Path seedDir = Files.createDirectories(temp.resolve("our-seed"));
        Path dir = seedDir.resolve("bundle");
        TestContent.file(dir, "x.bin", 200_000, 31);
        TestContent.file(dir, "y/z.bin", 50_001, 32);
        Metainfo metainfo = TestContent.torrent(dir, MetainfoVersion.V1, 65536);
        Path torrentFile = temp.resolve("bundle.torrent");
        Files.write(torrentFile, metainfo.rawBytes());
        Path downloads = Files.createDirectories(temp.resolve("aria2"));
        int port = RealPeer.freePort();
        List<String> command = new ArrayList<>(List.of(aria2.toString(), "--dir=" + downloads,
                "--listen-port=" + port, "--enable-dht=false", "--enable-dht6=false", "--bt-enable-lpd=false",
                "--enable-peer-exchange=false", "--seed-time=0", "--bt-stop-timeout=60", "--summary-interval=0",
                "--console-log-level=warn", "--disable-ipv6=true", "--no-conf=true", "--bt-hash-check-seed=true"));
        command.addAll(cryptoFlags);
        command.add(torrentFile.toString());
        try (Client client = TestContent.loopbackClient().encryption(ours).build().start()) {
            TorrentHandle torrent = client.add(metainfo, seedDir);
            assertTrue(torrent.awaitCompletion(Duration.ofSeconds(20)), "our seed did not check its data");
            try (RealPeer leech = RealPeer.start(command, temp.resolve("aria2.log"))) {
                leech.awaitListening(port, 30);
                torrent.connect(TestContent.loopback(port));
                assertEquals(0, leech.awaitExit(60), () -> leech.describe("exited with an error"));
            }
        }
        TestContent.assertSameTree(dir, downloads.resolve("bundle"));
    }

    @Test
    void seedsToAria2_BEP3() throws Exception {
        seedToAria2(List.of(), EncryptionPolicy.PREFERRED);
    }

    @Test
    void seedsToAria2ThatRequiresEncryption_MSE() throws Exception {
        seedToAria2(List.of("--bt-require-crypto=true", "--bt-min-crypto-level=arc4"), EncryptionPolicy.PREFERRED);
    }
}
