package org.swarmport.peer.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.SecureRandom;

/**
 * A peer that speaks MSE by hand, each field set by the test, so that hostile tests can send what
 * an honest {@link MseHandshake} never would. It uses the package's own key arithmetic, so only
 * the field being tested is wrong.
 */
final class HostilePeer {

    final DiffieHellman key = new DiffieHellman(new SecureRandom());
    byte[] secret;
    Rc4Cipher out;
    Rc4Cipher in;

    /** Ya (or Yb) and {@code padding} bytes of padding. */
    byte[] opening(int padding) {
        return concat(key.publicKey(), new byte[padding]);
    }

    /** Takes the other side's public key from its first 96 bytes. */
    void agree(byte[] peerOpening, byte[] skey, boolean initiator) throws MseException {
        byte[] peerKey = java.util.Arrays.copyOf(peerOpening, DiffieHellman.KEY_BYTES);
        secret = key.sharedSecret(peerKey);
        out = initiator ? MseKeys.keyA(secret, skey) : MseKeys.keyB(secret, skey);
        in = initiator ? MseKeys.keyB(secret, skey) : MseKeys.keyA(secret, skey);
    }

    /** Step 3 with every field chosen: the SKEY named, the VC, crypto_provide, PadC length and IA. */
    byte[] step3(byte[] namedSkey, byte[] vc, int provide, int padCLength, byte[] initialPayload) {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        plain.writeBytes(vc);
        plain.writeBytes(ByteBuffer.allocate(4).putInt(provide).array());
        plain.writeBytes(ByteBuffer.allocate(2).putShort((short) padCLength).array());
        plain.writeBytes(new byte[Math.min(padCLength, 600)]);
        plain.writeBytes(ByteBuffer.allocate(2).putShort((short) initialPayload.length).array());
        plain.writeBytes(initialPayload);
        byte[] encrypted = plain.toByteArray();
        out.apply(encrypted, 0, encrypted.length);
        return concat(MseKeys.req1(secret), MseKeys.xor(MseKeys.req2(namedSkey), MseKeys.req3(secret)), encrypted);
    }

    /** Step 4 with every field chosen. */
    byte[] step4(byte[] vc, int select, int padDLength) {
        byte[] plain = concat(vc, ByteBuffer.allocate(4).putInt(select).array(),
                ByteBuffer.allocate(2).putShort((short) padDLength).array(), new byte[Math.min(padDLength, 600)]);
        out.apply(plain, 0, plain.length);
        return plain;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    static byte[] drain(MseHandshake handshake) {
        ByteBuffer out = handshake.output();
        byte[] bytes = new byte[out.remaining()];
        out.get(bytes);
        return bytes;
    }
}
