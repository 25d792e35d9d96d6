package org.swarmport.peer.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.swarmport.peer.crypto.EncryptionPolicy;
import org.swarmport.peer.magnet.MagnetLink;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.metainfo.MetainfoVersion;
import org.swarmport.peer.session.Client;
import org.swarmport.peer.session.TestContent;
import org.swarmport.peer.session.TorrentHandle;

/**
 * Our engine against libtorrent 2.0 ({@code python3-libtorrent}, run by
 * {@code src/test/resources/interop/libtorrent-peer.py}), both directions, on loopback. Peers are
 * introduced directly: we connect to libtorrent's port, or libtorrent ({@code connect_peer}) to
 * ours. Content is compared byte for byte.
 */
@Timeout(120)
class LibtorrentInteropTest {

    @TempDir
    Path temp;

    @BeforeEach
    void needsLibtorrent() throws InterruptedException {
        RealTools.requireLibtorrent();
    }

    static Path script() {
        try {
            return Path.of(LibtorrentInteropTest.class.getResource("/interop/libtorrent-peer.py").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static RealPeer libtorrent(Path temp, String mode, String source, Path save, String encryption, Integer peerPort)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(RealTools.PYTHON, script().toString(), mode, source,
                save.toString(), "--encryption", encryption, "--timeout", "90"));
        if (peerPort != null) {
            command.addAll(List.of("--peer", "127.0.0.1:" + peerPort));
        }
        return RealPeer.start(command, Files.createTempFile(temp, "libtorrent-" + mode, ".log"));
    }

    /** A multi-file torrent whose 32 KiB pieces straddle its files. */
    private Metainfo multiFile(Path seedDir, MetainfoVersion version) throws Exception {
        Path dir = seedDir.resolve("set");
        TestContent.file(dir, "one.bin", 150_001, 11);
        TestContent.file(dir, "sub/two.bin", 65_536, 12);
        TestContent.file(dir, "three.txt", 999, 13);
        return TestContent.torrent(dir, version, 32768);
    }

    private Path write(Metainfo metainfo) throws Exception {
        Path file = temp.resolve("t-" + System.nanoTime() + ".torrent");
        Files.write(file, metainfo.rawBytes());
        return file;
    }

    private void downloadFromLibtorrent(MetainfoVersion version, String ltEncryption, EncryptionPolicy ours)
            throws Exception {
        Path seedDir = Files.createDirectories(temp.resolve("lt-seed"));
        Metainfo metainfo = multiFile(seedDir, version);
        Path downloads = Files.createDirectories(temp.resolve("ours"));
        try (RealPeer seed = libtorrent(temp, "seed", write(metainfo).toString(), seedDir, ltEncryption, null);
             Client client = TestContent.loopbackClient().encryption(ours).build().start()) {
            int port = Integer.parseInt(seed.awaitLine("READY", 60).split(" ")[1]);
            TorrentHandle torrent = client.add(metainfo, downloads);
            torrent.connect(TestContent.loopback(port));
            assertTrue(torrent.awaitCompletion(Duration.ofSeconds(60)),
                    () -> seed.describe("seeded, but we did not complete: " + torrent + " " + torrent.peers()));
        }
        TestContent.assertSameTree(seedDir.resolve("set"), downloads.resolve("set"));
    }

    private void seedToLibtorrent(MetainfoVersion version, String ltEncryption, EncryptionPolicy ours)
            throws Exception {
        Path seedDir = Files.createDirectories(temp.resolve("our-seed"));
        Metainfo metainfo = multiFile(seedDir, version);
        Path downloads = Files.createDirectories(temp.resolve("lt"));
        try (Client client = TestContent.loopbackClient().encryption(ours).build().start()) {
            TorrentHandle torrent = client.add(metainfo, seedDir);
            assertTrue(torrent.awaitCompletion(Duration.ofSeconds(20)), "our seed did not check its data");
            try (RealPeer leech = libtorrent(temp, "download", write(metainfo).toString(), downloads, ltEncryption,
                    client.listenPort())) {
                leech.awaitLine("READY", 60);
                leech.awaitLine("DONE", 60);
            }
        }
        TestContent.assertSameTree(seedDir.resolve("set"), downloads.resolve("set"));
    }

    @Test
    void downloadsFromAMagnetLinkAloneFetchingTheMetadataFromLibtorrent_BEP9() throws Exception {
        Path seedDir = Files.createDirectories(temp.resolve("lt-seed"));
        Metainfo metainfo = multiFile(seedDir, MetainfoVersion.V1);
        Path downloads = Files.createDirectories(temp.resolve("ours"));
        try (RealPeer seed = libtorrent(temp, "seed", write(metainfo).toString(), seedDir, "enabled", null);
             Client client = TestContent.loopbackClient().build().start()) {
            int port = Integer.parseInt(seed.awaitLine("READY", 60).split(" ")[1]);
            MagnetLink link = MagnetLink.parse("magnet:?xt=urn:btih:" + metainfo.infoHashV1().orElseThrow().hex());
            TorrentHandle torrent = client.addMagnet(link, downloads);
            torrent.connect(TestContent.loopback(port));
            assertTrue(torrent.awaitMetadata(Duration.ofSeconds(30)),
                    () -> seed.describe("seeded, but no metadata came: " + torrent + " " + torrent.diagnostics()));
            assertTrue(torrent.awaitCompletion(Duration.ofSeconds(60)),
                    () -> seed.describe("metadata came, the content not: " + torrent + " " + torrent.diagnostics()));
            assertEquals(metainfo.infoHashV1(), torrent.metainfo().orElseThrow().infoHashV1());
        }
        TestContent.assertSameTree(seedDir.resolve("set"), downloads.resolve("set"));
    }

    @Test
    void downloadsAMultiFileTorrentWithPiecesStraddlingFilesFromALibtorrentSeed_BEP3() throws Exception {
        downloadFromLibtorrent(MetainfoVersion.V1, "disabled", EncryptionPolicy.PREFERRED);
    }

    @Test
    void seedsAMultiFileTorrentToLibtorrent_BEP3() throws Exception {
        seedToLibtorrent(MetainfoVersion.V1, "disabled", EncryptionPolicy.PREFERRED);
    }

    @Test
    void downloadsFromALibtorrentSeedThatRequiresEncryption_MSE() throws Exception {
        downloadFromLibtorrent(MetainfoVersion.V1, "forced", EncryptionPolicy.PREFERRED);
    }

    @Test
    void seedsToLibtorrentThatRequiresEncryption_MSE() throws Exception {
        seedToLibtorrent(MetainfoVersion.V1, "forced", EncryptionPolicy.REQUIRED);
    }

    @Test
    void downloadsAHybridTorrentFromLibtorrent_BEP52() throws Exception {
        downloadFromLibtorrent(MetainfoVersion.HYBRID, "enabled", EncryptionPolicy.PREFERRED);
    }

    @Test
    void seedsAHybridTorrentToLibtorrent_BEP52() throws Exception {
        seedToLibtorrent(MetainfoVersion.HYBRID, "enabled", EncryptionPolicy.PREFERRED);
    }

    private static String magnetOf(Metainfo metainfo) {
        StringBuilder link = new StringBuilder("magnet:?");
        metainfo.infoHashV1().ifPresent(v1 -> link.append("xt=urn:btih:").append(v1.hex()).append('&'));
        metainfo.infoHashV2().ifPresent(v2 -> link.append("xt=urn:btmh:1220").append(v2.hex()).append('&'));
        return link.substring(0, link.length() - 1);
    }

    /** Metadata by BEP 9, then the piece layers of the larger files by BEP 52 hash requests, then the data. */
    private void downloadFromAMagnetLinkWithPieceLayers(MetainfoVersion version) throws Exception {
        Path seedDir = Files.createDirectories(temp.resolve("lt-seed"));
        Metainfo metainfo = multiFile(seedDir, version);
        Path downloads = Files.createDirectories(temp.resolve("ours"));
        try (RealPeer seed = libtorrent(temp, "seed", write(metainfo).toString(), seedDir, "enabled", null);
             Client client = TestContent.loopbackClient().build().start()) {
            int port = Integer.parseInt(seed.awaitLine("READY", 60).split(" ")[1]);
            TorrentHandle torrent = client.addMagnet(MagnetLink.parse(magnetOf(metainfo)), downloads);
            torrent.connect(TestContent.loopback(port));
            assertTrue(torrent.awaitMetadata(Duration.ofSeconds(30)),
                    () -> seed.describe("seeded, but no metadata and piece layers came: " + torrent + " "
                            + torrent.diagnostics()));
            assertTrue(torrent.awaitCompletion(Duration.ofSeconds(60)),
                    () -> seed.describe("metadata came, the content not: " + torrent + " " + torrent.diagnostics()));
            Metainfo fetched = torrent.metainfo().orElseThrow();
            assertEquals(metainfo.infoHashes(), fetched.infoHashes());
            for (var file : metainfo.contentFiles()) {
                file.piecesRoot().flatMap(metainfo::pieceLayer).ifPresent(layer -> assertTrue(
                        java.util.Arrays.equals(layer, fetched.pieceLayer(file.piecesRoot().orElseThrow()).orElseThrow()),
                        "piece layer of " + file.path()));
            }
        }
        TestContent.assertSameTree(seedDir.resolve("set"), downloads.resolve("set"));
    }

    @Test
    void downloadsAV2TorrentFromAMagnetLinkFetchingThePieceLayersFromLibtorrent_BEP52() throws Exception {
        downloadFromAMagnetLinkWithPieceLayers(MetainfoVersion.V2);
    }

    @Test
    void downloadsAHybridTorrentFromAMagnetLinkFetchingThePieceLayersFromLibtorrent_BEP52() throws Exception {
        downloadFromAMagnetLinkWithPieceLayers(MetainfoVersion.HYBRID);
    }

    @Test
    void seedsAV2TorrentToLibtorrent_BEP52() throws Exception {
        seedToLibtorrent(MetainfoVersion.V2, "enabled", EncryptionPolicy.PREFERRED);
    }

    @Test
    void downloadsAV2TorrentFromLibtorrent_BEP52() throws Exception {
        downloadFromLibtorrent(MetainfoVersion.V2, "enabled", EncryptionPolicy.PREFERRED);
    }

    @Test
    void seedsAV2TorrentToLibtorrentStartingFromAMagnetLinkAnsweringItsHashRequests_BEP52() throws Exception {
        Path seedDir = Files.createDirectories(temp.resolve("our-seed"));
        Metainfo metainfo = multiFile(seedDir, MetainfoVersion.V2);
        Path downloads = Files.createDirectories(temp.resolve("lt"));
        try (Client client = TestContent.loopbackClient().build().start()) {
            TorrentHandle torrent = client.add(metainfo, seedDir);
            assertTrue(torrent.awaitCompletion(Duration.ofSeconds(20)), "our seed did not check its data");
            try (RealPeer leech = libtorrent(temp, "download", magnetOf(metainfo), downloads, "enabled",
                    client.listenPort())) {
                leech.awaitLine("READY", 60);
                leech.awaitLine("DONE", 60);
            }
        }
        TestContent.assertSameTree(seedDir.resolve("set"), downloads.resolve("set"));
    }
}
