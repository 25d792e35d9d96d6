package org.swarmport.peer.crypto;

import java.nio.ByteBuffer;

/**
 * One direction of a peer connection after its handshake: RC4 for an encrypted stream, the
 * identity for a plaintext one. A stream cipher keeps its position, so every byte of the
 * direction must pass through it exactly once and in order. Not thread-safe.
 */
public interface WireCipher {

    /** The identity: plaintext connections, and MSE connections that selected plaintext. */
    WireCipher PLAINTEXT = new WireCipher() {
        @Override
        public void apply(byte[] bytes, int offset, int length) {
        }

        @Override
        public void apply(ByteBuffer buffer) {
        }

        @Override
        public boolean isIdentity() {
            return true;
        }

        @Override
        public String toString() {
            return "plaintext";
        }
    };

    /** Encrypts or decrypts (the same for a stream cipher) {@code length} bytes in place. */
    void apply(byte[] bytes, int offset, int length);

    /**
     * Encrypts or decrypts the bytes between {@code buffer}'s position and limit in place; the
     * position and limit are left as they were. Heap and direct buffers both work.
     */
    void apply(ByteBuffer buffer);

    /** True when {@link #apply} changes nothing, so a caller may skip it (and use zero-copy sends). */
    boolean isIdentity();
}
