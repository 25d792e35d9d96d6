package org.swarmport.tracker.announce;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.swarmport.tracker.config.TrackerConfig;

/**
 * The tracker's own HTTP port ({@code SWARMPORT_TRACKER_HTTP_PORT}, 6969 by default):
 * {@code http://host:6969/announce} and {@code /scrape}, answered by {@link HttpPortLoop}s
 * outside WildFly's web server, for clients that open a connection per announce. The
 * servlet at {@code /tracker/announce} answers the same on WildFly's port, for sites that
 * put the tracker behind their reverse proxy.
 *
 * <p>{@code SWARMPORT_TRACKER_HTTP_THREADS} loops (one per core by default), each with its own
 * listening socket on the same port
 * ({@code SO_REUSEPORT}), so the kernel spreads connections over them without one loop
 * handing connections to another. Threads come from the container. A port that cannot be
 * bound is reported once and leaves the rest of the tracker running.
 */
@ApplicationScoped
public class HttpAnnouncePort {

    static final String PORT_VARIABLE = "SWARMPORT_TRACKER_HTTP_PORT";
    /** Far above what one machine's clients hold open at once with a connection per announce. */
    static final int MAX_CONNECTIONS = 16_384;
    /** A connection that has not sent a whole request by then is closed (slow or idle clients). */
    static final int IDLE_TIMEOUT_SECONDS = 15;
    private static final int BACKLOG = 4096;
    /** Clients send their request right after connecting; one that has not after this is dropped. */
    private static final int DEFER_ACCEPT_SECONDS = 5;
    private static final Logger LOG = Logger.getLogger(HttpAnnouncePort.class.getName());

    @Inject
    TrackerConfig config;

    @Inject
    HttpTracker tracker;

    @Resource
    ManagedThreadFactory threads;

    private final List<HttpPortLoop> loops = new ArrayList<>();
    private final List<Thread> loopThreads = new ArrayList<>();
    private boolean deferred = true;

    void start(@Observes @Initialized(ApplicationScoped.class) Object warStarted) {
        if (config.httpPort() == 0) {
            LOG.info(() -> PORT_VARIABLE + "=0: the tracker's own HTTP port is off; announces go to /tracker/announce");
            return;
        }
        InetSocketAddress address = new InetSocketAddress(config.listenAddress(), config.httpPort());
        try {
            open(address, config.httpThreads());
        } catch (IOException e) {
            stop();
            LOG.warning(() -> "the tracker's HTTP port " + address + " cannot be opened (" + e.getMessage()
                    + "); announces still work at /tracker/announce. Set " + PORT_VARIABLE
                    + " to a free port, or 0 to turn it off");
            return;
        }
        LOG.info(() -> "HTTP tracker listening on http://" + hostText(address) + "/announce (" + loops.size()
                + " loops" + (deferred ? ", TCP_DEFER_ACCEPT" : "") + ")");
    }

    private void open(InetSocketAddress address, int wanted) throws IOException {
        // SO_REUSEPORT would let the loops share the port with another process that holds it
        // the same way (a second server of the same user): a plain bind first refuses that.
        try (ServerSocketChannel plain = ServerSocketChannel.open()) {
            plain.bind(address);
        }
        for (int i = 0; i < wanted; i++) {
            ServerSocketChannel server = ServerSocketChannel.open();
            try {
                boolean shared = server.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT);
                if (shared) {
                    server.setOption(StandardSocketOptions.SO_REUSEPORT, true);
                }
                server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                server.configureBlocking(false);
                server.bind(address, BACKLOG);
                deferred &= TcpDeferAccept.enable(server, DEFER_ACCEPT_SECONDS);
                HttpPortLoop loop = new HttpPortLoop(server, tracker, MAX_CONNECTIONS / wanted,
                        IDLE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                Thread thread = threads.newThread(loop);
                thread.setName("swarmport-http-port-" + i);
                loops.add(loop);
                loopThreads.add(thread);
                thread.start();
                if (!shared) {
                    return;    // one socket only: one loop
                }
            } catch (IOException | RuntimeException e) {
                server.close();
                throw e;
            }
        }
    }

    /** Whether the port is open: off, taken or not started yet otherwise. */
    boolean isListening() {
        return !loops.isEmpty();
    }

    @PreDestroy
    void stop() {
        loops.forEach(HttpPortLoop::stop);
        for (Thread thread : loopThreads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        loops.clear();
        loopThreads.clear();
    }

    private static String hostText(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
