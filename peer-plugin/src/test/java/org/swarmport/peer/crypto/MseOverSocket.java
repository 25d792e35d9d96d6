package org.swarmport.peer.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.swarmport.peer.wire.Bitfield;
import org.swarmport.peer.wire.BitfieldException;

/**
 * An {@link MseHandshake} run over a blocking socket against a real client, then the plaintext
 * BitTorrent stream read through the negotiated cipher: what the interop tests share.
 */
final class MseOverSocket implements Closeable {

    private static final int HAVE_ALL = 0x0e;
    private static final int BITFIELD = 5;

    final NegotiatedStream stream;
    private final Socket socket;
    private ByteBuffer buffered;

    private MseOverSocket(Socket socket, NegotiatedStream stream, ByteBuffer leftover) {
        this.socket = socket;
        this.stream = stream;
        ByteBuffer deciphered = ByteBuffer.allocate(leftover.remaining()).put(leftover.duplicate()).flip();
        stream.inbound().apply(deciphered);
        ByteBuffer received = stream.received();
        this.buffered = ByteBuffer.allocate(received.remaining() + deciphered.remaining())
                .put(received).put(deciphered).flip();
    }

    /** Runs {@code mse} to its end over {@code socket}. */
    static MseOverSocket handshake(MseHandshake mse, Socket socket) throws IOException, MseException {
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        byte[] chunk = new byte[4096];
        ByteBuffer pending = ByteBuffer.allocate(0);
        while (true) {
            ByteBuffer output = mse.output();
            byte[] bytes = new byte[output.remaining()];
            output.get(bytes);
            out.write(bytes);
            out.flush();
            if (mse.isDone()) {
                return new MseOverSocket(socket, mse.result(), pending);
            }
            int n = in.read(chunk);
            if (n < 0) {
                fail("the peer closed the connection during the MSE handshake");
            }
            pending = ByteBuffer.wrap(chunk.clone(), 0, n);
            mse.receive(pending);
        }
    }

    /** Exactly {@code n} bytes of the peer's plaintext stream. */
    byte[] read(int n) throws IOException {
        byte[] out = new byte[n];
        int filled = Math.min(n, buffered.remaining());
        buffered.get(out, 0, filled);
        while (filled < n) {
            int got = socket.getInputStream().read(out, filled, n - filled);
            if (got < 0) {
                fail("the peer closed the connection after " + filled + " of " + n + " bytes");
            }
            stream.inbound().apply(out, filled, got);
            filled += got;
        }
        return out;
    }

    /** Sends {@code plaintext} through the outbound cipher. */
    void write(byte[] plaintext) throws IOException {
        byte[] wire = plaintext.clone();
        stream.outbound().apply(wire, 0, wire.length);
        socket.getOutputStream().write(wire);
        socket.getOutputStream().flush();
    }

    /**
     * Reads messages until the peer's bitfield or have-all (BEP 6); answers the bitfield (all set
     * for have-all), which the caller compares with what a seed has.
     */
    Bitfield readBitfield(int pieceCount) throws IOException, BitfieldException {
        List<Integer> seen = new ArrayList<>();
        for (int messages = 0; messages < 20; messages++) {
            int length = ByteBuffer.wrap(read(4)).getInt();
            assertTrue(length >= 0 && length < 1 << 16, "message length " + length);
            if (length == 0) {
                continue;
            }
            byte[] message = read(length);
            int id = message[0] & 0xff;
            seen.add(id);
            if (id == HAVE_ALL) {
                Bitfield all = new Bitfield(pieceCount);
                for (int piece = 0; piece < pieceCount; piece++) {
                    all.set(piece);
                }
                return all;
            }
            if (id == BITFIELD) {
                return Bitfield.fromWire(message, 1, length - 1, pieceCount);
            }
        }
        fail("no bitfield or have-all among messages " + seen);
        return null;
    }

    /** Reads the peer's BEP 3 handshake and checks its protocol string and info-hash. */
    void expectHandshake(byte[] infoHash) throws IOException {
        byte[] theirs = read(68);
        assertEquals(ByteBuffer.wrap(MseHandshakeTest.btHandshake(infoHash), 0, 20), ByteBuffer.wrap(theirs, 0, 20),
                "BEP 3 handshake, deciphered");
        assertEquals(ByteBuffer.wrap(infoHash), ByteBuffer.wrap(theirs, 28, 20), "same info-hash");
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
