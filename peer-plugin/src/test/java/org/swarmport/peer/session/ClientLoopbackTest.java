package org.swarmport.peer.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.swarmport.peer.crypto.EncryptionPolicy;
import org.swarmport.peer.magnet.MagnetLink;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.metainfo.MetainfoVersion;

/** Two of our clients on loopback: one seeds, one downloads (BEP 3 end to end). */
@Timeout(60)
class ClientLoopbackTest {

    @TempDir
    Path temp;

    private void transfer(Metainfo metainfo, Path seedDir, Path content, EncryptionPolicy seedPolicy,
                          EncryptionPolicy leechPolicy) throws Exception {
        Path downloads = Files.createDirectories(temp.resolve("downloads"));
        try (Client seed = TestContent.loopbackClient().encryption(seedPolicy).build().start();
             Client leech = TestContent.loopbackClient().encryption(leechPolicy).build().start()) {
            TorrentHandle seeding = seed.add(metainfo, seedDir);
            TorrentHandle downloading = leech.add(metainfo, downloads);
            List<TorrentEvent> events = new CopyOnWriteArrayList<>();
            downloading.addListener(events::add);
            CompletableFuture<Long> downloadedAtCompletion = new CompletableFuture<>();
            downloading.addListener(event -> {
                if (event instanceof TorrentEvent.Completed) {
                    downloadedAtCompletion.complete(downloading.downloaded());
                }
            });
            downloading.connect(TestContent.loopback(seed.listenPort()));
            assertTrue(downloading.awaitCompletion(Duration.ofSeconds(30)), () -> "not complete: " + downloading
                    + " peers " + downloading.peers() + ", seed " + seeding + " " + downloading.diagnostics());
            assertEquals(TorrentState.SEEDING, downloading.state());
            assertEquals(1.0, downloading.progress());
            assertTrue(events.stream().anyMatch(e -> e instanceof TorrentEvent.PieceVerified));
            // the totals at the Completed event are the whole payload, not what the last tick published
            long atCompletion = downloadedAtCompletion.get(5, TimeUnit.SECONDS);
            assertTrue(atCompletion >= metainfo.totalLength(),
                    () -> "downloaded at completion " + atCompletion + " of " + metainfo.totalLength());
        }
        TestContent.assertSameTree(content, downloads.resolve(content.getFileName().toString()));
    }

    @Test
    void downloadsASingleFileFromOurOwnSeed_BEP3() throws Exception {
        Path seedDir = Files.createDirectories(temp.resolve("seed"));
        Path file = TestContent.file(seedDir, "single.bin", 3 * 65536 + 1234, 1);
        transfer(TestContent.torrent(file, MetainfoVersion.V1, 65536), seedDir, file, EncryptionPolicy.DISABLED,
                EncryptionPolicy.DISABLED);
    }

    @Test
    void downloadsOverAnEncryptedStreamWhenBothSidesRequireIt_MSE() throws Exception {
        Path seedDir = Files.createDirectories(temp.resolve("seed"));
        Path file = TestContent.file(seedDir, "secret.bin", 200_000, 5);
        transfer(TestContent.torrent(file, MetainfoVersion.V1, 16384), seedDir, file, EncryptionPolicy.REQUIRED,
                EncryptionPolicy.REQUIRED);
    }

    @Test
    void aPreferringClientFallsBackToPlaintextWithAPeerThatRefusesEncryption() throws Exception {
        Path seedDir = Files.createDirectories(temp.resolve("seed"));
        Path file = TestContent.file(seedDir, "plain.bin", 50_000, 6);
        transfer(TestContent.torrent(file, MetainfoVersion.V1, 16384), seedDir, file, EncryptionPolicy.DISABLED,
                EncryptionPolicy.PREFERRED);
    }

    /** Three files under {@code seed/name} whose pieces straddle them. */
    private Path threeFiles(String name) throws Exception {
        Path dir = Files.createDirectories(temp.resolve("seed")).resolve(name);
        TestContent.file(dir, "a.bin", 100_000, 2);
        TestContent.file(dir, "b/c.bin", 40_000, 3);
        TestContent.file(dir, "d.bin", 7, 4);
        return dir;
    }

    @Test
    void downloadsFromAMagnetLinkFetchingTheMetadataFromOurOwnSeed_BEP9() throws Exception {
        Path dir = threeFiles("mag");
        Path seedDir = dir.getParent();
        Metainfo metainfo = TestContent.torrent(dir, MetainfoVersion.V1, 16384);
        Path downloads = Files.createDirectories(temp.resolve("downloads"));
        try (Client seed = TestContent.loopbackClient().build().start();
             Client leech = TestContent.loopbackClient().build().start()) {
            seed.add(metainfo, seedDir);
            TorrentHandle downloading = leech.addMagnet(MagnetLink.of(metainfo), downloads);
            assertEquals(TorrentState.FETCHING_METADATA, downloading.state());
            List<TorrentEvent> events = new CopyOnWriteArrayList<>();
            downloading.addListener(events::add);
            downloading.connect(TestContent.loopback(seed.listenPort()));
            assertTrue(downloading.awaitCompletion(Duration.ofSeconds(30)), downloading::diagnostics);
            assertTrue(events.stream().anyMatch(e -> e instanceof TorrentEvent.MetadataReceived));
        }
        TestContent.assertSameTree(dir, downloads.resolve("mag"));
    }

    @Test
    void downloadsAHybridMultiFileTorrentWhosePiecesStraddleFiles_BEP47_BEP52() throws Exception {
        Path dir = threeFiles("album");
        transfer(TestContent.torrent(dir, MetainfoVersion.HYBRID, 32768), dir.getParent(), dir, EncryptionPolicy.PREFERRED,
                EncryptionPolicy.PREFERRED);
    }
}
