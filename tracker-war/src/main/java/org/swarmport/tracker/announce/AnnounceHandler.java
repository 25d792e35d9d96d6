package org.swarmport.tracker.announce;

import java.util.List;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.swarmport.peer.bencode.BEncoder;
import org.swarmport.tracker.config.TrackerMode;
import org.swarmport.tracker.swarm.AnnounceEvent;
import org.swarmport.tracker.swarm.PeerBuffer;
import org.swarmport.tracker.swarm.PeerIdentity;
import org.swarmport.tracker.swarm.SwarmCounts;
import org.swarmport.tracker.swarm.SwarmRegistry;

/**
 * Answers an HTTP announce: raw query in, bencoded answer out. Every problem becomes a
 * {@code failure reason} (BEP 3); nothing here throws for bad input.
 */
public final class AnnounceHandler {

    private final SwarmRegistry registry;
    private final SwarmHashes catalogue;
    private final TrackerMode mode;
    private final ClientAddressResolver addresses;
    private final int interval;
    private final int minInterval;
    /** Per call, since request threads share the handler: ThreadLocalRandom::current. */
    private final Supplier<? extends RandomGenerator> random;

    public AnnounceHandler(SwarmRegistry registry, SwarmHashes catalogue, TrackerMode mode,
            ClientAddressResolver addresses, int interval, int minInterval, Supplier<? extends RandomGenerator> random) {
        this.registry = registry;
        this.catalogue = catalogue;
        this.mode = mode;
        this.addresses = addresses;
        this.interval = interval;
        this.minInterval = minInterval;
        this.random = random;
    }

    /** The answer; {@link #isFailure} tells whether it is a failure reason. */
    public byte[] announce(String rawQuery, String remoteAddress, List<String> forwardedFor) {
        try {
            AnnounceRequest request = AnnounceRequestParser.parse(rawQuery);
            byte[] address = addresses.resolve(remoteAddress, forwardedFor);
            byte[] swarm = swarmHash(request.infoHash());
            int wanted = request.event() == AnnounceEvent.STOPPED ? 0 : request.numWant();
            PeerBuffer ipv4 = PeerBuffer.ipv4(wanted).want(wanted);
            PeerBuffer ipv6 = PeerBuffer.ipv6(wanted).want(wanted);
            SwarmCounts counts = registry.announce(swarm, PeerIdentity.of(request.peerId(), request.key()),
                    address, request.port(), request.isSeeder(), request.event(),
                    SwarmRegistry.currentMinute(), ipv4, ipv6);
            BEncoder out = new BEncoder(96 + ipv4.length() + ipv6.length());
            AnnounceResponse.write(out, counts, jittered(interval), minInterval, ipv4, ipv6, request.compact());
            return out.toByteArray();
        } catch (TrackerRequestException e) {
            return AnnounceResponse.failure(e.getMessage());
        }
    }

    /** Failure answers start with the one key they have. */
    public static boolean isFailure(byte[] answer) {
        return answer.length > 3 && answer[1] == '1' && answer[2] == '4' && answer[3] == ':';
    }

    /**
     * The swarm the announced hash belongs to. In registered mode only the catalogue's
     * torrents have one; in open mode any hash does, and the catalogue still joins a hybrid
     * torrent's v1 and v2 hashes.
     */
    byte[] swarmHash(byte[] infoHash) {
        byte[] known = catalogue.swarmHashOf(infoHash);
        if (known != null) {
            return known;
        }
        if (mode == TrackerMode.REGISTERED) {
            throw new TrackerRequestException("unregistered torrent: this tracker only tracks torrents in its catalogue");
        }
        return infoHash;
    }

    /**
     * Up to a tenth less than the interval, so clients that started together drift apart
     * instead of announcing in waves; never below min interval.
     */
    private int jittered(int seconds) {
        return Math.max(minInterval, seconds - random.get().nextInt(seconds / 10 + 1));
    }
}
