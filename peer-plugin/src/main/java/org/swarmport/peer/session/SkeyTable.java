package org.swarmport.peer.session;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.swarmport.peer.crypto.EncryptionPolicy;
import org.swarmport.peer.crypto.SkeyIndex;

/**
 * A client's torrents as its MSE responders find them: SKEYs by {@code HASH('req2', SKEY)}.
 * Added and removed by the caller of {@code Client.add} and {@code remove}, read on the network
 * thread.
 *
 * <p>A client whose policy is {@link EncryptionPolicy#DISABLED} refuses every MSE handshake before
 * it would look a torrent up, so it keeps nothing here and hashes nothing when a torrent is added.
 * That hash is not free in a cold JVM: in a JFR of issue #6's benchmark, SHA-1 over these few bytes
 * while the disk threads started hashing whole pieces made C2 recompile
 * {@code DigestBase.engineUpdate} for the small input.
 */
final class SkeyTable implements SkeyIndex {

    private final boolean answersMse;
    private final Map<ByteBuffer, byte[]> byReq2 = new ConcurrentHashMap<>();

    SkeyTable(EncryptionPolicy policy) {
        this.answersMse = policy != EncryptionPolicy.DISABLED;
    }

    void add(byte[] skey) {
        if (answersMse) {
            byReq2.put(ByteBuffer.wrap(SkeyIndex.req2Hash(skey)), skey.clone());
        }
    }

    void remove(byte[] skey) {
        if (answersMse) {
            byReq2.remove(ByteBuffer.wrap(SkeyIndex.req2Hash(skey)));
        }
    }

    @Override
    public byte[] find(byte[] req2Hash) {
        byte[] skey = byReq2.get(ByteBuffer.wrap(req2Hash));
        return skey == null ? null : skey.clone();
    }
}
