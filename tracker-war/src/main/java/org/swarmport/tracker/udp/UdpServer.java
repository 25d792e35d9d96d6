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
 * The socket around {@link UdpTracker}: one blocking {@link DatagramChannel} and a few
 * threads that each receive a datagram, answer it with their own {@code UdpTracker} and send
 * the answer back to the sender. No per-packet buffers: each thread reuses its receive and
 * send buffers.
 *
 * <p>Why one channel and several threads, not one channel per core with
 * {@code SO_REUSEPORT}: receives on one channel take turns, but the work after them runs in
 * parallel, and on this machine that is enough to keep up (docs/BENCHMARKS.md, "UDP
 * announce"). {@code SO_REUSEPORT} would also let a second server of the same user bind the
 * port silently and take half the packets, where a plain bind fails loudly.
 *
 * <p>Closing the channel wakes every thread blocked in {@code receive}; {@link #close()}
 * releases the port before it returns, so a restarted war binds it again at once.
 */
public final class UdpServer implements AutoCloseable {

    /** Larger than any UDP payload, so no datagram is cut (a cut BEP 41 path would be another). */
    static final int RECEIVE_BYTES = 65_536;
    private static final Logger LOG = Logger.getLogger(UdpServer.class.getName());
    /** Unexpected failures logged with their stack trace; after that, counted only. */
    private static final int LOGGED_FAILURES = 10;

    private final DatagramChannel channel;
    private final List<Thread> threads = new ArrayList<>();
    private final Clock clock;
    private volatile int failures;

    /** Milliseconds on the wall clock, for connection-id windows; tests pass their own. */
    @FunctionalInterface
    public interface Clock {
        long millis();
    }

    private UdpServer(DatagramChannel channel, Clock clock) {
        this.channel = channel;
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
        DatagramChannel channel = DatagramChannel.open();
        UdpServer server = new UdpServer(channel, clock);
        try {
            // Bursts of announces queue here while the threads are busy.
            channel.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
            channel.bind(address);
            for (int i = 0; i < threadCount; i++) {
                UdpTracker tracker = trackers.get();
                Thread thread = threadFactory.newThread(() -> server.serve(tracker));
                if (thread == null) {
                    throw new IOException("the thread factory gave no thread");
                }
                thread.setName("swarmport-udp-tracker-" + i);
                server.threads.add(thread);
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        server.threads.forEach(Thread::start);
        return server;
    }

    /** The bound address, with the port the system chose when asked for port 0. */
    public InetSocketAddress localAddress() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    private void serve(UdpTracker tracker) {
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

    /** Closes the socket, then waits up to 5 s for the threads to leave. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "UDP tracker: closing its socket failed", e);
        }
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
}
