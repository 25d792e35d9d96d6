package org.swarmport.tracker.udp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The sockets around {@link UdpTracker}: a few threads that each receive a datagram, answer
 * it with their own {@code UdpTracker} and send the answer back to the sender. No per-packet
 * buffers: each thread reuses its receive and send buffers.
 *
 * <p>Each thread has a {@link DatagramChannel} of its own, all bound to the same address
 * with {@code SO_REUSEPORT}, and the kernel spreads senders over them (Linux). Why not one
 * channel shared by the threads: receives on one channel take turns under a lock, and
 * handing it from thread to thread cost about 4 µs per announce on this machine, 40 % more
 * CPU than the tracker's own work (docs/BENCHMARKS.md, "UDP announce"). Where the option is
 * missing, the threads share one channel.
 *
 * <p>{@code SO_REUSEPORT} would also let the port be shared with another process of the
 * same user, a second server, which would silently take part of the packets. So the port is
 * first bound without it, and a port in use fails as a plain bind does.
 *
 * <p>Closing the channels wakes every thread blocked in {@code receive}; {@link #close()}
 * releases the port before it returns, so a restarted war binds it again at once.
 */
public final class UdpServer implements AutoCloseable {

    /** Larger than any UDP payload, so no datagram is cut (a cut BEP 41 path would be another). */
    static final int RECEIVE_BYTES = 65_536;
    private static final Logger LOG = Logger.getLogger(UdpServer.class.getName());
    /** Unexpected failures logged with their stack trace; after that, counted only. */
    private static final int LOGGED_FAILURES = 10;

    private final List<DatagramChannel> channels = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final Clock clock;
    private volatile int failures;

    /** Milliseconds on the wall clock, for connection-id windows; tests pass their own. */
    @FunctionalInterface
    public interface Clock {
        long millis();
    }

    private UdpServer(Clock clock) {
        this.clock = clock;
    }

    /**
     * Binds {@code address} (dual-stack when it is {@code ::}) and starts {@code threadCount}
     * receiving threads from {@code threadFactory}, each with a tracker from {@code trackers}.
     *
     * @throws IOException when the port cannot be bound; nothing is left open then
     */
    public static UdpServer start(InetSocketAddress address, int threadCount, ThreadFactory threadFactory,
            Supplier<UdpTracker> trackers, Clock clock) throws IOException {
        UdpServer server = new UdpServer(clock);
        try {
            DatagramChannel first = open(server);
            boolean reusePort = threadCount > 1 && first.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT);
            if (reusePort) {
                if (address.getPort() != 0) {
                    try (DatagramChannel plain = DatagramChannel.open()) {
                        plain.bind(address);
                    }
                }
                first.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            }
            first.bind(address);
            InetSocketAddress bound = new InetSocketAddress(address.getAddress(), server.localAddress().getPort());
            for (int i = 1; reusePort && i < threadCount; i++) {
                DatagramChannel more = open(server);
                more.setOption(StandardSocketOptions.SO_REUSEPORT, true);
                more.bind(bound);
            }
            for (int i = 0; i < threadCount; i++) {
                DatagramChannel channel = server.channels.get(i % server.channels.size());
                UdpTracker tracker = trackers.get();
                Thread thread = threadFactory.newThread(() -> server.serve(channel, tracker));
                if (thread == null) {
                    throw new IOException("the thread factory gave no thread");
                }
                thread.setName("swarmport-udp-tracker-" + i);
                server.threads.add(thread);
            }
        } catch (IOException | RuntimeException e) {
            server.closeChannels();
            throw e;
        }
        server.threads.forEach(Thread::start);
        return server;
    }

    private static DatagramChannel open(UdpServer server) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        server.channels.add(channel);
        // Bursts of announces queue here while the threads are busy.
        channel.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
        return channel;
    }

    /** The bound address, with the port the system chose when asked for port 0. */
    public InetSocketAddress localAddress() throws IOException {
        return (InetSocketAddress) channels.get(0).getLocalAddress();
    }

    /** How many sockets share the port: one per thread with {@code SO_REUSEPORT}, else one. */
    public int sockets() {
        return channels.size();
    }

    private void serve(DatagramChannel channel, UdpTracker tracker) {
        ByteBuffer in = ByteBuffer.allocateDirect(RECEIVE_BYTES);
        byte[] packet = new byte[RECEIVE_BYTES];
        ByteBuffer out = ByteBuffer.allocateDirect(UdpResponse.IPV6_SAFE_DATAGRAM_BYTES);
        while (channel.isOpen()) {
            try {
                in.clear();
                SocketAddress from = channel.receive(in);
                if (!(from instanceof InetSocketAddress sender) || sender.getAddress() == null) {
                    continue;
                }
                int length = in.flip().remaining();
                in.get(packet, 0, length);
                int answer = tracker.answer(packet, length, sender.getAddress().getAddress(), sender.getPort(),
                        clock.millis(), out);
                if (answer != UdpTracker.NO_ANSWER) {
                    channel.send(out.flip(), sender);
                }
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                // A send to an unreachable sender (ICMP port unreachable) and the like: that
                // one client's loss, the tracker carries on.
                LOG.log(Level.FINE, "UDP tracker: datagram not handled", e);
            } catch (RuntimeException e) {
                int failure = ++failures;
                if (failure <= LOGGED_FAILURES) {
                    LOG.log(Level.WARNING, "UDP tracker: datagram not answered (bug; logged "
                            + LOGGED_FAILURES + " times at most)", e);
                }
            }
        }
    }

    /** Closes the sockets, then waits up to 5 s for the threads to leave. */
    @Override
    public void close() {
        closeChannels();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (Thread thread : threads) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void closeChannels() {
        for (DatagramChannel channel : channels) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "UDP tracker: closing a socket failed", e);
            }
        }
    }
}
