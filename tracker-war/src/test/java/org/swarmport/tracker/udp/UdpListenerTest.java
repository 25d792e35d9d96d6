package org.swarmport.tracker.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.swarmport.db.Settings;
import org.swarmport.tracker.announce.Announcer;
import org.swarmport.tracker.announce.SwarmAdmission;
import org.swarmport.tracker.config.TrackerConfig;
import org.swarmport.tracker.config.TrackerMode;
import org.swarmport.tracker.stats.TrackerCounters;
import org.swarmport.tracker.swarm.OtherPeerCounts;
import org.swarmport.tracker.swarm.Swarms;
import org.swarmport.tracker.ws.BrowserPeers;

/** The bean's start and stop outside the container, with the container's parts stood in for. */
class UdpListenerTest {

    private final List<LogRecord> logged = new ArrayList<>();
    private final Logger log = Logger.getLogger(UdpListener.class.getName());
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        log.addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        log.removeHandler(handler);
    }

    private static UdpListener listener(int port) {
        UdpListener listener = new UdpListener();
        listener.config = new TrackerConfig(new Settings(name -> null, Map.of(
                "SWARMPORT_TRACKER_ADDRESS", "127.0.0.1", "SWARMPORT_UDP_PORT", Integer.toString(port))::get));
        listener.swarms = new Swarms();
        listener.admission = new SwarmAdmission(hash -> null, TrackerMode.OPEN);
        listener.announcer = new Announcer(listener.swarms.registry(), listener.admission, OtherPeerCounts.NONE,
                1800, 900, ThreadLocalRandom::current);
        listener.browsers = new BrowserPeers();
        listener.counters = new TrackerCounters();
        listener.threadFactory = new ManagedThreadFactory() {
            @Override
            public Thread newThread(Runnable task) {
                return new Thread(task);
            }

            @Override
            public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
                throw new UnsupportedOperationException("not used by the UDP tracker");
            }
        };
        return listener;
    }

    @Test
    void portTakenIsOneWarningNamingTheSettingNotAFailedDeployment() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0))) {
            UdpListener listener = listener(taken.getLocalPort());

            listener.start(new Object());
            listener.stop();

            List<LogRecord> warnings = logged.stream().filter(r -> r.getLevel() == Level.WARNING).toList();
            assertEquals(1, warnings.size(), "warnings: " + warnings);
            assertTrue(warnings.get(0).getMessage().contains("SWARMPORT_UDP_PORT"), warnings.get(0).getMessage());
            assertTrue(warnings.get(0).getMessage().contains("127.0.0.1:" + taken.getLocalPort()),
                    warnings.get(0).getMessage());
        }
    }

    @Test
    void portZeroTurnsTheUdpTrackerOff() {
        UdpListener listener = listener(0);

        listener.start(new Object());
        listener.stop();

        assertTrue(logged.stream().anyMatch(r -> r.getMessage().contains("UDP tracker off")), "logged: " + logged);
        assertTrue(logged.stream().noneMatch(r -> r.getLevel() == Level.WARNING));
    }
}
