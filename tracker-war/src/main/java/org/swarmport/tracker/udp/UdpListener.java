package org.swarmport.tracker.udp;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.logging.Logger;
import org.swarmport.tracker.announce.Announcer;
import org.swarmport.tracker.announce.SwarmAdmission;
import org.swarmport.tracker.config.TrackerConfig;
import org.swarmport.tracker.stats.TrackerCounters;
import org.swarmport.tracker.swarm.Swarms;
import org.swarmport.tracker.ws.BrowserPeers;

/**
 * The UDP tracker (BEP 15) on {@code SWARMPORT_TRACKER_ADDRESS:SWARMPORT_UDP_PORT}, started
 * when the war starts and stopped with it, on the container's threads. Port 0 turns it off.
 *
 * <p>A port that cannot be bound (another tracker has it) is not fatal: one warning names
 * the setting and the war carries on with its HTTP tracker.
 */
@ApplicationScoped
public class UdpListener {

    private static final Logger LOG = Logger.getLogger(UdpListener.class.getName());
    /** Receiving threads: the work per datagram is a few microseconds, two keep up on two cores. */
    private static final int MAX_THREADS = 4;

    @Inject
    TrackerConfig config;

    @Inject
    Swarms swarms;

    @Inject
    SwarmAdmission admission;

    @Inject
    Announcer announcer;

    @Inject
    BrowserPeers browsers;

    @Inject
    TrackerCounters counters;

    @Resource
    ManagedThreadFactory threadFactory;

    private UdpServer server;

    void start(@Observes @Initialized(ApplicationScoped.class) Object warStarted) {
        if (config.udpPort() == 0) {
            LOG.info("UDP tracker off (SWARMPORT_UDP_PORT=0)");
            return;
        }
        InetSocketAddress address = new InetSocketAddress(config.listenAddress(), config.udpPort());
        ConnectionIdIssuer connectionIds = new ConnectionIdIssuer();
        int threads = Math.max(1, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
        try {
            server = UdpServer.start(address, threads, threadFactory,
                    () -> new UdpTracker(announcer, admission, swarms.registry(), browsers::counts, connectionIds,
                            counters),
                    System::currentTimeMillis);
            int sockets = server.sockets();
            LOG.info(() -> "UDP tracker on udp://" + hostPort(address) + "/announce (receiving threads: " + threads
                    + ", sockets: " + sockets + ")");
        } catch (IOException e) {
            LOG.warning("UDP tracker not started: cannot bind " + hostPort(address) + " (" + e.getMessage()
                    + "). Set SWARMPORT_UDP_PORT to a free port, or to 0 to turn the UDP tracker off;"
                    + " the HTTP tracker runs as usual.");
        }
    }

    @PreDestroy
    void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    private static String hostPort(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
