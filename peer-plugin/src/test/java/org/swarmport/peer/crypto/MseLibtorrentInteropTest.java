package org.swarmport.peer.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.swarmport.peer.interop.RealPeer;
import org.swarmport.peer.interop.RealTools;

/**
 * Our MSE initiator and responder against a real libtorrent 2.0 seed that accepts nothing but
 * RC4-encrypted connections ({@code in_enc_policy = out_enc_policy = forced},
 * {@code allowed_enc_level = rc4}): if any detail of the key exchange, the key derivation, the
 * 1024-byte discard or the field layout were wrong, libtorrent would hang up instead of answering
 * with its handshake and bitfield.
 */
class MseLibtorrentInteropTest {

    @Test
    @Timeout(90)
    void libtorrentWithForcedRc4AnswersOurEncryptedHandshakeWithItsOwnAndItsBitfield(@TempDir Path work)
            throws Exception {
        RealTools.requireLibtorrent();
        try (RealPeer seed = RealPeer.start(List.of(RealTools.PYTHON, script(), work.toString()), work.resolve("libtorrent.log"))) {
            String[] ready = seed.awaitLine("READY ", 60).split(" ");
            int port = Integer.parseInt(ready[1]);
            byte[] infoHash = HexFormat.of().parseHex(ready[2]);
            int pieceCount = Integer.parseInt(ready[3]);

            try (MseOverSocket peer = dial(seed, port, () -> MseHandshake.initiator(infoHash,
                    EncryptionPolicy.REQUIRED, MseHandshakeTest.btHandshake(infoHash)))) {
                assertEquals(CryptoMethod.RC4, peer.stream.method());
                peer.expectHandshake(infoHash);
                assertEquals(pieceCount, peer.readBitfield(pieceCount).cardinality(), "a seed has every piece");

                seed.send("peers");
                String seen = seed.awaitLine("PEER ", 10);
                assertTrue(seen.contains("rc4=True"), "libtorrent sees an RC4 connection: " + seen);
            }
        }
    }

    @Test
    @Timeout(90)
    void libtorrentSelectingPlaintextAfterTheMseHandshakeGivesAPlainStream(@TempDir Path work) throws Exception {
        RealTools.requireLibtorrent();
        try (RealPeer seed = RealPeer.start(List.of(RealTools.PYTHON, script(), work.toString(), "plaintext"),
                work.resolve("libtorrent.log"))) {
            String[] ready = seed.awaitLine("READY ", 60).split(" ");
            byte[] infoHash = HexFormat.of().parseHex(ready[2]);
            int pieceCount = Integer.parseInt(ready[3]);
            try (MseOverSocket peer = dial(seed, Integer.parseInt(ready[1]), () -> MseHandshake.initiator(infoHash,
                    EncryptionPolicy.PREFERRED, MseHandshakeTest.btHandshake(infoHash)))) {
                assertEquals(CryptoMethod.PLAINTEXT, peer.stream.method(), "libtorrent allows only plaintext here");
                assertTrue(peer.stream.encryptedHandshake() && peer.stream.inbound().isIdentity());
                peer.expectHandshake(infoHash);
                assertEquals(pieceCount, peer.readBitfield(pieceCount).cardinality());

                seed.send("peers");
                String seen = seed.awaitLine("PEER ", 10);
                assertTrue(seen.contains("rc4=False plaintext_encrypted=True"), "an obfuscated handshake only: " + seen);
            }
        }
    }

    @Test
    @Timeout(90)
    void ourResponderAnswersLibtorrentsForcedRc4ConnectionAndFindsTheTorrentAmongSeveral(@TempDir Path work)
            throws Exception {
        RealTools.requireLibtorrent();
        try (RealPeer seed = RealPeer.start(List.of(RealTools.PYTHON, script(), work.toString()), work.resolve("libtorrent.log"));
                ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            String[] ready = seed.awaitLine("READY ", 60).split(" ");
            byte[] infoHash = HexFormat.of().parseHex(ready[2]);
            int pieceCount = Integer.parseInt(ready[3]);
            listener.setSoTimeout(30_000);
            seed.send("connect " + listener.getLocalPort());

            try (Socket socket = listener.accept()) {
                socket.setSoTimeout(15_000);
                SkeyIndex torrents = SkeyIndex.of(List.of(MseHandshakeTest.OTHER_SKEY, infoHash));
                MseOverSocket peer = handshake(seed, MseHandshake.responder(torrents, EncryptionPolicy.PREFERRED), socket);
                assertEquals(CryptoMethod.RC4, peer.stream.method(), "libtorrent allows RC4 only");
                assertArrayEquals(infoHash, peer.stream.skey().orElseThrow());
                // libtorrent's BitTorrent handshake travels in the initial payload (or right after it).
                peer.expectHandshake(infoHash);
                peer.write(MseHandshakeTest.btHandshake(infoHash));
                assertEquals(pieceCount, peer.readBitfield(pieceCount).cardinality(), "a seed has every piece");
            }
        }
    }

    /**
     * Our encrypted connection to libtorrent, dialled again with a new key when libtorrent hung up
     * on a secret it {@linkplain MseHandshake#secretMisreadByLibtorrent misreads} (one in 256), as
     * the engine does.
     */
    private static MseOverSocket dial(RealPeer seed, int port, Supplier<MseHandshake> handshakes) throws Exception {
        for (int attempt = 1; ; attempt++) {
            Socket socket = new Socket();
            MseHandshake mse = handshakes.get();
            try {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
                socket.setSoTimeout(15_000);
                return handshake(seed, mse, socket);
            } catch (AssertionError e) {
                socket.close();
                if (!mse.secretMisreadByLibtorrent() || attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** The handshake; when it fails, the failure quotes why libtorrent says the connection ended. */
    private static MseOverSocket handshake(RealPeer seed, MseHandshake mse, Socket socket) throws Exception {
        try {
            return MseOverSocket.handshake(mse, socket);
        } catch (AssertionError | IOException | MseException e) {
            seed.send("log");
            seed.awaitLine("LOGGED", 10);
            throw new AssertionError(seed.describe(e.getMessage()), e);
        }
    }

    private static String script() throws URISyntaxException {
        return Path.of(MseLibtorrentInteropTest.class.getResource("/crypto/libtorrent-encrypted-seed.py").toURI())
                .toString();
    }
}
