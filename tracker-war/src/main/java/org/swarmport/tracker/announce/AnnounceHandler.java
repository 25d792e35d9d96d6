package org.swarmport.tracker.announce;

import java.util.List;
import org.swarmport.clientaddress.ClientAddressResolver;
import org.swarmport.clientaddress.UnbelievableClientAddressException;
import org.swarmport.peer.bencode.BEncoder;
import org.swarmport.tracker.swarm.PeerBuffer;
import org.swarmport.tracker.swarm.PeerIdentity;
import org.swarmport.tracker.swarm.SwarmCounts;

/**
 * Answers an HTTP announce: raw query in, bencoded answer out. Every problem becomes a
 * {@code failure reason} (BEP 3); nothing here throws for bad input.
 */
public final class AnnounceHandler {

    private final Announcer announcer;
    private final ClientAddressResolver addresses;

    public AnnounceHandler(Announcer announcer, ClientAddressResolver addresses) {
        this.announcer = announcer;
        this.addresses = addresses;
    }

    /** The answer; {@link #isFailure} tells whether it is a failure reason. */
    public byte[] announce(String rawQuery, String remoteAddress, List<String> forwardedFor) {
        try {
            AnnounceRequest request = AnnounceRequestParser.parse(rawQuery);
            byte[] address = addresses.resolve(remoteAddress, forwardedFor);
            PeerBuffer ipv4 = PeerBuffer.ipv4(request.numWant());
            PeerBuffer ipv6 = PeerBuffer.ipv6(request.numWant());
            SwarmCounts counts = announcer.announce(request.infoHash(), PeerIdentity.of(request.peerId(), request.key()),
                    address, request.port(), request.isSeeder(), request.event(), request.numWant(), ipv4, ipv6);
            BEncoder out = new BEncoder(96 + ipv4.length() + ipv6.length());
            AnnounceResponse.write(out, counts, announcer.interval(), announcer.minInterval(), ipv4, ipv6,
                    request.compact());
            return out.toByteArray();
        } catch (TrackerRequestException | UnbelievableClientAddressException e) {
            return AnnounceResponse.failure(e.getMessage());
        }
    }

    /** Failure answers start with the one key they have. */
    public static boolean isFailure(byte[] answer) {
        return answer.length > 3 && answer[1] == '1' && answer[2] == '4' && answer[3] == ':';
    }
}
