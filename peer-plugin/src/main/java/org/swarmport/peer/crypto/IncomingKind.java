package org.swarmport.peer.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * What the first bytes of an incoming connection are: a plaintext BitTorrent handshake starts
 * with the byte 19 and "BitTorrent protocol" (BEP 3); anything else is taken for an MSE handshake,
 * whose first 96 bytes are a random-looking Diffie-Hellman key. A key that happens to begin with
 * those 20 bytes has a chance of 2^-160, so the rule never misjudges a real peer. The answer
 * comes as early as the bytes allow: the first byte that differs from the prefix decides
 * {@link #ENCRYPTED}.
 */
public enum IncomingKind {
    /** BEP 3 plaintext handshake. */
    PLAINTEXT,
    /** Not a plaintext handshake: try MSE. */
    ENCRYPTED,
    /** Every byte so far matches the plaintext prefix; need more. */
    UNDECIDED;

    /** Bytes that decide: pstrlen 19, then pstr "BitTorrent protocol". */
    public static final int PREFIX_LENGTH = 20;

    private static final byte[] PLAINTEXT_PREFIX = plaintextPrefix();

    /** Classifies {@code length} bytes of {@code bytes} from {@code offset}, the start of a connection. */
    public static IncomingKind classify(byte[] bytes, int offset, int length) {
        int n = Math.min(length, PREFIX_LENGTH);
        for (int i = 0; i < n; i++) {
            if (bytes[offset + i] != PLAINTEXT_PREFIX[i]) {
                return ENCRYPTED;
            }
        }
        return n == PREFIX_LENGTH ? PLAINTEXT : UNDECIDED;
    }

    /** Classifies the bytes between {@code buffer}'s position and limit without moving either. */
    public static IncomingKind classify(ByteBuffer buffer) {
        byte[] head = new byte[Math.min(buffer.remaining(), PREFIX_LENGTH)];
        buffer.get(buffer.position(), head, 0, head.length);
        return classify(head, 0, head.length);
    }

    private static byte[] plaintextPrefix() {
        byte[] protocol = "BitTorrent protocol".getBytes(StandardCharsets.US_ASCII);
        byte[] prefix = new byte[1 + protocol.length];
        prefix[0] = (byte) protocol.length;
        System.arraycopy(protocol, 0, prefix, 1, protocol.length);
        return prefix;
    }
}
