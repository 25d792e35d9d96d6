package org.swarmport.tracker.announce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.swarmport.tracker.announce.Queries.announce;
import static org.swarmport.tracker.announce.Queries.filled;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.swarmport.clientaddress.ClientAddressResolver;
import org.swarmport.clientaddress.TrustedProxies;
import org.swarmport.peer.bencode.BDecoder;
import org.swarmport.peer.bencode.BDictionary;
import org.swarmport.tracker.config.TrackerMode;
import org.swarmport.tracker.stats.TrackerCounters;
import org.swarmport.tracker.swarm.AnnounceEvent;
import org.swarmport.tracker.swarm.OtherPeerCounts;
import org.swarmport.tracker.swarm.PeerBuffer;
import org.swarmport.tracker.swarm.SwarmRegistry;

/** The tracker's own HTTP port over real loopback sockets, with an open-mode tracker behind it. */
class HttpPortLoopTest {

    private static final byte[] TORRENT = filled(0x5a);
    private static final RandomGenerator NO_JITTER = () -> 0L;

    private final SwarmRegistry registry = new SwarmRegistry(SwarmRegistry.Config.DEFAULT);
    private final List<Socket> sockets = new ArrayList<>();
    private HttpPortLoop loop;
    private Thread thread;
    private InetSocketAddress address;

    private void start(int maxConnections, long idleTimeoutMillis) throws IOException {
        HttpTracker tracker = new HttpTracker(
                new AnnounceHandler(new Announcer(registry, new SwarmAdmission(hash -> null, TrackerMode.OPEN),
                        OtherPeerCounts.NONE, 1800, 900, () -> NO_JITTER), new ClientAddressResolver(TrustedProxies.none())),
                new ScrapeHandler(registry, new SwarmAdmission(hash -> null, TrackerMode.OPEN), OtherPeerCounts.NONE,
                        new FullScrape(registry, 300, System::nanoTime)),
                new TrackerCounters(), false);
        ServerSocketChannel server = ServerSocketChannel.open();
        server.configureBlocking(false);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        address = (InetSocketAddress) server.getLocalAddress();
        loop = new HttpPortLoop(server, tracker, maxConnections, idleTimeoutMillis, TimeUnit.MILLISECONDS);
        thread = new Thread(loop, "http-port-test");
        thread.start();
    }

