package org.swarmport.peer.swarm;

import java.net.InetAddress;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Peers whose data failed hash checks, by IP address, and the ones banned for it. The engine
 * drops a banned peer's connection and refuses it when it comes back.
 *
 * <p>Blame follows what is known. A peer that sent every block of a failed piece certainly sent
 * the bad data: banned at once. When several peers contributed, each gets a strike, and a peer
 * reaching the strike threshold is banned: an honest peer rarely shares more than one bad piece,
 * a poisoner shares many. With v2 block hashes (BEP 52 merkle trees) the caller can find the
 * exact bad 16 KiB block and so its sender: {@link #badBlock} bans at once. Keyed by address,
 * not connection, so reconnecting, or a second connection from the same host, does not wipe the
 * slate. Single-threaded like the rest of the swarm logic.
 */
public final class BanList {

    /** Strikes after which a shared failure bans: libtorrent's smart ban is of the same spirit. */
    public static final int DEFAULT_STRIKES = 3;

    private final int strikesToBan;
    private final Map<InetAddress, Integer> strikes = new HashMap<>();
    private final Map<InetAddress, String> banned = new HashMap<>();

    public BanList(int strikesToBan) {
        if (strikesToBan < 1) {
            throw new IllegalArgumentException("strikes to ban " + strikesToBan + " must be at least 1");
        }
        this.strikesToBan = strikesToBan;
    }

    public BanList() {
        this(DEFAULT_STRIKES);
    }

    /** Whether to refuse the address. */
    public boolean isBanned(InetAddress address) {
        return banned.containsKey(address);
    }

    /** Why the address was banned, when it is. */
    public Optional<String> reason(InetAddress address) {
        return Optional.ofNullable(banned.get(address));
    }

    /** Strikes counted against the address so far. */
    public int strikes(InetAddress address) {
        return strikes.getOrDefault(address, 0);
    }

    /**
     * Piece {@code piece} failed its hash check and these addresses sent its blocks. Answers
     * the addresses banned by this failure (drop their connections).
     */
    public Set<InetAddress> hashFailed(int piece, Collection<InetAddress> contributors) {
        Set<InetAddress> distinct = new LinkedHashSet<>(contributors);
        Set<InetAddress> newlyBanned = new LinkedHashSet<>();
        if (distinct.size() == 1) {
            InetAddress only = distinct.iterator().next();
            if (ban(only, "sent all of piece " + piece + ", which failed its hash check")) {
                newlyBanned.add(only);
            }
            return newlyBanned;
        }
        for (InetAddress address : distinct) {
            int count = strikes.merge(address, 1, Integer::sum);
            if (count >= strikesToBan && ban(address, "contributed to " + count + " pieces that failed their hash check"
                    + " (the last: piece " + piece + ")")) {
                newlyBanned.add(address);
            }
        }
        return newlyBanned;
    }

    /**
     * The failed piece of a {@link PieceFailure}, with {@code addressOf} mapping its peers to
     * their addresses. Answers the addresses banned by it.
     */
    public <P> Set<InetAddress> hashFailed(PieceFailure<P> failure, Function<P, InetAddress> addressOf) {
        return hashFailed(failure.piece(), failure.senders().stream().map(addressOf).toList());
    }

    /**
     * A block proved bad by its v2 merkle hash: its sender is banned at once. Answers whether
     * the address was not banned before.
     */
    public boolean badBlock(InetAddress sender, Block block) {
        return ban(sender, "sent block " + block.index() + " of piece " + block.piece() + ", which failed its v2 block hash");
    }

    /** Bans the address for {@code reason}; answers whether it was not banned before. */
    public boolean ban(InetAddress address, String reason) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(reason, "reason");
        return banned.putIfAbsent(address, reason) == null;
    }

    /** Banned addresses. */
    public int size() {
        return banned.size();
    }
}
