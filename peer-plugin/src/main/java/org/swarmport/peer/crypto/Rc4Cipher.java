package org.swarmport.peer.crypto;

import java.nio.ByteBuffer;
import org.bouncycastle.crypto.engines.RC4Engine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * RC4 (Bouncy Castle's engine; the JDK has none) keyed for one direction of an MSE stream, with
 * the first 1024 bytes of keystream thrown away as the MSE specification demands: RC4's early
 * output is biased and leaks key bits.
 */
final class Rc4Cipher implements WireCipher {

    /** Keystream bytes MSE discards before the first byte it encrypts. */
    static final int DISCARD = 1024;

    private static final int SCRATCH = 16 * 1024;

    private final RC4Engine engine = new RC4Engine();
    private byte[] scratch;

    Rc4Cipher(byte[] key) {
        engine.init(true, new KeyParameter(key));
        byte[] discard = new byte[DISCARD];
        engine.processBytes(discard, 0, DISCARD, discard, 0);
    }

    @Override
    public void apply(byte[] bytes, int offset, int length) {
        engine.processBytes(bytes, offset, length, bytes, offset);
    }

    @Override
    public void apply(ByteBuffer buffer) {
        int position = buffer.position();
        int length = buffer.remaining();
        if (buffer.hasArray()) {
            apply(buffer.array(), buffer.arrayOffset() + position, length);
            return;
        }
        if (scratch == null) {
            scratch = new byte[SCRATCH];
        }
        for (int done = 0; done < length; ) {
            int chunk = Math.min(SCRATCH, length - done);
            buffer.get(position + done, scratch, 0, chunk);
            engine.processBytes(scratch, 0, chunk, scratch, 0);
            buffer.put(position + done, scratch, 0, chunk);
            done += chunk;
        }
    }

    @Override
    public boolean isIdentity() {
        return false;
    }

    @Override
    public String toString() {
        return "RC4";
    }
}
