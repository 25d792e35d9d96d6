package org.swarmport.tracker.announce;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TcpDeferAcceptTest {

    @Test
    void theKernelHandsOverAConnectionOnlyOnceItsRequestHasArrived() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("linux"), "a Linux option");
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.configureBlocking(false);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            assertTrue(TcpDeferAccept.enable(server, 5), "surefire opens sun.nio.ch as the server does");

            try (Socket silent = new Socket()) {
                silent.connect(server.getLocalAddress());
                // The handshake is complete on the client's side, yet nothing is to be accepted.
                assertNull(acceptWithin(server, 300), "a connection without bytes was handed over");

                try (Socket talking = new Socket()) {
                    talking.connect(server.getLocalAddress());
                    OutputStream out = talking.getOutputStream();
                    out.write("GET /announce HTTP/1.1\r\n\r\n".getBytes());
                    out.flush();
                    try (SocketChannel accepted = acceptWithin(server, 5000)) {
                        assertNotNull(accepted, "the connection with a request was not handed over");
                        accepted.configureBlocking(true);
                        assertTrue(accepted.read(ByteBuffer.allocate(64)) > 0, "its request is there at once");
                    }
                }
            }
        }
    }

    /** Polls a non-blocking accept until the deadline. */
    private static SocketChannel acceptWithin(ServerSocketChannel server, long millis) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        do {
            SocketChannel channel = server.accept();
            if (channel != null) {
                return channel;
            }
            Thread.onSpinWait();
        } while (System.nanoTime() < deadline);
        return null;
    }
}
