package org.swarmport.peer.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.swarmport.peer.metainfo.PieceLayerProof;
import org.swarmport.peer.metainfo.PiecesRoot;
import org.swarmport.peer.wire.PeerMessage;

/**
 * The piece layers of a v2 or hybrid torrent started from a magnet link: BEP 9 brought the info
 * dictionary, which holds only each file's merkle root, so the piece hashes of every file larger
 * than a piece are fetched from peers with BEP 52 hash requests, in libtorrent's chunks of 512,
 * each answer checked against its root before it is kept. A request a peer refuses, ignores for
 * {@link #TIMEOUT_NANOS} or leaves unanswered when it goes is asked of another peer.
 *
 * <p>Used on the network thread only. {@code P} is the peer type (a connection in the session).
 */
final class PieceLayerFetch<P> {

    /** How long a peer may leave a hash request unanswered before another peer is asked. */
    static final long TIMEOUT_NANOS = 15_000_000_000L;
    /** Hash requests outstanding per peer. */
    static final int PER_PEER = 4;

    /** What a received {@code hashes} or {@code hash reject} meant. */
    enum Outcome {
        /** The hashes proved to their root and are kept. */
        ACCEPTED,
        /** An answer to nothing we asked this peer: late, or made up; ignored. */
        UNSOLICITED,
        /** The hashes do not prove to the root from the metadata: the peer sent bad data. */
        INVALID
    }

    private final long pieceLength;
    private final int baseLayer;
    private final Map<PiecesRoot, byte[]> layers = new LinkedHashMap<>();
    private final Map<PiecesRoot, Integer> pieces;
    private final List<Chunk> missing = new ArrayList<>();
    private final Map<Chunk, Asked<P>> asked = new HashMap<>();

    private record Chunk(PiecesRoot root, PieceLayerProof.Range range) {
    }

    private record Asked<P>(P peer, long sinceNanos) {
    }

    /** @param pieces for each root whose layer is needed, its file's piece count */
    PieceLayerFetch(Map<PiecesRoot, Integer> pieces, long pieceLength) {
        this.pieces = Map.copyOf(pieces);
        this.pieceLength = pieceLength;
        this.baseLayer = PieceLayerProof.baseLayer(pieceLength);
        for (Map.Entry<PiecesRoot, Integer> file : pieces.entrySet()) {
            layers.put(file.getKey(), new byte[file.getValue() * 32]);
            for (PieceLayerProof.Range range : PieceLayerProof.requests(file.getValue())) {
                missing.add(new Chunk(file.getKey(), range));
            }
        }
    }

    /** The next request to send {@code peer}, if any is unasked (or its asker timed out) and the peer has room. */
    Optional<PeerMessage.HashMessage> next(P peer, long nowNanos) {
        asked.entrySet().removeIf(e -> nowNanos - e.getValue().sinceNanos() > TIMEOUT_NANOS);
        if (asked.values().stream().filter(a -> a.peer().equals(peer)).count() >= PER_PEER) {
            return Optional.empty();
        }
        for (Chunk chunk : missing) {
            if (!asked.containsKey(chunk)) {
                asked.put(chunk, new Asked<>(peer, nowNanos));
                PieceLayerProof.Range r = chunk.range();
                return Optional.of(PeerMessage.HashMessage.request(chunk.root().bytes(), baseLayer, r.index(), r.count(),
                        r.proofLayers()));
            }
        }
        return Optional.empty();
    }

    /** A {@code hashes} message from {@code peer}. */
    Outcome accept(P peer, PeerMessage.HashMessage answer) {
        Chunk chunk = chunkOf(peer, answer);
        if (chunk == null) {
            return Outcome.UNSOLICITED;
        }
        asked.remove(chunk);
        int count = pieces.get(chunk.root());
        Optional<byte[]> proven = PieceLayerProof.verify(chunk.root().bytes(), pieceLength, count, answer.index(),
                answer.length(), answer.proofLayers(), answer.hashes());
        if (proven.isEmpty()) {
            return Outcome.INVALID;
        }
        int real = Math.min(answer.length(), count - answer.index());
        System.arraycopy(proven.get(), 0, layers.get(chunk.root()), answer.index() * 32, real * 32);
        missing.remove(chunk);
        return Outcome.ACCEPTED;
    }

    /** A {@code hash reject}: someone else is asked. */
    void rejected(P peer, PeerMessage.HashMessage reject) {
        Chunk chunk = chunkOf(peer, reject);
        if (chunk != null) {
            asked.remove(chunk);
        }
    }

    /** The peer is gone: what it was asked goes to others. */
    void abandoned(P peer) {
        asked.values().removeIf(a -> a.peer().equals(peer));
    }

    boolean isComplete() {
        return missing.isEmpty();
    }

    /** Root → piece layer, once {@link #isComplete()}. */
    Map<PiecesRoot, byte[]> layers() {
        if (!isComplete()) {
            throw new IllegalStateException(missing.size() + " chunks of piece hashes are still missing");
        }
        return Map.copyOf(layers);
    }

    private Chunk chunkOf(P peer, PeerMessage.HashMessage message) {
        if (message.baseLayer() != baseLayer) {
            return null;
        }
        PiecesRoot root = PiecesRoot.of(message.piecesRoot());
        for (Map.Entry<Chunk, Asked<P>> entry : asked.entrySet()) {
            Chunk chunk = entry.getKey();
            PieceLayerProof.Range r = chunk.range();
            if (entry.getValue().peer().equals(peer) && chunk.root().equals(root) && r.index() == message.index()
                    && r.count() == message.length() && r.proofLayers() == message.proofLayers()) {
                return chunk;
            }
        }
        return null;
    }
}
