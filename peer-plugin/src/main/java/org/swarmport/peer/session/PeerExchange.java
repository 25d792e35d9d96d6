package org.swarmport.peer.session;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.swarmport.peer.crypto.EncryptionPolicy;
import org.swarmport.peer.pex.PexException;
import org.swarmport.peer.pex.PexMessage;
import org.swarmport.peer.pex.PexPeer;
import org.swarmport.peer.pex.PexState;
import org.swarmport.peer.wire.PeerMessage;
import org.swarmport.peer.wire.WireException;

/**
 * Peer exchange (BEP 11, {@code ut_pex}) for one torrent: what we tell each connected peer
 * about the others ({@link PexState}: at most once a minute, at most 50 added and 50 dropped),
 * and which peers we learn from theirs. Learned peers are deduplicated, bounded, never our own
 * listening address, and their flags count: when we seed, a seed is not worth a connection;
 * with {@link EncryptionPolicy#PREFERRED} a peer that says it prefers encryption gets MSE first
 * and one that does not gets plaintext first (a round trip saved, as libtorrent does). A private
 * torrent (BEP 27) has no PEX at all: it is not offered in the extension handshake, so a peer
 * cannot send it under our id. On the network thread.
 */
final class PeerExchange {

    static final String UT_PEX = "ut_pex";
    /** Our BEP 10 id for ut_pex (ut_metadata has 2). */
    static final int UT_PEX_ID = 1;
    /** Learned addresses remembered for their encryption preference; the oldest are forgotten. */
    static final int MAX_REMEMBERED = 1000;

