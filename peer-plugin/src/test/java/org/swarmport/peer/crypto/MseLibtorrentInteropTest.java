package org.swarmport.peer.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.swarmport.peer.interop.RealTools;
import org.swarmport.peer.wire.Bitfield;
import org.swarmport.peer.wire.BitfieldException;

/**
 * Our MSE initiator against a real libtorrent 2.0 seed that accepts nothing but RC4-encrypted
 * connections ({@code in_enc_policy = forced}, {@code allowed_enc_level = rc4}): if any detail of
 * the key exchange, the key derivation, the 1024-byte discard or the field layout were wrong,
 * libtorrent would hang up instead of answering with its handshake and bitfield.
 */
class MseLibtorrentInteropTest {

    private static final int HAVE_ALL = 0x0e;
    private static final int BITFIELD = 5;

    @Test
    @Timeout(90)
    void libtorrentWithForcedRc4AnswersOurEncryptedHandshakeWithItsOwnAndItsBitfield(@TempDir Path work)
            throws Exception {
        RealTools.requireLibtorrent();
        try (RealTools.Running seed = RealTools.start(List.of(RealTools.PYTHON, script(), work.toString()))) {
            String[] ready = seed.awaitLine("READY ", 60).split(" ");
            int port = Integer.parseInt(ready[1]);
            byte[] infoHash = HexFormat.of().parseHex(ready[2]);
            int pieceCount = Integer.parseInt(ready[3]);

            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
                socket.setSoTimeout(15_000);
                MseHandshake mse = MseHandshake.initiator(infoHash, EncryptionPolicy.REQUIRED,
                        MseHandshakeTest.btHandshake(infoHash));
                ByteBuffer after = drive(mse, socket);
                NegotiatedStream stream = mse.result();
                assertEquals(CryptoMethod.RC4, stream.method());

                PlainReader in = new PlainReader(socket.getInputStream(), stream.inbound(), stream.received(), after);
                byte[] theirs = in.read(68);
                assertArrayEquals(java.util.Arrays.copyOf(MseHandshakeTest.btHandshake(infoHash), 20),
                        java.util.Arrays.copyOf(theirs, 20), "BEP 3 handshake, deciphered");
                assertArrayEquals(infoHash, java.util.Arrays.copyOfRange(theirs, 28, 48), "same info-hash");
                assertSeedsEverything(in, pieceCount);

                seed.send("peers");
                String peer = seed.awaitLine("PEER ", 10);
                assertTrue(peer.endsWith("rc4=True"), "libtorrent sees an RC4 connection: " + peer);
            }
        }
    }

    @Test
    @Timeout(90)
    void ourResponderAnswersLibtorrentsForcedRc4ConnectionAndFindsTheTorrentAmongSeveral(@TempDir Path work)
            throws Exception {
        RealTools.requireLibtorrent();
        try (RealTools.Running seed = RealTools.start(List.of(RealTools.PYTHON, script(), work.toString()));
                java.net.ServerSocket listener = new java.net.ServerSocket(0, 1,
                        java.net.InetAddress.getByName("127.0.0.1"))) {
            String[] ready = seed.awaitLine("READY ", 60).split(" ");
            byte[] infoHash = HexFormat.of().parseHex(ready[2]);
            int pieceCount = Integer.parseInt(ready[3]);
            listener.setSoTimeout(30_000);
            seed.send("connect " + listener.getLocalPort());

            try (Socket socket = listener.accept()) {
                socket.setSoTimeout(15_000);
                SkeyIndex torrents = SkeyIndex.of(List.of(MseHandshakeTest.OTHER_SKEY, infoHash));
                MseHandshake mse = MseHandshake.responder(torrents, EncryptionPolicy.PREFERRED);
                ByteBuffer after = drive(mse, socket);
                NegotiatedStream stream = mse.result();
                assertEquals(CryptoMethod.RC4, stream.method(), "libtorrent allows RC4 only");
                assertArrayEquals(infoHash, stream.skey().orElseThrow());

                // libtorrent's BitTorrent handshake travels in the initial payload (or right after it).
                PlainReader in = new PlainReader(socket.getInputStream(), stream.inbound(), stream.received(), after);
                byte[] theirs = in.read(68);
                assertArrayEquals(infoHash, java.util.Arrays.copyOfRange(theirs, 28, 48), "same info-hash");
                byte[] ours = MseHandshakeTest.btHandshake(infoHash);
                stream.outbound().apply(ours, 0, ours.length);
                socket.getOutputStream().write(ours);
                assertSeedsEverything(in, pieceCount);
            }
        }
    }

    /** Runs the handshake over a blocking socket; answers the bytes that came after it, still enciphered. */
    private static ByteBuffer drive(MseHandshake mse, Socket socket) throws IOException, MseException {
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        byte[] chunk = new byte[4096];
        ByteBuffer pending = ByteBuffer.allocate(0);
        while (true) {
            flush(mse, out);
            if (mse.isDone()) {
                return pending;
            }
            int n = in.read(chunk);
            if (n < 0) {
                fail("libtorrent closed the connection during the MSE handshake");
            }
            pending = ByteBuffer.wrap(chunk.clone(), 0, n);
            mse.receive(pending);
        }
    }

    private static void flush(MseHandshake mse, OutputStream out) throws IOException {
        ByteBuffer output = mse.output();
        byte[] bytes = new byte[output.remaining()];
        output.get(bytes);
        out.write(bytes);
        out.flush();
    }

    /** Reads messages until the seed's bitfield or have-all (BEP 6), which must cover every piece. */
    private static void assertSeedsEverything(PlainReader in, int pieceCount) throws IOException, BitfieldException {
        List<Integer> seen = new ArrayList<>();
        for (int messages = 0; messages < 20; messages++) {
            int length = ByteBuffer.wrap(in.read(4)).getInt();
            assertTrue(length >= 0 && length < 1 << 16, "message length " + length);
            if (length == 0) {
                continue;
            }
            byte[] message = in.read(length);
            int id = message[0] & 0xff;
            seen.add(id);
            if (id == HAVE_ALL) {
                return;
            }
            if (id == BITFIELD) {
                Bitfield bitfield = Bitfield.fromWire(message, 1, length - 1, pieceCount);
                assertEquals(pieceCount, bitfield.cardinality(), "a seed has every piece");
                return;
            }
        }
        fail("no bitfield or have-all among messages " + seen);
    }

    private static String script() throws URISyntaxException {
        return Path.of(MseLibtorrentInteropTest.class.getResource("/crypto/libtorrent-encrypted-seed.py").toURI())
                .toString();
    }

    /**
     * Exactly-n reads of the peer's plaintext stream: what the handshake already deciphered, then
     * the enciphered bytes it left over, then the socket's.
     */
    private static final class PlainReader {
        private final InputStream in;
        private final WireCipher cipher;
        private ByteBuffer buffered;

        PlainReader(InputStream in, WireCipher cipher, ByteBuffer received, ByteBuffer leftover) {
            this.in = in;
            this.cipher = cipher;
            ByteBuffer deciphered = ByteBuffer.allocate(leftover.remaining()).put(leftover.duplicate()).flip();
            cipher.apply(deciphered);
            this.buffered = ByteBuffer.allocate(received.remaining() + deciphered.remaining())
                    .put(received.duplicate()).put(deciphered).flip();
        }

        byte[] read(int n) throws IOException {
            byte[] out = new byte[n];
            int filled = Math.min(n, buffered.remaining());
            buffered.get(out, 0, filled);
            while (filled < n) {
                int got = in.read(out, filled, n - filled);
                if (got < 0) {
                    fail("libtorrent closed the connection after " + filled + " of " + n + " bytes");
                }
                cipher.apply(out, filled, got);
                filled += got;
            }
            return out;
        }
    }
}
