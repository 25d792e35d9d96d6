package org.swarmport.peer.crypto;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.swarmport.peer.metainfo.InfoHash;

/**
 * The torrents a responder serves, as MSE finds them: the initiator names its torrent only as
 * {@code HASH('req2', SKEY)} (hidden under {@code xor HASH('req3', S)}), so the responder looks
 * that hash up among the SKEYs (20-byte info-hashes) it knows. An engine with a changing set of
 * torrents implements this over its own map keyed by {@link #req2Hash}; {@link #of} makes a fixed
 * one. Called on the network thread.
 */
@FunctionalInterface
public interface SkeyIndex {

    /** The SKEY whose {@code HASH('req2', SKEY)} is {@code req2Hash}, or null when no torrent here has it. */
    byte[] find(byte[] req2Hash);

    /** {@code HASH('req2', skey)}: the key to index a torrent under. */
    static byte[] req2Hash(byte[] skey) {
        return MseKeys.req2(skey);
    }

    /**
     * The SKEY of a torrent: its info-hash as it travels in the handshake, 20 bytes (a v2 hash
     * truncated, BEP 52).
     */
    static byte[] skeyOf(InfoHash infoHash) {
        return infoHash.truncated();
    }

    /** A fixed index over {@code skeys} (each copied). */
    static SkeyIndex of(Collection<byte[]> skeys) {
        Map<ByteBuffer, byte[]> byHash = new HashMap<>();
        for (byte[] skey : skeys) {
            byHash.put(ByteBuffer.wrap(req2Hash(skey)), skey.clone());
        }
        return req2Hash -> {
            byte[] skey = byHash.get(ByteBuffer.wrap(req2Hash));
            return skey == null ? null : skey.clone();
        };
    }
}
