package org.swarmport.tracker.announce;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channel;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One thread of the tracker's own HTTP port: accepts connections, reads request heads,
 * answers announces and scrapes with {@link HttpTracker}, all on one selector.
 *
 * <p>Why not Undertow: real clients open a TCP connection per announce, and Undertow's
 * per-connection set-up (hand-off between I/O threads, timers, listeners, buffers) cost
 * about 67 µs of CPU per connection here, twice the announce itself (docs/BENCHMARKS.md).
 * This loop does per connection little more than the kernel makes it do: accept, read,
 * write, close. System calls are what a connection costs on this kind of machine, so:
 * <ul>
 * <li>the listening sockets defer accepting until a request has arrived
 *     ({@link TcpDeferAccept}, Linux), and a connection accepted in a round is read at the
 *     end of that round, so connections never touch the selector unless a request comes in
 *     pieces;</li>
 * <li>a connection that did wait in the selector is closed only after the selector has
 *     let go of it (next round): the JDK closes a still-registered socket with two more
 *     system calls (SO_LINGER query, shutdown) and defers the close anyway;</li>
 * <li>answers go out in one write from a buffer the loop reuses.</li>
 * </ul>
 *
 * <p>HTTP/1.1 as clients use it with a tracker: GET, keep-alive and pipelining, no request
 * bodies (a request with one is answered, then the connection closed). Bounds: a head of at
 * most {@link HttpRequestHeadParser#MAX_HEAD_BYTES}; a connection that has not completed a
 * request within the idle timeout is closed, slowly trickled heads included; at most
 * {@code maxConnections} open at once, beyond which new connections are closed at once.
 */
final class HttpPortLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(HttpPortLoop.class.getName());
    /** A full scrape can be larger; such answers get a buffer of their own. */
    private static final int OUTPUT_BUFFER_BYTES = 64 * 1024;

    private final ServerSocketChannel server;
    private final HttpTracker tracker;
    private final int maxConnections;
    private final long idleTimeoutNanos;
    private final Selector selector;
    private final ByteBuffer input = ByteBuffer.allocate(HttpRequestHeadParser.MAX_HEAD_BYTES);
    private final ByteBuffer output = ByteBuffer.allocateDirect(OUTPUT_BUFFER_BYTES);
    private volatile boolean running = true;

    /** Accepted this round, read at its end. */
    private final ArrayDeque<HttpPortConnection> fresh = new ArrayDeque<>();
    /** Whose keys were cancelled this round, closed once the next select has deregistered them. */
    private final ArrayDeque<SocketChannel> closing = new ArrayDeque<>();

    private int connections;
    /** Open connections from the earliest deadline to the latest: deadlines only grow. */
    private HttpPortConnection oldest;
    private HttpPortConnection newest;
    private long now;

    /**
     * @param server bound, non-blocking; closed by this loop when it ends
     */
    HttpPortLoop(ServerSocketChannel server, HttpTracker tracker, int maxConnections, long idleTimeout, TimeUnit unit)
            throws IOException {
        this.server = server;
        this.tracker = tracker;
        this.maxConnections = maxConnections;
        this.idleTimeoutNanos = unit.toNanos(idleTimeout);
        this.selector = Selector.open();
        server.register(selector, SelectionKey.OP_ACCEPT);
    }

    /** Ends {@link #run()} soon; it closes every connection and the server socket. */
    void stop() {
        running = false;
        selector.wakeup();
    }

    @Override
    public void run() {
        try {
            while (running) {
                // keys cancelled before this select are deregistered by it
                int cancelled = closing.size();
                if (cancelled == 0) {
                    selector.select(this::ready, 1000);
                } else {
                    selector.selectNow(this::ready);
                }
                now = System.nanoTime();
                closeDeregistered(cancelled);
                readFresh();
                closeExpired();
            }
        } catch (IOException | ClosedSelectorException e) {
            if (running) {
                LOG.log(Level.WARNING, "HTTP announce port stopped: " + e.getMessage());
            }
        } finally {
            closeAll();
        }
    }

    private void ready(SelectionKey key) {
        now = System.nanoTime();
        if (key.attachment() instanceof HttpPortConnection connection) {
            if (key.isValid() && key.isWritable()) {
                flush(connection);
            }
            if (key.isValid() && key.isReadable()) {
                read(connection);
            }
        } else if (key.isValid() && key.isAcceptable()) {
            acceptAll();
        }
    }

    private void acceptAll() {
        while (true) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (IOException e) {
                // e.g. too many open files: leave the rest in the backlog until the next round
                LOG.log(Level.FINE, "accept failed", e);
                return;
            }
            if (channel == null) {
                return;
            }
            if (connections >= maxConnections) {
                closeQuietly(channel);
                continue;
            }
            try {
                channel.configureBlocking(false);
            } catch (IOException e) {
                closeQuietly(channel);
                continue;
            }
            HttpPortConnection connection = new HttpPortConnection(channel);
            connections++;
            renewDeadline(connection);
            fresh.add(connection);
        }
    }

    private void readFresh() {
        for (HttpPortConnection connection; (connection = fresh.poll()) != null; ) {
            if (!connection.closed) {
                read(connection);
            }
        }
    }

    /** The first {@code count} channels' keys are gone from the selector now: plain closes. */
    private void closeDeregistered(int count) {
        for (int i = 0; i < count; i++) {
            closeQuietly(closing.poll());
        }
    }

    private void read(HttpPortConnection connection) {
        input.clear();
        if (connection.pendingInput != null) {
            input.put(connection.pendingInput, 0, connection.pendingInputLength);
            connection.pendingInput = null;
        }
        int read;
        try {
            read = connection.channel.read(input);
        } catch (IOException e) {
            close(connection);
            return;
        }
        if (read < 0) {
            close(connection);
            return;
        }
        answer(connection, input.array(), 0, input.position());
    }

    /** Answers every whole request in {@code bytes[from, to)} and keeps the rest for later. */
    private void answer(HttpPortConnection connection, byte[] bytes, int from, int to) {
        int at = from;
        while (at < to) {
            HttpRequestHead head;
            try {
                head = HttpRequestHeadParser.parse(bytes, at, to);
            } catch (HttpRequestHeadException e) {
                send(connection, e.status(), AnnounceResponse.failure(e.getMessage()), true, false);
                return;
            }
            if (head == null) {
                break;
            }
            at += head.length();
            boolean keepAlive = head.keepAlive() && !head.hasBody();
            send(connection, head, keepAlive);
            if (!keepAlive || connection.closed) {
                return;
            }
            renewDeadline(connection);
            if (connection.pendingOutput != null) {
                break;    // answer the rest once this answer is out
            }
        }
        if (at < to) {
            connection.pendingInputLength = to - at;
            connection.pendingInput = Arrays.copyOfRange(bytes, at, to);
        }
        if (connection.pendingOutput == null) {
            interest(connection, SelectionKey.OP_READ);
        }
    }

    private void send(HttpPortConnection connection, HttpRequestHead head, boolean keepAlive) {
        boolean announce = HttpRequestHeadParser.isAnnounce(head.path());
        if (!announce && !HttpRequestHeadParser.isScrape(head.path())) {
            send(connection, 404, AnnounceResponse.failure("not found: announce at /announce, scrape at /scrape"),
                    head.http11(), keepAlive);
            return;
        }
        if (!head.isGet()) {
            send(connection, 405, AnnounceResponse.failure("method not allowed: announce and scrape take GET"),
                    head.http11(), false);
            return;
        }
        byte[] answer;
        try {
            if (connection.remoteAddress == null) {
                connection.remoteAddress = ((InetSocketAddress) connection.channel.getRemoteAddress())
                        .getAddress().getHostAddress();
            }
            answer = tracker.answer(announce, head.rawQuery(), connection.remoteAddress, head::forwardedFor);
        } catch (IOException e) {
            close(connection);
            return;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "announce or scrape failed unexpectedly", e);
            send(connection, 500, AnnounceResponse.failure("internal error"), head.http11(), false);
            return;
        }
        send(connection, 200, answer, head.http11(), keepAlive);
    }

    private void send(HttpPortConnection connection, int status, byte[] body, boolean http11, boolean keepAlive) {
        ByteBuffer out = output;
        if (body.length > OUTPUT_BUFFER_BYTES - HttpAnswer.MAX_HEAD_BYTES) {
            out = ByteBuffer.allocate(body.length + HttpAnswer.MAX_HEAD_BYTES);
        }
        out.clear();
        HttpAnswer.writeHead(out, status, body.length, http11, keepAlive);
        out.put(body).flip();
        try {
            connection.channel.write(out);
        } catch (IOException e) {
            close(connection);
            return;
        }
        if (!out.hasRemaining()) {
            if (!keepAlive) {
                close(connection);
            }
            return;
        }
        ByteBuffer rest = ByteBuffer.allocate(out.remaining());
        rest.put(out).flip();
        connection.pendingOutput = rest;
        connection.closeAfterOutput = !keepAlive;
        interest(connection, SelectionKey.OP_WRITE);
    }

    private void flush(HttpPortConnection connection) {
        try {
            connection.channel.write(connection.pendingOutput);
        } catch (IOException e) {
            close(connection);
            return;
        }
        if (connection.pendingOutput.hasRemaining()) {
            return;
        }
        connection.pendingOutput = null;
        if (connection.closeAfterOutput) {
            close(connection);
            return;
        }
        byte[] pending = connection.pendingInput;
        if (pending != null) {
            connection.pendingInput = null;
            answer(connection, pending, 0, connection.pendingInputLength);
        } else {
            interest(connection, SelectionKey.OP_READ);
        }
    }

    private void interest(HttpPortConnection connection, int ops) {
        if (connection.closed) {
            return;
        }
        if (connection.key == null) {
            try {
                connection.key = connection.channel.register(selector, ops, connection);
            } catch (IOException e) {
                close(connection);
            }
        } else if (connection.key.interestOps() != ops) {
            connection.key.interestOps(ops);
        }
    }

    /** Moves the connection to the newest end of the deadline list. */
    private void renewDeadline(HttpPortConnection connection) {
        connection.deadline = now + idleTimeoutNanos;
        if (connection == newest) {
            return;
        }
        unlink(connection);
        connection.older = newest;
        if (newest != null) {
            newest.newer = connection;
        }
        newest = connection;
        if (oldest == null) {
            oldest = connection;
        }
    }

    private void unlink(HttpPortConnection connection) {
        if (connection.older != null) {
            connection.older.newer = connection.newer;
        } else if (oldest == connection) {
            oldest = connection.newer;
        }
        if (connection.newer != null) {
            connection.newer.older = connection.older;
        } else if (newest == connection) {
            newest = connection.older;
        }
        connection.older = null;
        connection.newer = null;
    }

    private void closeExpired() {
        while (oldest != null && oldest.deadline - now <= 0) {
            close(oldest);
        }
    }

    private void close(HttpPortConnection connection) {
        if (connection.closed) {
            return;
        }
        connection.closed = true;
        unlink(connection);
        connections--;
        connection.pendingInput = null;
        connection.pendingOutput = null;
        if (connection.key == null) {
            closeQuietly(connection.channel);
        } else {
            connection.key.cancel();
            closing.add(connection.channel);
        }
    }

    private void closeAll() {
        while (oldest != null) {
            close(oldest);
        }
        fresh.clear();
        closeDeregistered(closing.size());
        closeQuietly(server);
        try {
            selector.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing the selector", e);
        }
    }

    private static void closeQuietly(Channel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing a channel", e);
        }
    }
}
