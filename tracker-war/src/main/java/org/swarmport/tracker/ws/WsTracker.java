package org.swarmport.tracker.ws;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;
import org.swarmport.tracker.announce.SwarmHashes;
import org.swarmport.tracker.config.TrackerMode;
import org.swarmport.tracker.stats.TrackerCounters;
import org.swarmport.tracker.stats.TrackerCounters.Protocol;
import org.swarmport.tracker.swarm.AnnounceEvent;
import org.swarmport.tracker.swarm.SwarmCounts;
import org.swarmport.tracker.swarm.SwarmRegistry;

/**
 * The WebTorrent tracker's logic, without the socket: one text message in, the answer and
 * the relayed offers and answers out through {@link BrowserSocket}s. The same admission as
 * HTTP (registered mode: catalogue torrents only; a hybrid's v2 hash joins its v1 swarm),
 * and counts that add the registry's HTTP and UDP peers to the browsers'.
 *
 * <p>Counted as {@code Protocol.WEBSOCKET}: announces and scrapes answered, and failures. An
 * answer relayed to its offerer is neither: it is half of a connection between two peers,
 * not a visit to the tracker.
 */
final class WsTracker {

    /**
     * Seconds between a browser's announces. Shorter than HTTP's, as bittorrent-tracker's
     * (its interval / 5, 2 min by default): a browser's offers go stale within a minute or so,
     * and fresh ones reach peers that joined since.
     */
    static final int INTERVAL_SECONDS = 120;

    private static final Logger LOG = Logger.getLogger(WsTracker.class.getName());

    private final SignallingSwarms browsers;
    private final SwarmRegistry registry;
    private final SwarmHashes catalogue;
    private final TrackerMode mode;
    private final TrackerCounters counters;
    private final WsLimits limits;
    private final WsRequestParser parser;
    private final LongSupplier clock;
    private final Supplier<? extends RandomGenerator> random;

    /**
     * @param clock  milliseconds on a clock that does not jump back (last seen, expiry)
     * @param random per call, since sockets' threads share the tracker: ThreadLocalRandom::current
     */
    WsTracker(SignallingSwarms browsers, SwarmRegistry registry, SwarmHashes catalogue, TrackerMode mode,
              TrackerCounters counters, WsLimits limits, LongSupplier clock, Supplier<? extends RandomGenerator> random) {
        this.browsers = browsers;
        this.registry = registry;
        this.catalogue = catalogue;
        this.mode = mode;
        this.counters = counters;
        this.limits = limits;
        this.parser = new WsRequestParser(limits.maxOffers());
        this.clock = clock;
        this.random = random;
    }