    @AfterEach
    void stop() throws Exception {
        for (Socket socket : sockets) {
            socket.close();
        }
        if (loop != null) {
            loop.stop();
            thread.join(5000);
            assertFalse(thread.isAlive(), "the loop did not stop");
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(address.getAddress(), address.getPort());
        socket.setSoTimeout(5000);
        socket.setTcpNoDelay(true);
        sockets.add(socket);
        return socket;
    }

    private static String get(String pathAndQuery, String headers) {
        return "GET " + pathAndQuery + " HTTP/1.1\r\nHost: tracker\r\n" + headers + "\r\n";
    }

    private static String announceRequest(int peer, int port, String connection) {
        return get("/announce?" + announce(TORRENT, filled(peer), port, 100, "event=started"), connection);
    }

    private static void write(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** One answer read by its Content-Length, as a client on a kept-alive connection does. */
    record Answer(String head, byte[] body) {
        int status() {
            return Integer.parseInt(head.substring(9, 12));
        }

        BDictionary dictionary() throws Exception {
            return (BDictionary) BDecoder.decode(body);
        }
    }

    private static Answer read(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed inside a head: " + head.toString(StandardCharsets.ISO_8859_1));
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int at = text.indexOf("Content-Length: ") + 16;
        int length = Integer.parseInt(text.substring(at, text.indexOf('\r', at)));
        return new Answer(text, in.readNBytes(length));
    }

    private static Answer exchange(Socket socket, String request) throws IOException {
        write(socket, request);
        return read(socket);
    }

    private static boolean closedByServer(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;    // a reset is a close too
        }
    }

    @Test
    void aConnectionPerAnnounceGetsPeersAndIsClosedAfterTheAnswer_BEP3() throws Exception {
        start(100, 10_000);
        Socket first = connect();
        write(first, announceRequest('a', 6881, "Connection: close\r\n"));
        Answer firstAnswer = read(first);
        assertTrue(closedByServer(first));

        Socket second = connect();
        write(second, announceRequest('b', 6882, "Connection: close\r\n"));
        Answer answer = read(second);

        assertEquals(200, firstAnswer.status());
        assertTrue(answer.head().startsWith("HTTP/1.1 200 OK\r\n"), answer.head());
        assertTrue(answer.head().contains("\r\nContent-Type: text/plain\r\n"), answer.head());
        assertTrue(answer.head().contains("\r\nCache-Control: no-store\r\n"), answer.head());
        assertTrue(answer.head().contains("\r\nConnection: close\r\n"), answer.head());
        BDictionary dictionary = answer.dictionary();
        assertEquals(2, dictionary.getLong("incomplete"));
        assertArrayEquals(new byte[] {127, 0, 0, 1, 0x1a, (byte) 0xe1}, dictionary.getString("peers").bytes());
        assertTrue(closedByServer(second));
    }

    @Test
    void keepAliveAnswersOneRequestAfterAnotherOnOneConnection_RFC9112_9_3() throws Exception {
        start(100, 10_000);
        Socket socket = connect();
        for (int i = 0; i < 5; i++) {
            write(socket, announceRequest('a' + i, 7000 + i, ""));
            Answer answer = read(socket);
            assertEquals(200, answer.status());
            assertFalse(answer.head().contains("Connection:"), answer.head());
            assertEquals(i + 1, answer.dictionary().getLong("incomplete"));
        }
    }

    @Test
    void http10KeepAliveIsAnsweredInKind() throws Exception {
        start(100, 10_000);
        Socket socket = connect();
        write(socket, "GET /scrape HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        Answer answer = read(socket);

        assertTrue(answer.head().contains("\r\nConnection: keep-alive\r\n"), answer.head());
        write(socket, "GET /scrape HTTP/1.0\r\n\r\n");
        assertTrue(read(socket).head().contains("\r\nConnection: close\r\n"));
        assertTrue(closedByServer(socket));
    }

    @Test
    void pipelinedRequestsInOneWriteAreAllAnsweredInOrder() throws Exception {
        start(100, 10_000);
        Socket socket = connect();
        write(socket, announceRequest('a', 7001, "") + announceRequest('b', 7002, "") + announceRequest('c', 7003, ""));

        for (int expected = 1; expected <= 3; expected++) {
            assertEquals(expected, read(socket).dictionary().getLong("incomplete"));
        }
    }

    @Test
    void aHeadTrickledByteByByteIsAnsweredOnceWhole() throws Exception {
        start(100, 10_000);
        Socket socket = connect();
        String request = announceRequest('a', 7001, "Connection: close\r\n");
        for (char c : request.toCharArray()) {
            write(socket, String.valueOf(c));
        }

        assertEquals(200, read(socket).status());
    }

    @Test
    void otherPathsAndMethodsGetAnHttpErrorWithABencodedReason() throws Exception {
        start(100, 10_000);
        Socket notFound = connect();
        Answer missing = exchange(notFound, get("/favicon.ico", ""));
        assertEquals(404, missing.status());
        assertTrue(missing.dictionary().getString("failure reason").utf8().startsWith("not found"));
        write(notFound, get("/scrape", "Connection: close\r\n"));
        assertEquals(200, read(notFound).status(), "a 404 keeps the connection");

        Socket post = connect();
        Answer refused = exchange(post, "POST /announce HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc");
        assertEquals(405, refused.status());
        assertTrue(refused.head().contains("Connection: close"), refused.head());
        assertTrue(closedByServer(post));
    }

    @Test
    void aMalformedHeadIsRefusedAndTheConnectionClosed() throws Exception {
        start(100, 10_000);
        Socket socket = connect();

        Answer answer = exchange(socket, "GET /announce HTTP/1.1\r\nHost : x\r\n\r\n");

        assertEquals(400, answer.status());
        assertEquals("malformed header name", answer.dictionary().getString("failure reason").utf8());
        assertTrue(closedByServer(socket));
    }

    @Test
    void anOversizedHeadIsRefusedWith431() throws Exception {
        start(100, 10_000);
        Socket socket = connect();
        write(socket, "GET /announce HTTP/1.1\r\n" + ("X-Filler: " + "z".repeat(90) + "\r\n").repeat(200));

        assertEquals(431, read(socket).status());
        assertTrue(closedByServer(socket));
    }

    @Test
    void aBadAnnounceIsAFailureReasonWithStatus200_BEP3() throws Exception {
        start(100, 10_000);
        Answer answer = exchange(connect(), get("/announce?info_hash=%00&peer_id=x&port=1", "Connection: close\r\n"));

        assertEquals(200, answer.status());
        assertTrue(answer.dictionary().containsKey("failure reason"));
    }

    @Test
    void aConnectionThatNeverCompletesItsHeadIsClosedAtTheIdleTimeout() throws Exception {
        start(100, 300);
        Socket slow = connect();
        write(slow, "GET /announce?info_ha");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        boolean closed = false;
        while (!closed && System.nanoTime() < deadline) {
            closed = closedByServer(slow);
        }
        assertTrue(closed, "still open long after the idle timeout");
    }

    @Test
    void connectionsBeyondTheCapAreClosedAtOnceAndThePlaceFreesWhenOneCloses() throws Exception {
        start(2, 10_000);
        Socket first = connect();
        Socket second = connect();
        write(first, get("/scrape", ""));
        write(second, get("/scrape", ""));
        assertEquals(200, read(first).status());
        assertEquals(200, read(second).status());

        Socket third = connect();
        assertTrue(closedByServer(third), "a third connection was kept beyond the cap");

        first.close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Answer answer = null;
        while (answer == null && System.nanoTime() < deadline) {
            Socket next = connect();
            write(next, get("/scrape", "Connection: close\r\n"));
            try {
                answer = read(next);
            } catch (IOException closedAtOnce) {
                // the loop has not seen the first connection close yet
            }
        }
        assertTrue(answer != null && answer.status() == 200, "no place freed after a connection closed");
    }

    @Test
    void anAnswerLargerThanTheSocketTakesAtOnceIsSentWholeThenTheNextPipelinedOne() throws Exception {
        byte[] hash = new byte[20];
        int swarms = 100_000;    // about 7.5 MB: more than the kernel's 4 MB send buffer takes in one write
        for (int i = 0; i < swarms; i++) {
            hash[0] = (byte) i;
            hash[1] = (byte) (i >> 8);
            hash[2] = (byte) (i >> 16);
            registry.announce(hash, i, new byte[] {10, 0, 0, 1}, 6881, false, AnnounceEvent.STARTED,
                    SwarmRegistry.currentMinute(), PeerBuffer.ipv4(0), null);
        }
        start(100, 10_000);
        Socket socket = new Socket();
        socket.setReceiveBufferSize(64 * 1024);
        socket.setSoTimeout(5000);
        sockets.add(socket);
        socket.connect(address);
        write(socket, get("/scrape", "") + get("/scrape?info_hash=" + Queries.percent(TORRENT), "Connection: close\r\n"));

        Answer full = read(socket);
        Answer one = read(socket);

        assertEquals(200, full.status());
        assertTrue(full.body().length > 64 * 1024, "only " + full.body().length + " bytes");
        assertEquals(swarms, full.dictionary().getDictionary("files").size());
        assertEquals(200, one.status());
        assertTrue(closedByServer(socket));
    }
}
