package org.swarmport.peer.swarm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Chooses which interested peers we upload to (BEP 3 "choking"), each time the engine calls
 * {@link #rechoke}, normally every 10 seconds.
 *
 * <p><b>Leeching</b>: tit-for-tat. The regular slots go to the peers that sent us the most over
 * the last {@link ChokerSettings#rateWindowNanos() 20 s}; peers that snub us (unchoked us, we
 * want their data, and nothing came for {@link ChokerSettings#snubNanos() 60 s}) do not count as
 * reciprocating. One slot is optimistic: it rotates every
 * {@link ChokerSettings#optimisticIntervalNanos() 30 s} to a random interested peer, new peers
 * being three times as likely, so that newcomers get their first pieces and we discover faster
 * partners.
 *
 * <p><b>Seeding</b>: nobody can reciprocate, so slots go round: a peer keeps its slot for
 * {@link ChokerSettings#seedTurnNanos() a turn}, then yields it to whoever has waited longest
 * (ties to the peer we upload to fastest). Every interested peer gets served in turn.
 *
 * <p>Peers that are not interested get no slot. Single-threaded, no clock: the engine passes
 * {@code nowNanos}.
 *
 * @param <P> the engine's type for a peer connection
 */
public final class Choker<P> {

    private final ChokerSettings settings;
    private final RandomGenerator random;
    private final Map<P, PeerStats> peers = new LinkedHashMap<>();
    private final Set<P> optimistic = new LinkedHashSet<>();
    private long optimisticSince;

    /** What the choker knows of one peer. */
    private static final class PeerStats {
        final long connectedAt;
        final TransferRate received;
        final TransferRate sent;
        boolean interested;
        boolean weInterested;
        boolean chokingUs = true;
        long lastUnchokedUsAt = Long.MIN_VALUE;
        long weInterestedSince = Long.MIN_VALUE;
        long lastReceivedAt = Long.MIN_VALUE;
        boolean unchoked;
        long unchokedAt;
        /** When the peer last lost its slot; it has waited since. */
        long chokedAt;

        PeerStats(long now, long windowNanos) {
            connectedAt = now;
            chokedAt = now;
            received = new TransferRate(windowNanos);
            sent = new TransferRate(windowNanos);
        }
    }

    public Choker(ChokerSettings settings, RandomGenerator random) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.random = Objects.requireNonNull(random, "random");
    }

    public Choker(RandomGenerator random) {
        this(ChokerSettings.DEFAULTS, random);
    }

    /** A new connection at {@code nowNanos}: choked, not interested, choking us (BEP 3). */
    public void addPeer(P peer, long nowNanos) {
        Objects.requireNonNull(peer, "peer");
        if (peers.putIfAbsent(peer, new PeerStats(nowNanos, settings.rateWindowNanos())) != null) {
            throw new IllegalArgumentException("peer " + peer + " is already known");
        }
    }

    /** The connection is gone; its slot is free at the next rechoke. */
    public void removePeer(P peer) {
        peers.remove(peer);
        optimistic.remove(peer);
    }

    /** The peer sent {@code interested} or {@code not interested}: whether it wants our data. */
    public void peerInterested(P peer, boolean interested) {
        stats(peer).interested = interested;
    }

    /** We sent {@code interested} or {@code not interested} to the peer. */
    public void weInterested(P peer, boolean interested, long nowNanos) {
        PeerStats stats = stats(peer);
        if (interested && !stats.weInterested) {
            stats.weInterestedSince = nowNanos;
        }
        stats.weInterested = interested;
    }

    /** The peer sent {@code choke} ({@code true}) or {@code unchoke} ({@code false}). */
    public void peerChokesUs(P peer, boolean choking, long nowNanos) {
        PeerStats stats = stats(peer);
        if (!choking && stats.chokingUs) {
            stats.lastUnchokedUsAt = nowNanos;
        }
        stats.chokingUs = choking;
    }

    /** Payload bytes (piece data) that arrived from the peer. */
    public void received(P peer, long bytes, long nowNanos) {
        PeerStats stats = stats(peer);
        stats.received.add(bytes, nowNanos);
        if (bytes > 0) {
            stats.lastReceivedAt = nowNanos;
        }
    }

    /** Payload bytes we sent the peer. */
    public void sent(P peer, long bytes, long nowNanos) {
        stats(peer).sent.add(bytes, nowNanos);
    }

    /** Bytes per second from the peer over the rate window. */
    public double downloadRate(P peer, long nowNanos) {
        return stats(peer).received.bytesPerSecond(nowNanos);
    }

    /** Bytes per second to the peer over the rate window. */
    public double uploadRate(P peer, long nowNanos) {
        return stats(peer).sent.bytesPerSecond(nowNanos);
    }

    /**
     * Whether the peer snubs us: it unchoked us, we are interested, and no data came for
     * {@link ChokerSettings#snubNanos()}. Such a peer earns no reciprocation.
     */
    public boolean isSnubbed(P peer, long nowNanos) {
        PeerStats stats = stats(peer);
        if (stats.chokingUs || !stats.weInterested) {
            return false;
        }
        long since = Math.max(stats.lastReceivedAt, Math.max(stats.lastUnchokedUsAt, stats.weInterestedSince));
        return nowNanos - since >= settings.snubNanos();
    }

    public boolean isUnchoked(P peer) {
        return stats(peer).unchoked;
    }

    /**
     * Between rechokes: unchokes an interested peer at once when an upload slot is free, so a
     * newcomer need not wait up to 10 s for the next round (libtorrent does the same). Answers
     * whether to send it {@code unchoke}.
     */
    public boolean unchokeIfSlotFree(P peer, long nowNanos) {
        PeerStats stats = stats(peer);
        if (stats.unchoked || !stats.interested) {
            return false;
        }
        int unchoked = 0;
        for (PeerStats other : peers.values()) {
            if (other.unchoked && other.interested) {
                unchoked++;
            }
        }
        if (unchoked >= settings.uploadSlots()) {
            return false;
        }
        stats.unchoked = true;
        stats.unchokedAt = nowNanos;
        return true;
    }

    /** Decides the unchoked set for the coming round; {@code seeding} when we have every wanted piece. */
    public ChokeDecision<P> rechoke(long nowNanos, boolean seeding) {
        Set<P> next = seeding ? chooseSeeding(nowNanos) : chooseLeeching(nowNanos);
        Set<P> unchoke = new LinkedHashSet<>();
        Set<P> choke = new LinkedHashSet<>();
        for (Map.Entry<P, PeerStats> entry : peers.entrySet()) {
            PeerStats stats = entry.getValue();
            boolean keep = next.contains(entry.getKey());
            if (keep && !stats.unchoked) {
                stats.unchoked = true;
                stats.unchokedAt = nowNanos;
                unchoke.add(entry.getKey());
            } else if (!keep && stats.unchoked) {
                stats.unchoked = false;
                stats.chokedAt = nowNanos;
                choke.add(entry.getKey());
            }
        }
        Set<P> optimisticNow = seeding ? Set.of() : optimistic;
        return new ChokeDecision<>(unchoke, choke, next, optimisticNow);
    }

    private Set<P> chooseLeeching(long now) {
        List<P> interested = interestedPeers();
        int regularSlots = settings.uploadSlots() - settings.optimisticSlots();
        optimistic.retainAll(interested);
        boolean rotate = optimistic.size() < settings.optimisticSlots()
                || now - optimisticSince >= settings.optimisticIntervalNanos();
        if (rotate) {
            optimistic.clear();
        }

        // Reciprocation: who gave us most lately. Shuffled first so that equal rates (often 0) tie at random.
        List<P> reciprocating = new ArrayList<>();
        List<P> others = new ArrayList<>();
        for (P peer : interested) {
            if (optimistic.contains(peer)) {
                continue;
            }
            (isSnubbed(peer, now) ? others : reciprocating).add(peer);
        }
        shuffle(reciprocating);
        reciprocating.sort(Comparator.comparingDouble((P peer) -> stats(peer).received.bytesPerSecond(now)).reversed());
        Set<P> chosen = new LinkedHashSet<>();
        for (P peer : reciprocating) {
            if (chosen.size() == regularSlots) {
                others.add(peer);
            } else {
                chosen.add(peer);
            }
        }

        if (rotate) {
            List<P> pool = new ArrayList<>(others);
            while (optimistic.size() < settings.optimisticSlots() && !pool.isEmpty()) {
                P pick = weightedPick(pool, now);
                pool.remove(pick);
                optimistic.add(pick);
            }
            optimisticSince = now;
        }
        others.removeAll(optimistic);

        // Slots nobody reciprocates for are still worth filling: snubbed peers last.
        if (chosen.size() < regularSlots) {
            List<P> fill = new ArrayList<>(others);
            shuffle(fill);
            fill.sort(Comparator.comparing((P peer) -> isSnubbed(peer, now)));
            for (P peer : fill) {
                if (chosen.size() == regularSlots) {
                    break;
                }
                chosen.add(peer);
            }
        }
        chosen.addAll(optimistic);
        return chosen;
    }

    /** A peer drawn from {@code pool}, a new peer weighing three times as much as another. */
    private P weightedPick(List<P> pool, long now) {
        int total = 0;
        for (P peer : pool) {
            total += weight(peer, now);
        }
        int ticket = random.nextInt(total);
        for (P peer : pool) {
            ticket -= weight(peer, now);
            if (ticket < 0) {
                return peer;
            }
        }
        throw new IllegalStateException("weights changed during the draw");
    }

    private int weight(P peer, long now) {
        return now - stats(peer).connectedAt < settings.newPeerNanos() ? 3 : 1;
    }

    private Set<P> chooseSeeding(long now) {
        optimistic.clear();
        int slots = settings.uploadSlots();
        List<P> inTurn = new ArrayList<>();
        List<P> turnOver = new ArrayList<>();
        List<P> waiting = new ArrayList<>();
        for (P peer : interestedPeers()) {
            PeerStats stats = stats(peer);
            if (!stats.unchoked) {
                waiting.add(peer);
            } else if (now - stats.unchokedAt < settings.seedTurnNanos()) {
                inTurn.add(peer);
            } else {
                turnOver.add(peer);
            }
        }
        Comparator<P> fastestFirst =
                Comparator.comparingDouble((P peer) -> stats(peer).sent.bytesPerSecond(now)).reversed();
        inTurn.sort(fastestFirst);
        // Longest wait first; among equal waits, the peer we served fastest.
        waiting.sort(Comparator.comparingLong((P peer) -> stats(peer).chokedAt).thenComparing(fastestFirst));
        turnOver.sort(fastestFirst);
        Set<P> chosen = new LinkedHashSet<>();
        for (List<P> group : List.of(inTurn, waiting, turnOver)) {
            for (P peer : group) {
                if (chosen.size() == slots) {
                    return chosen;
                }
                chosen.add(peer);
            }
        }
        return chosen;
    }

    private List<P> interestedPeers() {
        List<P> interested = new ArrayList<>();
        for (Map.Entry<P, PeerStats> entry : peers.entrySet()) {
            if (entry.getValue().interested) {
                interested.add(entry.getKey());
            }
        }
        return interested;
    }

    private void shuffle(List<P> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, random.nextInt(i + 1));
        }
    }

    private PeerStats stats(P peer) {
        PeerStats stats = peers.get(peer);
        if (stats == null) {
            throw new IllegalArgumentException("unknown peer " + peer);
        }
        return stats;
    }
}
