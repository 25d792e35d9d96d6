package org.swarmport.peer.discovery;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.swarmport.peer.metainfo.InfoHash;

/**
 * What a {@link PeerSource} knows of the torrent it finds peers for. Plain values, so that
 * sources depend on nothing in the engine.
 *
 * @param infoHashes   the torrent's hashes, v1 first; a hybrid torrent has two and is announced
 *                     with both (the v2 one truncated, BEP 52)
 * @param peerId       our 20-byte peer id
 * @param port         where we accept peer connections
 * @param trackerTiers the trackers, tier by tier (BEP 12); a magnet link gives one tier per
 *                     {@code tr}
 * @param isPrivate    BEP 27: only the torrent's trackers may be used, no PEX, no DHT
 * @param totals       the current transfer figures, read at each announce
 * @param sink         where to deliver peers
 */
public record PeerSourceContext(List<InfoHash> infoHashes, byte[] peerId, int port, List<List<String>> trackerTiers,
                                boolean isPrivate, Supplier<TransferTotals> totals, PeerSink sink) {

    public PeerSourceContext {
        infoHashes = List.copyOf(infoHashes);
        if (infoHashes.isEmpty()) {
            throw new IllegalArgumentException("a torrent has at least one info-hash");
        }
        if (peerId.length != 20) {
            throw new IllegalArgumentException("a peer id has 20 bytes, not " + peerId.length);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port outside 1..65535: " + port);
        }
        peerId = peerId.clone();
        trackerTiers = trackerTiers.stream().map(List::copyOf).collect(Collectors.toUnmodifiableList());
        Objects.requireNonNull(totals, "totals");
        Objects.requireNonNull(sink, "sink");
    }

    @Override
    public byte[] peerId() {
        return peerId.clone();
    }
}
