package org.swarmport.peer.session;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;

import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.wire.Handshake;
import org.swarmport.peer.wire.MessageLimits;
import org.swarmport.peer.wire.MessageReader;
import org.swarmport.peer.wire.MessageWriter;
import org.swarmport.peer.wire.PeerMessage;
import org.swarmport.peer.wire.WireException;

/**
 * A scripted peer on a blocking socket, for the hostile-peer tests: it says exactly what a test
 * tells it to, in plaintext, including what no honest client would. Reads time out after 5 s so a
 * test never hangs on it.
 */
final class FakePeer implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private FakePeer(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(5000);
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects to {@code target} and exchanges BEP 3 handshakes (fast extension on). */
    static FakePeer connect(InetSocketAddress target, byte[] infoHash) throws IOException, WireException {
        Socket socket = new Socket();
        socket.connect(target, 5000);
        FakePeer peer = new FakePeer(socket);
        peer.handshake(infoHash);
        return peer;
    }

    /** Connects to {@code client} for {@code torrent}, says it is interested and waits for the unchoke. */
    static FakePeer unchoked(Client client, Metainfo torrent) throws IOException, WireException {
        FakePeer peer = connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), client.listenPort()),
                torrent.infoHashV1().orElseThrow().bytes());
        peer.send(PeerMessage.Simple.INTERESTED);
        for (PeerMessage message = peer.read(); message != PeerMessage.Simple.UNCHOKE; message = peer.read()) {
            if (message == null) {
                throw new IOException("closed before unchoking us");
            }
        }
        return peer;
    }

    /**
     * Connects with a receive buffer of about {@code receiveBuffer} bytes (the kernel may round it
     * up), so that the other side's writes fill the socket and are taken in parts.
     */
    static FakePeer connect(InetSocketAddress target, byte[] infoHash, int receiveBuffer) throws IOException, WireException {
        return connect(target, infoHash, receiveBuffer, false);
    }

    /** As {@link #connect(InetSocketAddress, byte[], int)}, with the extension protocol bit (BEP 10) set when {@code extensions}. */
    static FakePeer connect(InetSocketAddress target, byte[] infoHash, int receiveBuffer, boolean extensions)
            throws IOException, WireException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(receiveBuffer);
        socket.connect(target, 5000);
        FakePeer peer = new FakePeer(socket);
        peer.handshake(infoHash, extensions);
        return peer;
    }

    /** Waits (up to 5 s) on {@code server} for our client to connect, and exchanges handshakes. */
    static FakePeer accept(ServerSocket server, byte[] infoHash) throws IOException, WireException {
        server.setSoTimeout(5000);
        FakePeer peer = new FakePeer(server.accept());
        peer.handshake(infoHash);
        return peer;
    }

    private void handshake(byte[] infoHash) throws IOException, WireException {
        handshake(infoHash, false);
    }

    private void handshake(byte[] infoHash, boolean extensions) throws IOException, WireException {
        byte[] id = "-FK0001-hostilepeer!".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.write(Handshake.of(infoHash, id, true, extensions).toBytes());
        byte[] theirs = new byte[Handshake.LENGTH];
        in.readFully(theirs);
        Handshake.parse(theirs);
    }

    void send(PeerMessage message) throws IOException {
        out.write(MessageWriter.toBytes(message));
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
    }

    /** The next message, skipping keep-alives; null when the connection closed. */
    PeerMessage read() throws IOException, WireException {
        while (true) {
            int length;
            try {
                length = in.readInt();
            } catch (java.io.EOFException e) {
                return null;
            }
            byte[] bytes = new byte[4 + length];
            ByteBuffer.wrap(bytes).putInt(length);
            in.readFully(bytes, 4, length);
            PeerMessage message = new MessageReader(MessageLimits.beforeMetadata()).read(ByteBuffer.wrap(bytes));
            if (message != PeerMessage.KeepAlive.INSTANCE) {
                return message;
            }
        }
    }

    /** Reads until a message of {@code type} arrives; null if the connection closed first. */
    <T extends PeerMessage> T readUntil(Class<T> type) throws IOException, WireException {
        for (PeerMessage m = read(); m != null; m = read()) {
            if (type.isInstance(m)) {
                return type.cast(m);
            }
        }
        return null;
    }

    /** Whether the other side closed the connection within 5 s (reading what it still sends). */
    boolean closedByPeer() throws IOException {
        try {
            while (in.read() >= 0) {
                // drain
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
