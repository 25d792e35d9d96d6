package org.swarmport.peer.interop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.metainfo.MetainfoVersion;
import org.swarmport.peer.session.Client;
import org.swarmport.peer.session.TestContent;
import org.swarmport.peer.session.TorrentHandle;

/**
 * Peer exchange (BEP 11, {@code ut_pex}) with libtorrent 2.0 on loopback, both ways: we learn
 * of a libtorrent peer that only another libtorrent peer knows and connect to it; and a
 * libtorrent downloader that knows only us learns of another from us (libtorrent says where it
 * found each peer: its {@code peer_info.source} has bit 4 for PEX).
 */
@Timeout(120)
class PexInteropTest {

    private static final int SOURCE_PEX = 4;

    @TempDir
    Path temp;

    @BeforeEach
    void needsLibtorrent() throws InterruptedException {
        RealTools.requireLibtorrent();
    }

    private Metainfo content(Path dir) throws Exception {
        TestContent.file(dir.resolve("set"), "a.bin", 300_000, 31);
        TestContent.file(dir.resolve("set"), "b.bin", 70_000, 32);
        return TestContent.torrent(dir.resolve("set"), MetainfoVersion.V1, 32768);
    }

    private Path write(Metainfo metainfo) throws Exception {
        Path file = temp.resolve("t-" + System.nanoTime() + ".torrent");
        Files.write(file, metainfo.rawBytes());
        return file;
    }

    /** A libtorrent downloader; {@code withPex} false leaves out its ut_pex plugin, so it learns peers from nobody. */
    private static RealPeer libtorrent(Path temp, Path torrent, Path save, Integer peerPort, boolean withPex)
            throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(RealTools.PYTHON, LibtorrentInteropTest.script().toString(),
                "download", torrent.toString(), save.toString(), "--encryption", "enabled", "--timeout", "100"));
        if (!withPex) {
            command.add("--no-pex");
        }
        if (peerPort != null) {
            command.addAll(List.of("--peer", "127.0.0.1:" + peerPort));
        }
        return RealPeer.start(command, Files.createTempFile(temp, "libtorrent-", ".log"));
    }

    private static int port(String readyLine) {
        return Integer.parseInt(readyLine.split(" ")[1]);
    }

    /*
     * Nobody has data: leechers with nothing stay connected (interest is not a reason to hang up),
     * whereas with a seed everyone would complete and seeds drop each other within a second. The
     * peer that must be found runs without ut_pex, so that it cannot find us first.
     */

    @Test
    void learnsOfAPeerFromLibtorrentsPexAndConnectsToIt_BEP11() throws Exception {
        Metainfo metainfo = content(Files.createDirectories(temp.resolve("content")));
        Path torrent = write(metainfo);
        try (RealPeer known = libtorrent(temp, torrent, Files.createDirectories(temp.resolve("known")), null, true)) {
            int knownPort = port(known.awaitLine("READY", 60));
            try (RealPeer hidden = libtorrent(temp, torrent, Files.createDirectories(temp.resolve("hidden")),
                    knownPort, false);
                 Client client = TestContent.loopbackClient().build().start()) {
                int hiddenPort = port(hidden.awaitLine("READY", 60));
                TorrentHandle ours = client.add(metainfo, Files.createDirectories(temp.resolve("ours")));
                ours.connect(TestContent.loopback(knownPort));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (ours.peers().stream().noneMatch(p -> p.address().getPort() == hiddenPort && p.outgoing())) {
                    assertTrue(System.nanoTime() < deadline, () -> hidden.describe("we never connected to the peer "
                            + "only libtorrent knew, at " + hiddenPort + ": " + ours.peers()));
                    Thread.sleep(100);
                }
            }
        }
    }

    @Test
    void aLibtorrentPeerLearnsOfAnotherFromOurPex_BEP11() throws Exception {
        Metainfo metainfo = content(Files.createDirectories(temp.resolve("content")));
        Path torrent = write(metainfo);
        try (Client client = TestContent.loopbackClient().build().start()) {
            TorrentHandle ours = client.add(metainfo, Files.createDirectories(temp.resolve("ours")));
            try (RealPeer first = libtorrent(temp, torrent, Files.createDirectories(temp.resolve("first")),
                    client.listenPort(), false)) {
                int firstPort = port(first.awaitLine("READY", 60));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (ours.peers().isEmpty()) {
                    assertTrue(System.nanoTime() < deadline, () -> first.describe("did not connect to us"));
                    Thread.sleep(50);
                }
                try (RealPeer second = libtorrent(temp, torrent, Files.createDirectories(temp.resolve("second")),
                        client.listenPort(), true)) {
                    second.awaitLine("READY", 60);
                    deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                    String peers = "";
                    while (!learnedByPex(peers, firstPort)) {
                        String seen = peers;
                        assertTrue(System.nanoTime() < deadline, () -> second.describe("did not learn of " + firstPort
                                + " by PEX: " + seen + "; our peers " + ours.peers()));
                        Thread.sleep(250);
                        second.send("peers");
                        peers = second.awaitLine("PEERS", 10);
                    }
                }
            }
        }
    }

    /** Whether libtorrent's "PEERS ip:port:source ..." line has a peer found by PEX: the one at {@code port}. */
    private static boolean learnedByPex(String line, int port) {
        for (String peer : line.replaceFirst("^PEERS ?", "").split(" ")) {
            String[] parts = peer.split(":");
            if (parts.length == 3 && Integer.parseInt(parts[1]) == port
                    && (Integer.parseInt(parts[2]) & SOURCE_PEX) != 0) {
                return true;
            }
        }
        return false;
    }
}
