package org.swarmport.tracker.udp;

import java.nio.ByteBuffer;
import org.swarmport.clientaddress.IpLiteral;
import org.swarmport.tracker.announce.AnnounceRequest;
import org.swarmport.tracker.announce.Announcer;
import org.swarmport.tracker.announce.SwarmAdmission;
import org.swarmport.tracker.announce.TrackerRequestException;
import org.swarmport.tracker.stats.TrackerCounters.Protocol;
import org.swarmport.tracker.stats.TrackerCounters;
import org.swarmport.tracker.swarm.OtherPeerCounts;
import org.swarmport.tracker.swarm.PeerBuffer;
import org.swarmport.tracker.swarm.PeerIdentity;
import org.swarmport.tracker.swarm.SwarmCounts;
import org.swarmport.tracker.swarm.SwarmRegistry;

/**
 * The UDP tracker's answer to one datagram (BEP 15): bytes, sender and time in, answer bytes
 * or nothing out. No socket here; {@link UdpServer} is the shell around it.
 *
 * <p>The rules, in the order of the package documentation: a datagram the parser drops gets
 * nothing; a connect gets a connection id for its sender; anything else, an error included,
 * is answered only when its connection id was issued to that very sender, so a spoofed source
 * address gets silence and the tracker reflects nothing. Announces follow the HTTP tracker's
 * rules through the same {@link Announcer} (access mode, hybrid join, registry, jittered
 * interval); the client's {@code ip} field is ignored, as the HTTP tracker ignores {@code ip}:
 * the sender's address is the peer's.
 *
 * <p>BEP 15 answers in the socket's address family: an IPv4 sender (or IPv4-mapped, on a
 * dual-stack socket) gets 6-byte IPv4 peers, an IPv6 sender 18-byte IPv6 peers. No answer is
 * larger than {@link UdpResponse#IPV6_SAFE_DATAGRAM_BYTES}: numwant is lowered to the peers
 * that fit (200 IPv4, 66 IPv6), so the random sample is the one sent.
 *
 * <p>BEP 41 URL data reaches {@link UdpRequest.Announce#urlData()} and goes no further yet:
 * passkeys (private mode) come with a later issue.
 *
 * <p>Not thread-safe: it reuses its peer buffers. One per receiving thread; they share the
 * announcer, the registry, the connection ids and the counters.
 */
public final class UdpTracker {

    static final int MAX_IPV4_PEERS = Math.min(AnnounceRequest.MAX_NUMWANT,
            (UdpResponse.IPV6_SAFE_DATAGRAM_BYTES - UdpResponse.ANNOUNCE_HEADER_LENGTH) / UdpResponse.IPV4_PEER_WIDTH);
    static final int MAX_IPV6_PEERS = Math.min(AnnounceRequest.MAX_NUMWANT,
            (UdpResponse.IPV6_SAFE_DATAGRAM_BYTES - UdpResponse.ANNOUNCE_HEADER_LENGTH) / UdpResponse.IPV6_PEER_WIDTH);

    /** What {@link #answer} returns when nothing is to be sent. */
    public static final int NO_ANSWER = 0;


    private final Announcer announcer;
    private final SwarmAdmission admission;
    private final SwarmRegistry registry;
    private final OtherPeerCounts others;
    private final ConnectionIdIssuer connectionIds;
    private final TrackerCounters counters;
    private final PeerBuffer ipv4 = PeerBuffer.ipv4(MAX_IPV4_PEERS);
    private final PeerBuffer ipv6 = PeerBuffer.ipv6(MAX_IPV6_PEERS);
    private final byte[] key = new byte[4];

    /** @param others the swarms' peers outside the registry (browser peers), added to scrape counts */
    public UdpTracker(Announcer announcer, SwarmAdmission admission, SwarmRegistry registry, OtherPeerCounts others,
            ConnectionIdIssuer connectionIds, TrackerCounters counters) {
        this.announcer = announcer;
        this.admission = admission;
        this.registry = registry;
        this.others = others;
        this.connectionIds = connectionIds;
        this.counters = counters;
    }

