package org.swarmport.portal.account;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in reverse proxy for tests: a TCP relay on 127.0.0.1 whose connections to the server
 * come from another loopback address ({@code 127.0.0.2}, which the test server trusts), so the
 * server sees the proxy's address on the socket while the test client plays the proxy's part
 * by sending {@code X-Forwarded-For}. Java 17's HttpClient cannot choose its source address;
 * a socket bound before it connects can.
 */
public final class ProxyRelay implements AutoCloseable {

    public static final String PROXY_ADDRESS = "127.0.0.2";

    private final ServerSocket listener;
    private final InetSocketAddress server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    public ProxyRelay(URI server) throws IOException {
        this.server = new InetSocketAddress(InetAddress.getByName(server.getHost()), server.getPort());
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accepting = new Thread(this::accept, "proxy-relay");
        accepting.setDaemon(true);
        accepting.start();
    }

    /** The relay's URL with the server URL's path: {@code http://127.0.0.1:<port>/}. */
    public URI base(URI serverBase) {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort() + serverBase.getRawPath());
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket upstream = new Socket();
                upstream.bind(new InetSocketAddress(PROXY_ADDRESS, 0));
                upstream.connect(server, 10_000);
                sockets.add(client);
                sockets.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // the other side closed: so does this one
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "proxy-relay-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        sockets.forEach(ProxyRelay::closeQuietly);
    }
}
