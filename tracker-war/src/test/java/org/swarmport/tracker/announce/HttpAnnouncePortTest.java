package org.swarmport.tracker.announce;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import org.junit.jupiter.api.Test;
import org.swarmport.db.Settings;
import org.swarmport.tracker.config.TrackerConfig;

/** The bean's start and stop outside the container, with the container's parts stood in for. */
class HttpAnnouncePortTest {

    private static HttpAnnouncePort port(int number) {
        HttpAnnouncePort port = new HttpAnnouncePort();
        port.config = new TrackerConfig(new Settings(name -> null, Map.of("SWARMPORT_TRACKER_ADDRESS", "127.0.0.1",
                "SWARMPORT_TRACKER_HTTP_PORT", Integer.toString(number), "SWARMPORT_TRACKER_HTTP_THREADS", "2")::get));
        port.threads = new ManagedThreadFactory() {
            @Override
            public Thread newThread(Runnable task) {
                return new Thread(task);
            }

            @Override
            public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
                throw new UnsupportedOperationException("not used by the HTTP port");
            }
        };
        return port;
    }

    private static InetSocketAddress loopback(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    @Test
    void aPortAnotherServerHoldsWithReusePortIsNotSilentlyShared() throws Exception {
        try (ServerSocketChannel other = ServerSocketChannel.open()) {
            other.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            other.bind(loopback(0));
            HttpAnnouncePort port = port(((InetSocketAddress) other.getLocalAddress()).getPort());

            port.start(new Object());
            try {
                assertFalse(port.isListening(), "the loops joined a port another server listens on");
            } finally {
                port.stop();
            }
        }
    }

    @Test
    void aFreePortIsListenedOnAndFreeAgainAfterStop() throws Exception {
        int number;
        try (ServerSocketChannel probe = ServerSocketChannel.open()) {
            probe.bind(loopback(0));
            number = ((InetSocketAddress) probe.getLocalAddress()).getPort();
        }
        HttpAnnouncePort port = port(number);

        port.start(new Object());
        assertTrue(port.isListening());
        port.stop();

        try (ServerSocketChannel again = ServerSocketChannel.open()) {
            again.bind(loopback(number));    // throws if a loop still held it
        }
    }
}
