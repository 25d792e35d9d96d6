package org.swarmport.peer.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hashes an MSE handshake derives from the shared secret S and the stream key SKEY (the
 * torrent's 20-byte info-hash): HASH is SHA-1 over the concatenation of its arguments.
 *
 * <ul>
 * <li>{@code HASH('req1', S)}: the marker the responder synchronises on after the initiator's padding;
 * <li>{@code HASH('req2', SKEY) xor HASH('req3', S)}: tells the responder which torrent, without
 *     showing the info-hash to an observer;
 * <li>{@code HASH('keyA', S, SKEY)} and {@code HASH('keyB', S, SKEY)}: the RC4 keys of the
 *     initiator's and the responder's direction.
 * </ul>
 */
final class MseKeys {

    static final int HASH_BYTES = 20;

    private MseKeys() {
    }

    static byte[] req1(byte[] secret) {
        return hash("req1", secret, null);
    }

    static byte[] req2(byte[] skey) {
        return hash("req2", skey, null);
    }

    static byte[] req3(byte[] secret) {
        return hash("req3", secret, null);
    }

    /** The cipher of the initiator's direction: A encrypts with it, B decrypts. */
    static Rc4Cipher keyA(byte[] secret, byte[] skey) {
        return new Rc4Cipher(hash("keyA", secret, skey));
    }

    /** The cipher of the responder's direction: B encrypts with it, A decrypts. */
    static Rc4Cipher keyB(byte[] secret, byte[] skey) {
        return new Rc4Cipher(hash("keyB", secret, skey));
    }

    static byte[] xor(byte[] a, byte[] b) {
        byte[] out = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (byte) (a[i] ^ b[i]);
        }
        return out;
    }

    private static byte[] hash(String label, byte[] first, byte[] second) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-1 (MessageDigest's documentation).
            throw new IllegalStateException("SHA-1 missing from this JDK", e);
        }
        sha1.update(label.getBytes(StandardCharsets.US_ASCII));
        sha1.update(first);
        if (second != null) {
            sha1.update(second);
        }
        return sha1.digest();
    }
}
