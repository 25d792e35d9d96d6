package org.swarmport.tracker.announce;

import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.swarmport.tracker.swarm.AnnounceEvent;
import org.swarmport.tracker.swarm.OtherPeerCounts;
import org.swarmport.tracker.swarm.PeerBuffer;
import org.swarmport.tracker.swarm.SwarmCounts;
import org.swarmport.tracker.swarm.SwarmRegistry;

/**
 * What an announce does once its protocol has parsed it, the same over HTTP (BEP 3) and UDP
 * (BEP 15): admit the info-hash ({@link SwarmAdmission}), record the peer in the registry,
 * hand out peers, and pick the interval the answer carries. Each protocol keeps only its own
 * parsing, client address and encoding. Thread-safe.
 */
public final class Announcer {

    private final SwarmRegistry registry;
    private final SwarmAdmission admission;
    private final OtherPeerCounts others;
    private final int interval;
    private final int minInterval;
    /** Per call, since request threads share the announcer: ThreadLocalRandom::current. */
    private final Supplier<? extends RandomGenerator> random;

    /** @param others the swarm's peers outside the registry (browser peers), added to its counts */
    public Announcer(SwarmRegistry registry, SwarmAdmission admission, OtherPeerCounts others, int interval,
            int minInterval, Supplier<? extends RandomGenerator> random) {
        this.registry = registry;
        this.admission = admission;
        this.others = others;
        this.interval = interval;
        this.minInterval = minInterval;
        this.random = random;
    }

    /**
     * Records one announce and writes the peers to hand out into the buffers given (see
     * {@link SwarmRegistry#announce}); a {@code stopped} peer is handed none. The counts
     * returned include the swarm's other peers (browsers), who are never handed out here.
     *
     * @param numWant  0 to the buffers' size; more is lowered to it
     * @param ipv4     where IPv4 peers go, or null for none
     * @param ipv6     where IPv6 peers go, or null for none
     * @throws TrackerRequestException when the access mode refuses the torrent
     */
    public SwarmCounts announce(byte[] infoHash, long peer, byte[] address, int port, boolean seeder,
            AnnounceEvent event, int numWant, PeerBuffer ipv4, PeerBuffer ipv6) {
        byte[] swarm = admission.announcedSwarmOf(infoHash);
        int wanted = event == AnnounceEvent.STOPPED ? 0 : numWant;
        if (ipv4 != null) {
            ipv4.want(wanted);
        }
        if (ipv6 != null) {
            ipv6.want(wanted);
        }
        return registry.announce(swarm, peer, address, port, seeder, event, SwarmRegistry.currentMinute(), ipv4, ipv6)
                .plus(others.of(swarm));
    }

    /**
     * The {@code interval} for one answer: up to a tenth less than configured, so clients that
     * started together drift apart instead of announcing in waves; never below min interval.
     */
    public int interval() {
        return Math.max(minInterval, interval - random.get().nextInt(interval / 10 + 1));
    }

    /** {@code min interval}: clients must not announce more often than this. */
    public int minInterval() {
        return minInterval;
    }
}