    /** Acts on one message of {@code connection}; every problem is answered, none thrown. */
    void onMessage(WsConnection connection, String text) {
        WsRequest request;
        try {
            request = parser.parse(text);
        } catch (WsRequestException e) {
            fail(connection, WsMessages.failure(e.getMessage()));
            return;
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "unreadable WebSocket tracker message", e);
            fail(connection, WsMessages.failure("unreadable message"));
            return;
        }
        if (request instanceof WsRequest.Announce announce) {
            try {
                announce(connection, announce);
            } catch (WsRequestException e) {
                fail(connection, WsMessages.failure("announce", announce.infoHash(), e.getMessage()));
            }
        } else if (request instanceof WsRequest.Scrape scrape) {
            try {
                scrape(connection, scrape);
            } catch (WsRequestException e) {
                fail(connection, WsMessages.failure("scrape", null, e.getMessage()));
            }
        }
    }

    /** The socket closed: its peers leave every swarm they were in, as after a {@code stopped}. */
    void onClose(WsConnection connection) {
        for (WsConnection.Joined joined : connection.leaveAll()) {
            browsers.leave(joined.swarmHash(), joined.peerId(), connection.socket());
        }
    }

    /** Forgets browser peers silent for longer than the idle timeout whose socket is still open. */
    int expire() {
        return browsers.expire(clock.getAsLong() - limits.idleTimeout().toMillis());
    }

    private void announce(WsConnection connection, WsRequest.Announce announce) {
        byte[] swarmHash = swarmHash(announce.infoHash());
        if (announce.answer() != null) {
            relayAnswer(connection, announce, swarmHash);
            return;
        }
        WsConnection.Joined joined = connection.joined(swarmHash);
        if (joined != null && !joined.peerId().equals(announce.peerId())) {
            throw new WsRequestException("this connection is in the swarm under another peer_id");
        }
        if (announce.event() == AnnounceEvent.STOPPED) {
            browsers.leave(swarmHash, announce.peerId(), connection.socket());
            connection.leave(swarmHash);
            counters.announce(Protocol.WEBSOCKET);
            connection.socket().send(WsMessages.announced(announce.infoHash(), counts(swarmHash), INTERVAL_SECONDS));
            return;
        }
        if (joined == null && connection.swarms() >= limits.maxSwarmsPerConnection()) {
            throw new WsRequestException("too many torrents on one connection: at most "
                    + limits.maxSwarmsPerConnection());
        }
        SignallingSwarms.Member self = new SignallingSwarms.Member(announce.peerId(), announce.infoHash(),
                connection.socket());
        SignallingSwarms.Joined result = browsers.announce(swarmHash, self,
                announce.leftKnown() ? announce.seeder() : null, announce.event(), clock.getAsLong(),
                announce.offers().size(), random.get());
        connection.join(swarmHash, announce.peerId());
        counters.announce(Protocol.WEBSOCKET);
        connection.socket().send(WsMessages.announced(announce.infoHash(),
                withRegistry(swarmHash, result.counts()), INTERVAL_SECONDS));
        List<SignallingSwarms.Member> targets = result.offerTargets();
        for (int i = 0; i < targets.size(); i++) {
            SignallingSwarms.Member target = targets.get(i);
            target.socket().send(WsMessages.offer(target.infoHash(), announce.peerId(), announce.offers().get(i)));
        }
    }

    /**
     * An answer goes to the peer it names, only if that peer is in the same swarm, and only
     * from a peer that is in it on this socket: no relaying for strangers. Nothing is sent
     * back on success, as bittorrent-tracker does.
     */
    private void relayAnswer(WsConnection connection, WsRequest.Announce announce, byte[] swarmHash) {
        if (!browsers.touch(swarmHash, announce.peerId(), connection.socket(), clock.getAsLong())) {
            throw new WsRequestException("announce before answering: this peer_id is not in the swarm on this connection");
        }
        SignallingSwarms.Member target = browsers.member(swarmHash, announce.answer().toPeerId());
        if (target == null) {
            throw new WsRequestException("no peer with that to_peer_id in this swarm");
        }
        target.socket().send(WsMessages.answer(target.infoHash(), announce.peerId(), announce.answer()));
    }

    private void scrape(WsConnection connection, WsRequest.Scrape scrape) {
        if (scrape.infoHashes().isEmpty()) {
            throw new WsRequestException("scrape needs info_hash: this tracker has no full scrape over WebSocket");
        }
        Map<String, SwarmCounts> files = new LinkedHashMap<>();
        for (String infoHash : scrape.infoHashes()) {
            byte[] swarmHash = admitted(infoHash);
            if (swarmHash != null) {
                files.put(infoHash, counts(swarmHash));
            }
        }
        counters.scrape(Protocol.WEBSOCKET);
        connection.socket().send(WsMessages.scraped(files, INTERVAL_SECONDS));
    }

    private byte[] swarmHash(String infoHash) {
        byte[] swarmHash = admitted(infoHash);
        if (swarmHash == null) {
            throw new WsRequestException("unregistered torrent: this tracker only tracks torrents in its catalogue");
        }
        return swarmHash;
    }

    /**
     * The swarm the hash belongs to, as for HTTP: the catalogue's (which joins a hybrid
     * torrent's two hashes), else in open mode the hash itself; null when not tracked.
     */
    private byte[] admitted(String infoHash) {
        byte[] hash = WsRequest.bytes(infoHash);
        byte[] known = catalogue.swarmHashOf(hash);
        return known != null ? known : mode == TrackerMode.OPEN ? hash : null;
    }

    /** One torrent's numbers: browser peers plus HTTP and UDP peers. */
    private SwarmCounts counts(byte[] swarmHash) {
        return withRegistry(swarmHash, browsers.counts(swarmHash));
    }

    private SwarmCounts withRegistry(byte[] swarmHash, SwarmCounts browserCounts) {
        return registry.scrape(swarmHash).map(browserCounts::plus).orElse(browserCounts);
    }

    private void fail(WsConnection connection, String message) {
        counters.failure(Protocol.WEBSOCKET);
        connection.socket().send(message);
    }
}
