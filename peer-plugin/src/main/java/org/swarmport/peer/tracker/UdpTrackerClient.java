package org.swarmport.peer.tracker;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

import org.swarmport.peer.metainfo.InfoHash;

/**
 * A UDP tracker (BEP 15) on its own {@link DatagramChannel}, connected to the tracker so that
 * packets from anyone else never reach us. Every exchange has a fresh random transaction id
 * and ignores answers that carry another; a lost packet is sent again after
 * {@code base * 2^n} (n = 0..{@link TrackerSettings#udpMaxRetries()}, BEP 15's 15 s and 8);
 * a connection id is reused for one minute, then fetched again. The announce URL's path and
 * query travel as BEP 41 URL data. Calls are serialised: one exchange at a time.
 */
final class UdpTrackerClient implements TrackerClient {

    /** BEP 15: a client can use a connection id until one minute after it received it. */
    static final Duration CONNECTION_ID_LIFETIME = Duration.ofMinutes(1);
    /** The largest UDP payload over IPv4; a tracker never sends more. */
    private static final int MAX_PACKET = 65_507;

    private final URI url;
    private final TrackerSettings settings;
    private final SecureRandom random = new SecureRandom();
    private final LongSupplier clock;
    private final ByteBuffer receive = ByteBuffer.allocate(MAX_PACKET);
    private InetSocketAddress tracker;
    private DatagramChannel channel;
    private Selector selector;
    private long connectionId;
    private long connectionIdExpiresNanos;
    private boolean hasConnectionId;
    private volatile boolean closed;

    UdpTrackerClient(URI url, TrackerSettings settings) throws TrackerException {
        this(url, settings, System::nanoTime);
    }

    /** With a clock of nanoseconds, so that tests can let a connection id expire without waiting a minute. */
    UdpTrackerClient(URI url, TrackerSettings settings, LongSupplier nanoClock) throws TrackerException {
        this.url = url;
        this.settings = settings;
        this.clock = nanoClock;
        if (url.getPort() < 1) {
            throw TrackerException.failed(url + ": a UDP tracker URL needs a port");
        }
    }

    @Override
    public URI url() {
        return url;
    }

    @Override
    public synchronized AnnounceResponse announce(AnnounceRequest request) throws TrackerException, InterruptedException {
        String urlData = UdpTrackerPacket.urlData(url);
        UdpTrackerPacket.Answer answer = exchange(UdpTrackerPacket.ACTION_ANNOUNCE,
                id -> UdpTrackerPacket.announce(connectionId, id, request, urlData));
        return ((UdpTrackerPacket.Announced) answer).response();
    }

    @Override
    public synchronized Map<InfoHash, ScrapeStats> scrape(List<InfoHash> hashes) throws TrackerException, InterruptedException {
        Map<InfoHash, ScrapeStats> result = new HashMap<>();
        for (int from = 0; from < hashes.size(); from += UdpTrackerPacket.MAX_SCRAPE_HASHES) {
            List<InfoHash> batch = hashes.subList(from, Math.min(hashes.size(), from + UdpTrackerPacket.MAX_SCRAPE_HASHES));
            UdpTrackerPacket.Answer answer = exchange(UdpTrackerPacket.ACTION_SCRAPE,
                    id -> UdpTrackerPacket.scrape(connectionId, id, batch));
            List<ScrapeStats> stats = ((UdpTrackerPacket.Scraped) answer).stats();
            if (stats.size() > batch.size()) {
                throw TrackerException.failed(url + " answered a scrape of " + batch.size() + " hashes with "
                        + stats.size() + " entries");
            }
            // BEP 15 answers in request order; a tracker that knows a torrent not answers zeros.
            for (int i = 0; i < stats.size(); i++) {
                result.put(batch.get(i), stats.get(i));
            }
        }
        return result;
    }