    /**
     * Answers {@code packet[0, length)} from {@code address:port}.
     *
     * @param address   the sender, 4 or 16 bytes as {@code InetAddress.getAddress()} gives them;
     *                  an IPv4-mapped IPv6 address is treated as the IPv4 address
     * @param out       where the answer goes, from position 0; at least
     *                  {@link UdpResponse#IPV6_SAFE_DATAGRAM_BYTES} of capacity
     * @return the answer's length, {@code out}'s position; {@link #NO_ANSWER} when nothing is sent
     */
    public int answer(byte[] packet, int length, byte[] address, int port, long nowMillis, ByteBuffer out) {
        out.clear().limit(Math.min(out.capacity(), UdpResponse.IPV6_SAFE_DATAGRAM_BYTES));
        byte[] sender = IpLiteral.unmapped(address);
        UdpRequest request;
        try {
            request = UdpRequestParser.parse(packet, length);
        } catch (UdpPacketDroppedException e) {
            return NO_ANSWER;
        } catch (UdpRequestException e) {
            if (!connectionIds.isValid(e.connectionId(), sender, port, nowMillis)) {
                return NO_ANSWER;
            }
            return error(out, e.transactionId(), e.getMessage());
        }
        if (request instanceof UdpRequest.Connect connect) {
            return UdpResponse.connect(out, connect.transactionId(), connectionIds.issue(sender, port, nowMillis));
        }
        if (request instanceof UdpRequest.Announce announce) {
            if (!connectionIds.isValid(announce.connectionId(), sender, port, nowMillis)) {
                return NO_ANSWER;
            }
            return announce(out, announce, sender);
        }
        UdpRequest.Scrape scrape = (UdpRequest.Scrape) request;
        if (!connectionIds.isValid(scrape.connectionId(), sender, port, nowMillis)) {
            return NO_ANSWER;
        }
        return scrape(out, scrape);
    }

    private int announce(ByteBuffer out, UdpRequest.Announce request, byte[] sender) {
        if (request.port() == 0) {
            // As over HTTP: a peer nobody can connect to must not be handed out.
            return error(out, request.transactionId(), "invalid port: 0");
        }
        boolean overIpv4 = sender.length == 4;
        PeerBuffer peers = overIpv4 ? ipv4 : ipv6;
        int numWant = request.numWant() < 0 ? AnnounceRequest.DEFAULT_NUMWANT : request.numWant();
        int k = request.key();
        key[0] = (byte) (k >>> 24);
        key[1] = (byte) (k >>> 16);
        key[2] = (byte) (k >>> 8);
        key[3] = (byte) k;
        SwarmCounts counts;
        try {
            counts = announcer.announce(request.infoHash(), PeerIdentity.of(request.peerId(), key), sender,
                    request.port(), request.left() == 0, request.event(), numWant,
                    overIpv4 ? ipv4 : null, overIpv4 ? null : ipv6);
        } catch (TrackerRequestException e) {
            return error(out, request.transactionId(), e.getMessage());
        }
        counters.announce(Protocol.UDP);
        return UdpResponse.announce(out, request.transactionId(), announcer.interval(), counts.leechers(),
                counts.seeders(), peers.bytes(), 0, peers.length(), peers.width(),
                UdpResponse.IPV6_SAFE_DATAGRAM_BYTES);
    }

    /**
     * BEP 15 answers every hash in request order, so a hash this tracker does not track (in
     * registered mode) answers zeros instead of being left out as over HTTP (BEP 48).
     */
    private int scrape(ByteBuffer out, UdpRequest.Scrape request) {
        int written = UdpResponse.scrapeHeader(out, request.transactionId());
        for (int i = 0; i < request.count(); i++) {
            byte[] swarm = admission.swarmOf(request.infoHash(i));
            SwarmCounts counts = swarm == null ? SwarmCounts.NONE : others.withRegistry(registry, swarm);
            written += UdpResponse.scrapeEntry(out, counts.seeders(), counts.completed(), counts.leechers());
        }
        counters.scrape(Protocol.UDP);
        return written;
    }

    private int error(ByteBuffer out, int transactionId, String message) {
        counters.failure(Protocol.UDP);
        return UdpResponse.error(out, transactionId, message);
    }
}
