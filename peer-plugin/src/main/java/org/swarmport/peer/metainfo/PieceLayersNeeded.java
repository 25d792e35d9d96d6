package org.swarmport.peer.metainfo;

import java.util.Map;

/**
 * What a bare v2 or hybrid info dictionary lacks before it is a usable torrent (BEP 52 keeps
 * {@code piece layers} outside it): for each file larger than a piece, each root once and in
 * file order, its piece count; and the piece length, which the hash requests for them need.
 */
public record PieceLayersNeeded(long pieceLength, Map<PiecesRoot, Integer> piecesPerRoot) {

    public PieceLayersNeeded {
        piecesPerRoot = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(piecesPerRoot));
    }

    public boolean isEmpty() {
        return piecesPerRoot.isEmpty();
    }
}