    /**
     * Sends the packet {@code build} makes for a transaction id until an answer with that id
     * arrives or the retries run out, connecting first (and again whenever the connection id
     * has expired, even between retransmissions).
     */
    private UdpTrackerPacket.Answer exchange(int action, IntFunction<byte[]> build)
            throws TrackerException, InterruptedException {
        if (closed) {
            throw TrackerException.failed("client of " + url + " is closed");
        }
        open();
        for (int attempt = 0; attempt <= settings.udpMaxRetries(); attempt++) {
            if (!hasConnectionId || clock.getAsLong() - connectionIdExpiresNanos >= 0) {
                hasConnectionId = false;
                int id = random.nextInt();
                UdpTrackerPacket.Answer answer = sendAndWait(UdpTrackerPacket.connect(id), id, attempt);
                if (answer == null) {
                    continue;
                }
                if (!(answer instanceof UdpTrackerPacket.Connected)) {
                    throw TrackerException.failed(url + " answered a connect with action " + actionName(answer));
                }
                connectionId = ((UdpTrackerPacket.Connected) answer).connectionId();
                connectionIdExpiresNanos = clock.getAsLong() + CONNECTION_ID_LIFETIME.toNanos();
                hasConnectionId = true;
            }
            int id = random.nextInt();
            UdpTrackerPacket.Answer answer = sendAndWait(build.apply(id), id, attempt);
            if (answer == null) {
                continue;
            }
            boolean expected = action == UdpTrackerPacket.ACTION_ANNOUNCE ? answer instanceof UdpTrackerPacket.Announced
                    : answer instanceof UdpTrackerPacket.Scraped;
            if (!expected) {
                throw TrackerException.failed(url + " answered with action " + actionName(answer));
            }
            return answer;
        }
        throw TrackerException.failed(url + " did not answer after " + (settings.udpMaxRetries() + 1) + " attempts");
    }

    /**
     * One send and a wait of {@code base * 2^attempt} for the answer with {@code transactionId}:
     * null when none came. An error answer with our id is the tracker's refusal.
     */
    private UdpTrackerPacket.Answer sendAndWait(byte[] packet, int transactionId, int attempt)
            throws TrackerException, InterruptedException {
        long timeout = settings.udpTimeoutBase().toNanos() << attempt;
        long deadline = System.nanoTime() + timeout;
        try {
            checkInterrupt();
            channel.write(ByteBuffer.wrap(packet));
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                selector.select(Math.max(1, left / 1_000_000));
                checkInterrupt();
                if (closed) {
                    throw TrackerException.failed("client of " + url + " was closed");
                }
                selector.selectedKeys().clear();
                receive.clear();
                if (channel.receive(receive) == null) {
                    continue;
                }
                UdpTrackerPacket.Answer answer;
                try {
                    answer = UdpTrackerPacket.read(receive.array(), receive.position(),
                            tracker.getAddress() instanceof Inet6Address, settings.maxPeers());
                } catch (TrackerException malformed) {
                    // A stray or forged packet must not end the exchange; only ours can.
                    if (receive.position() >= 8 && receive.getInt(4) == transactionId) {
                        throw malformed;
                    }
                    continue;
                }
                if (answer.transactionId() != transactionId) {
                    continue;
                }
                if (answer instanceof UdpTrackerPacket.Failed) {
                    throw TrackerException.refused(((UdpTrackerPacket.Failed) answer).message());
                }
                return answer;
            }
        } catch (ClosedByInterruptException e) {
            discardChannel();
            throw new InterruptedException("interrupted while talking to " + url);
        } catch (PortUnreachableException e) {
            // ICMP port unreachable: nobody listens there now; waiting out the retry may help.
            return null;
        } catch (IOException e) {
            discardChannel();
            throw new TrackerException(url + ": " + e, e);
        }
    }

    private void open() throws TrackerException {
        if (channel != null) {
            return;
        }
        try {
            if (tracker == null) {
                InetSocketAddress resolved = new InetSocketAddress(url.getHost(), url.getPort());
                if (resolved.isUnresolved()) {
                    throw TrackerException.failed(url + ": cannot resolve " + url.getHost());
                }
                tracker = resolved;
            }
            DatagramChannel opened = DatagramChannel.open(tracker.getAddress() instanceof Inet6Address
                    ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
            opened.configureBlocking(false);
            opened.connect(tracker);
            Selector opening = Selector.open();
            opened.register(opening, SelectionKey.OP_READ);
            channel = opened;
            selector = opening;
        } catch (IOException e) {
            discardChannel();
            throw new TrackerException(url + ": cannot open a UDP socket: " + e, e);
        }
    }

    private void checkInterrupt() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted while talking to " + url);
        }
    }

    private void discardChannel() {
        closeQuietly();
        channel = null;
        selector = null;
        hasConnectionId = false;
    }

    private void closeQuietly() {
        try {
            if (selector != null) {
                selector.close();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // Closing a datagram socket only fails if it already failed; nothing is lost.
        }
    }

    private static String actionName(UdpTrackerPacket.Answer answer) {
        return answer.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        // Not synchronized with an exchange in progress: closing the selector wakes it, and it fails.
        closed = true;
        Selector waiting = selector;
        if (waiting != null) {
            waiting.wakeup();
        }
        synchronized (this) {
            discardChannel();
        }
    }

    @Override
    public String toString() {
        return url.toString();
    }
}
