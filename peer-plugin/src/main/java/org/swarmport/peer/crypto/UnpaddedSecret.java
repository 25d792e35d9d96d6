package org.swarmport.peer.crypto;

import java.util.Arrays;

/**
 * libtorrent's mistake with a shared secret S that begins with a zero byte, and how we live with
 * it. Builds of libtorrent that do their Diffie-Hellman arithmetic with boost.multiprecision
 * (2.0.8, Debian 12's, among them) write S for {@code HASH('req3', S)} without left-padding: the
 * 95 significant bytes go first and the 96th byte of the buffer is whatever was on the stack.
 * Everything else (the {@code req1} marker, the RC4 keys) uses the padded S, so only the
 * obfuscated torrent identity comes out wrong — for about one connection in 256, in both
 * directions (seen here: 12 of 1,500 handshakes with a libtorrent 2.0.8 seed, exactly those).
 *
 * <ul>
 * <li>As the responder we can still identify the torrent: the unknown byte has 256 values, and
 *     256 SHA-1s of 100 bytes cost microseconds ({@link #candidateReq3Masks}).
 * <li>As the initiator we cannot guess what libtorrent will compute; it hangs up, and the
 *     connection is dialled again at once with a fresh key ({@link #affects}).
 * </ul>
 */
final class UnpaddedSecret {

    private UnpaddedSecret() {
    }

    /** True when {@code secret} (96 bytes, padded) is one libtorrent hashes unpadded for {@code req3}. */
    static boolean affects(byte[] secret) {
        return secret[0] == 0;
    }

    /**
     * The 256 masks {@code HASH('req3', S[1..96) || b)} an affected libtorrent may have used, one
     * per value of the byte it did not set; empty when {@code secret} is not {@linkplain #affects affected}
     * or begins with two zero bytes (one connection in 65,536, whose 65,536 candidates would cost
     * more than the connection is worth).
     */
    static byte[][] candidateReq3Masks(byte[] secret) {
        if (!affects(secret) || secret[1] == 0) {
            return new byte[0][];
        }
        byte[] unpadded = Arrays.copyOfRange(secret, 1, secret.length + 1);
        byte[][] masks = new byte[256][];
        for (int b = 0; b < 256; b++) {
            unpadded[unpadded.length - 1] = (byte) b;
            masks[b] = MseKeys.req3(unpadded);
        }
        return masks;
    }
}
