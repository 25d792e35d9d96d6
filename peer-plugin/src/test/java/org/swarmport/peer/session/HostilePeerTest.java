package org.swarmport.peer.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.swarmport.peer.crypto.EncryptionPolicy;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.metainfo.MetainfoVersion;
import org.swarmport.peer.wire.PeerMessage;

/**
 * Peers that break the rules, over a real socket to our client: each is dropped (and banned) with
 * a reason that names the fault, and a download survives them. The good seed listens on
 * 127.0.0.2 and the hostile one on 127.0.0.3, because bans are per address.
 */
@Timeout(60)
class HostilePeerTest {

    @TempDir
    Path temp;

    private Path seedDir;
    private Path file;
    private Metainfo metainfo;
    private final List<TorrentEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void content() throws Exception {
        seedDir = Files.createDirectories(temp.resolve("seed"));
        file = TestContent.file(seedDir, "data.bin", 10 * 16384 + 100, 41); // 11 pieces of 16 KiB
        metainfo = TestContent.torrent(file, MetainfoVersion.V1, 16384);
    }

    private byte[] infoHash() {
        return metainfo.infoHashV1().orElseThrow().bytes();
    }

    /** Our client seeding, a fake leech connected to it; answers the reason the client gives for banning it. */
    private String bannedBySeed(HostileScript script) throws Exception {
        try (Client seed = TestContent.loopbackClient().encryption(EncryptionPolicy.PREFERRED).build().start()) {
            TorrentHandle torrent = seed.add(metainfo, seedDir);
            torrent.addListener(events::add);
            assertTrue(torrent.awaitCompletion(Duration.ofSeconds(10)));
            try (FakePeer peer = FakePeer.connect(TestContent.loopback(seed.listenPort()), infoHash())) {
                script.run(peer);
                assertTrue(peer.closedByPeer(), "the client kept the connection open");
            }
            return awaitBan();
        }
    }

