package org.swarmport.tracker.udp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.swarmport.tracker.announce.Announcer;
import org.swarmport.tracker.announce.SwarmAdmission;
import org.swarmport.tracker.config.TrackerMode;
import org.swarmport.tracker.stats.TrackerCounters;
import org.swarmport.tracker.swarm.OtherPeerCounts;
import org.swarmport.tracker.swarm.SwarmRegistry;

/** The socket shell on real loopback sockets: dual-stack binding, families, a prompt close. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UdpServerTest {

    private final SwarmRegistry registry = new SwarmRegistry(SwarmRegistry.Config.DEFAULT);
    private final SwarmAdmission admission = new SwarmAdmission(hash -> null, TrackerMode.OPEN);
    private final Announcer announcer = new Announcer(registry, admission, OtherPeerCounts.NONE, 1800, 900,
            ThreadLocalRandom::current);
    private final ConnectionIdIssuer ids = new ConnectionIdIssuer();
    private UdpServer server;

    private UdpServer start(InetAddress address, int port) throws IOException {
        return start(address, port, 2);
    }

    private UdpServer start(InetAddress address, int port, int threads) throws IOException {
        return UdpServer.start(new InetSocketAddress(address, port), threads, Thread::new,
                () -> new UdpTracker(announcer, admission, registry, OtherPeerCounts.NONE, ids, new TrackerCounters()),
                System::currentTimeMillis);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Connects, then announces as a seed (left 0) or a leecher; returns the announce answer. */
    private static byte[] connectAndAnnounce(DatagramSocket client, InetSocketAddress tracker, long left)
            throws IOException {
        byte[] connected = exchange(client, tracker, Packets.connect(1));
        assertEquals(16, connected.length);
        long id = ByteBuffer.wrap(connected).getLong(8);
        byte[] peerId = Packets.peerId(client.getLocalAddress().getAddress(), client.getLocalPort());
        return exchange(client, tracker, Packets.announce(id, 2, UdpTrackerTest.UNKNOWN, peerId, left,
                Packets.STARTED, -1, client.getLocalPort()));
    }

    private static byte[] exchange(DatagramSocket client, InetSocketAddress tracker, byte[] request) throws IOException {
        client.send(new DatagramPacket(request, request.length, tracker));
        byte[] answer = new byte[2048];
        DatagramPacket packet = new DatagramPacket(answer, answer.length);
        client.receive(packet);
        return Arrays.copyOf(answer, packet.getLength());
    }

    private static DatagramSocket client(InetAddress address) throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(address, 0));
        socket.setSoTimeout(5_000);
        return socket;
    }

    @Test
    void dualStackSocketAnswersIpv4WithSixBytePeersAndIpv6WithEighteen_BEP15() throws Exception {
        server = start(InetAddress.getByName("::"), 0);
        int port = server.localAddress().getPort();
        InetAddress v4 = InetAddress.getByName("127.0.0.1");
        InetAddress v6 = InetAddress.getByName("::1");
        try (DatagramSocket seed4 = client(v4); DatagramSocket seed6 = client(v6);
                DatagramSocket leecher4 = client(v4); DatagramSocket leecher6 = client(v6)) {
            connectAndAnnounce(seed4, new InetSocketAddress(v4, port), 0);
            connectAndAnnounce(seed6, new InetSocketAddress(v6, port), 0);

            byte[] over4 = connectAndAnnounce(leecher4, new InetSocketAddress(v4, port), 1);
            byte[] over6 = connectAndAnnounce(leecher6, new InetSocketAddress(v6, port), 1);

            byte[] seed4Peer = ByteBuffer.allocate(6).put(v4.getAddress()).putShort((short) seed4.getLocalPort()).array();
            byte[] seed6Peer = ByteBuffer.allocate(18).put(v6.getAddress()).putShort((short) seed6.getLocalPort()).array();
            assertArrayEquals(seed4Peer, Arrays.copyOfRange(over4, 20, over4.length));
            assertArrayEquals(seed6Peer, Arrays.copyOfRange(over6, 20, over6.length));
        }
    }

    @Test
    void closeReleasesThePortAtOnce() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        server = start(loopback, 0);
        int port = server.localAddress().getPort();

        server.close();
        server = start(loopback, port);

        assertEquals(port, server.localAddress().getPort());
        try (DatagramSocket client = client(loopback)) {
            assertEquals(16, exchange(client, new InetSocketAddress(loopback, port), Packets.connect(9)).length);
        }
    }

    @Test
    void portTakenIsAnIoExceptionAndLeavesNothingOpen() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
            assertThrows(IOException.class, () -> start(loopback, taken.getLocalPort()));
        }
    }

    @Test
    void portHeldWithReusePortByAnotherSocketIsRefusedNotShared() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (DatagramChannel other = DatagramChannel.open()) {
            Assumptions.assumeTrue(other.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT),
                    "SO_REUSEPORT is not available here");
            other.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            other.bind(new InetSocketAddress(loopback, 0));
            int port = ((InetSocketAddress) other.getLocalAddress()).getPort();

            assertThrows(IOException.class, () -> start(loopback, port, 2));
        }
    }

    @Test
    void eachThreadReceivesOnASocketOfItsOwn() throws Exception {
        try (DatagramChannel probe = DatagramChannel.open()) {
            Assumptions.assumeTrue(probe.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT),
                    "SO_REUSEPORT is not available here");
        }
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        server = start(loopback, 0, 2);
        int port = server.localAddress().getPort();

        assertEquals(2, server.sockets());
        // Whichever socket the kernel picks for a sender, it answers.
        for (int i = 0; i < 8; i++) {
            try (DatagramSocket client = client(loopback)) {
                assertEquals(16, exchange(client, new InetSocketAddress(loopback, port), Packets.connect(i)).length);
            }
        }
    }

    @Test
    void forgedAnnounceGetsNoAnswerButTheNextConnectDoes_BEP15() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        // One thread answers in arrival order: had the forged announce been answered, that
        // answer would arrive before the connect's.
        server = start(loopback, 0, 1);
        InetSocketAddress tracker = new InetSocketAddress(loopback, server.localAddress().getPort());
        try (DatagramSocket client = client(loopback)) {
            byte[] forged = Packets.announce(42, 3, UdpTrackerTest.UNKNOWN, Packets.filled(20, 1), 0,
                    Packets.STARTED, -1, 6881);
            client.send(new DatagramPacket(forged, forged.length, tracker));

            byte[] first = exchange(client, tracker, Packets.connect(4));

            assertEquals(16, first.length);
            assertEquals(4, ByteBuffer.wrap(first).getInt(4), "the connect's transaction id");
        }
    }
}