    private boolean enabled;
    private final int listenPort;
    private final Set<InetAddress> ownAddresses;
    private final Map<PeerConnection, PexState> states = new HashMap<>();
    private final Map<InetSocketAddress, Boolean> prefersEncryption = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<InetSocketAddress, Boolean> eldest) {
            return size() > MAX_REMEMBERED;
        }
    };

    PeerExchange(boolean privateTorrent, int listenPort, InetAddress bindAddress) {
        this.enabled = !privateTorrent;
        this.listenPort = listenPort;
        this.ownAddresses = localAddresses(bindAddress);
    }

    /** The addresses a learned peer could have that are in fact us: the bound one, or every local one. */
    private static Set<InetAddress> localAddresses(InetAddress bindAddress) {
        Set<InetAddress> own = new HashSet<>();
        own.add(bindAddress);
        if (bindAddress.isAnyLocalAddress()) {
            try {
                for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                    own.addAll(Collections.list(nic.getInetAddresses()));
                }
            } catch (SocketException e) {
                // without the list, loopback and the wildcard are still recognised below
            }
        }
        return own;
    }

    boolean isOwn(InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        return address.getPort() == listenPort && ip != null
                && (ownAddresses.contains(ip) || ip.isLoopbackAddress() && ownAddresses.stream()
                .anyMatch(a -> a.isLoopbackAddress() || a.isAnyLocalAddress()) || ip.isAnyLocalAddress());
    }

    /** BEP 27: the metadata of a magnet link said private; no more PEX for it. */
    void disable() {
        enabled = false;
        states.clear();
    }

    boolean isEnabled() {
        return enabled;
    }

    /** Our extension handshake's {@code m}: the other extensions, plus ut_pex unless private. */
    Map<String, Integer> extensions(Map<String, Integer> others) {
        if (!enabled) {
            return others;
        }
        Map<String, Integer> all = new LinkedHashMap<>(others);
        all.put(UT_PEX, UT_PEX_ID);
        return all;
    }

    /** Sends each peer that speaks ut_pex what changed, when its minute has passed. */
    void tick(List<PeerConnection> peers, Instant now) {
        if (!enabled) {
            return;
        }
        List<PexPeer> connected = new ArrayList<>(peers.size());
        for (PeerConnection peer : peers) {
            advertised(peer).ifPresent(connected::add);
        }
        for (PeerConnection peer : peers) {
            OptionalInt id = peer.peerExtensions == null ? OptionalInt.empty() : peer.peerExtensions.idOf(UT_PEX);
            if (id.isEmpty() || peer.phase() != PeerConnection.Phase.ACTIVE) {
                continue;
            }
            Optional<InetSocketAddress> self = listenAddress(peer);
            List<PexPeer> others = new ArrayList<>(connected.size());
            for (PexPeer other : connected) {
                if (self.isEmpty() || !other.address().equals(self.get())) {
                    others.add(other);
                }
            }
            states.computeIfAbsent(peer, p -> new PexState()).next(others, now)
                    .ifPresent(message -> peer.send(new PeerMessage.Extended(id.getAsInt(), message.encode())));
        }
    }

    /**
     * A peer as we advertise it: where it listens (the address we connected to, or its IP with the
     * port of its extension handshake, BEP 10 {@code p}); none for an incoming peer that gave no port.
     */
    private static Optional<PexPeer> advertised(PeerConnection peer) {
        if (peer.phase() != PeerConnection.Phase.ACTIVE) {
            return Optional.empty(); // BEP 11: only peers whose connection is established
        }
        return listenAddress(peer).map(address -> new PexPeer(address,
                (peer.isEncrypted() ? PexPeer.PREFERS_ENCRYPTION : 0) | (peer.outgoing ? PexPeer.REACHABLE : 0)));
    }

    private static Optional<InetSocketAddress> listenAddress(PeerConnection peer) {
        if (peer.outgoing) {
            return Optional.of(peer.address);
        }
        if (peer.peerExtensions == null || peer.peerExtensions.listenPort().isEmpty()
                || peer.peerExtensions.listenPort().getAsInt() == 0 || peer.address.getAddress() == null) {
            return Optional.empty();
        }
        return Optional.of(new InetSocketAddress(peer.address.getAddress(), peer.peerExtensions.listenPort().getAsInt()));
    }

    /**
     * A ut_pex message from a peer: the peers worth connecting to, in its order, without us,
     * without duplicates, and without seeds when {@code seeding}. Dropped peers are not acted on:
     * a peer that left one swarm member may still be reachable to us.
     */
    List<InetSocketAddress> received(byte[] payload, boolean seeding) throws WireException {
        if (!enabled) {
            return List.of();
        }
        PexMessage message;
        try {
            message = PexMessage.parse(payload);
        } catch (PexException e) {
            throw new WireException("ut_pex: " + e.getMessage());
        }
        List<InetSocketAddress> found = new ArrayList<>(message.added().size());
        for (PexPeer peer : message.added()) {
            if (isOwn(peer.address()) || (seeding && peer.has(PexPeer.SEED)) || found.contains(peer.address())
                    || peer.address().getPort() == 0) {
                continue;
            }
            prefersEncryption.put(peer.address(), peer.has(PexPeer.PREFERS_ENCRYPTION));
            found.add(peer.address());
        }
        return found;
    }

    /** How to connect to {@code address}: our policy, refined by what PEX said of the peer. */
    EncryptionPolicy policyFor(InetSocketAddress address, EncryptionPolicy ours) {
        Boolean prefers = prefersEncryption.get(address);
        if (prefers == null || ours != EncryptionPolicy.PREFERRED) {
            return ours;
        }
        return prefers ? EncryptionPolicy.PREFERRED : EncryptionPolicy.DISABLED;
    }

    /**
     * A peer PEX gave without the encryption flag closed our plaintext connection before it
     * answered the handshake: perhaps it takes only encrypted connections, and the flag is only a
     * preference (BEP 11). Answers whether to dial it once more with MSE, as libtorrent's
     * outgoing {@code pe_enabled} does; from then on it is dialled encrypted first, so this
     * happens once per peer.
     */
    boolean retryEncrypted(InetSocketAddress address, EncryptionPolicy ours) {
        if (ours != EncryptionPolicy.PREFERRED || !Boolean.FALSE.equals(prefersEncryption.get(address))) {
            return false;
        }
        prefersEncryption.put(address, true);
        return true;
    }

    void closed(PeerConnection peer) {
        states.remove(peer);
    }
}