    private String awaitBan() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            for (TorrentEvent event : events) {
                if (event instanceof TorrentEvent.PeerBanned banned) {
                    return banned.reason();
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no peer banned; events " + events);
    }

    interface HostileScript {
        void run(FakePeer peer) throws Exception;
    }

    @Test
    void everyRequestFromAChokedPeerIsRejectedEvenWhenHundredsArriveAtOnce_BEP6() throws Exception {
        // 300 rejects are 5,100 bytes of small messages queued in one batch: more than one write buffer.
        // The one piece of the 11 outside the peer's allowed-fast set (BEP 6) is asked for: the others would be served.
        org.swarmport.peer.swarm.AllowedFastSet allowed = org.swarmport.peer.swarm.AllowedFastSet.of(
                java.net.InetAddress.getLoopbackAddress(), infoHash(), 11, org.swarmport.peer.swarm.AllowedFastSet.DEFAULT_SIZE);
        int notAllowed = java.util.stream.IntStream.range(0, 11).filter(p -> !allowed.contains(p)).findFirst().orElseThrow();
        try (Client seed = TestContent.loopbackClient().encryption(EncryptionPolicy.DISABLED).build().start()) {
            TorrentHandle torrent = seed.add(metainfo, seedDir);
            assertTrue(torrent.awaitCompletion(Duration.ofSeconds(10)));
            try (FakePeer peer = FakePeer.connect(TestContent.loopback(seed.listenPort()), infoHash())) {
                java.io.ByteArrayOutputStream burst = new java.io.ByteArrayOutputStream();
                for (int i = 0; i < 300; i++) {
                    burst.write(org.swarmport.peer.wire.MessageWriter.toBytes(
                            PeerMessage.Request.request(notAllowed, (i % 100) * 100, 100)));
                }
                peer.sendRaw(burst.toByteArray());
                int rejected = 0;
                for (PeerMessage m = peer.read(); m != null && rejected < 300; m = rejected < 300 ? peer.read() : null) {
                    if (m instanceof PeerMessage.Request r) {
                        assertEquals(PeerMessage.REJECT_REQUEST, r.kind());
                        rejected++;
                    }
                }
                assertEquals(300, rejected);
            }
        }
    }

    @Test
    void bitfieldOfTheWrongLengthGetsThePeerBanned_BEP3() throws Exception {
        String reason = bannedBySeed(peer -> peer.send(new PeerMessage.BitfieldBits(new byte[3])));
        assertTrue(reason.contains("bitfield of 3 bytes"), reason);
    }

    @Test
    void bitfieldWithSpareBitsSetGetsThePeerBanned_BEP3() throws Exception {
        // 11 pieces: two bytes, the low five bits of the second are spare
        String reason = bannedBySeed(peer -> peer.send(new PeerMessage.BitfieldBits(new byte[] {0, 0x01})));
        assertTrue(reason.contains("spare bit 15"), reason);
    }

    @Test
    void oversizedMessageGetsThePeerBannedBeforeItIsBuffered() throws Exception {
        String reason = bannedBySeed(peer -> peer.sendRaw(ByteBuffer.allocate(5).putInt(64 << 20).put((byte) 20).array()));
        assertTrue(reason.contains("exceeds the limit"), reason);
    }

    @Test
    void requestOverSixteenKibGetsThePeerBanned() throws Exception {
        String reason = bannedBySeed(peer -> {
            peer.send(PeerMessage.Simple.INTERESTED);
            assertNotNull(peer.readUntil(PeerMessage.Simple.class));
            peer.send(PeerMessage.Request.request(0, 0, 32768));
        });
        assertTrue(reason.contains("more than a 16 KiB block"), reason);
    }

    @Test
    void haveForAPieceBeyondTheTorrentGetsThePeerBanned_BEP3() throws Exception {
        String reason = bannedBySeed(peer -> peer.send(new PeerMessage.Have(11)));
        assertTrue(reason.contains("have for piece 11 of a torrent with 11 pieces"), reason);
    }

    interface HostileSeedScript {
        /** Plays the hostile seed; {@code honest} connects the leech to the honest seed. */
        void run(FakePeer hostile, TorrentHandle leech, Runnable honest) throws Exception;
    }

    /**
     * A leech (with {@code requestTimeout}) that first meets a scripted seed on 127.0.0.3, then,
     * when the script says so, an honest one on 127.0.0.2; it must complete with the right bytes.
     */
    private void hostileThenHonestSeed(Duration requestTimeout, HostileSeedScript script) throws Exception {
        Path downloads = Files.createDirectories(temp.resolve("downloads"));
        InetAddress hostileAddress = InetAddress.getByName("127.0.0.3");
        InetAddress honestAddress = InetAddress.getByName("127.0.0.2");
        try (ServerSocket hostile = new ServerSocket(0, 5, hostileAddress);
             Client good = Client.builder().bindAddress(honestAddress).listenPort(0).build().start();
             Client leech = TestContent.loopbackClient().encryption(EncryptionPolicy.DISABLED)
                     .requestTimeout(requestTimeout).build().start()) {
            good.add(metainfo, seedDir);
            TorrentHandle torrent = leech.add(metainfo, downloads);
            torrent.addListener(events::add);
            torrent.connect(new InetSocketAddress(hostileAddress, hostile.getLocalPort()));
            try (FakePeer peer = FakePeer.accept(hostile, infoHash())) {
                peer.send(PeerMessage.Simple.HAVE_ALL);
                peer.send(PeerMessage.Simple.UNCHOKE);
                script.run(peer, torrent, () -> torrent.connect(new InetSocketAddress(honestAddress, good.listenPort())));
                assertTrue(torrent.awaitCompletion(Duration.ofSeconds(30)), torrent::diagnostics);
            }
        }
        assertEquals(-1, Files.mismatch(file, downloads.resolve("data.bin")));
    }

    @Test
    void aSeedSendingWrongDataIsBannedAndTheDownloadCompletesFromAnHonestOne() throws Exception {
        hostileThenHonestSeed(Duration.ofSeconds(20), (peer, torrent, honest) -> {
            // answer the first request with zeros: wrong data for that piece
            PeerMessage.Request request = peer.readUntil(PeerMessage.Request.class);
            assertNotNull(request, "no request came");
            peer.send(new PeerMessage.Piece(request.piece(), request.begin(), new byte[request.length()]));
            String reason = awaitBan();
            assertTrue(reason.contains("failed its hash check"), reason);
            assertTrue(events.stream().anyMatch(e -> e instanceof TorrentEvent.PieceFailed));
            assertTrue(peer.closedByPeer(), "the bad seed's connection stayed open");
            honest.run();
        });
    }

    @Test
    void aDownloadCompletesFromAnHonestSeedWhileAnotherPeerSitsOnItsRequests() throws Exception {
        // the blocks the stalled peer holds go to the honest seed: by end game (duplicate requests)
        // or, failing that, when the 2 s request timeout releases them
        hostileThenHonestSeed(Duration.ofSeconds(2), (peer, torrent, honest) -> {
            assertNotNull(peer.readUntil(PeerMessage.Request.class), "the stalled peer got no request");
            honest.run(); // and the stalled peer says nothing more
        });
    }
}
