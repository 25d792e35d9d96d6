package org.swarmport.peer.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.agreement.DHBasicAgreement;
import org.bouncycastle.crypto.generators.DHKeyPairGenerator;
import org.bouncycastle.crypto.params.DHKeyGenerationParameters;
import org.bouncycastle.crypto.params.DHParameters;
import org.bouncycastle.crypto.params.DHPrivateKeyParameters;
import org.bouncycastle.crypto.params.DHPublicKeyParameters;

/**
 * One side's Diffie-Hellman key of an MSE handshake: the specification fixes the group (the
 * 768-bit prime below, generator 2) and a 160-bit private exponent, which is plenty against a
 * passive observer and keeps the handshake cheap. Keys and the shared secret S travel as 96-byte
 * big-endian numbers, left-padded with zeros. Bouncy Castle does the arithmetic.
 */
final class DiffieHellman {

    /** Bytes of a public key (Ya, Yb) and of the shared secret S. */
    static final int KEY_BYTES = 96;

    /** The MSE prime (it is the 768-bit MODP group of RFC 2409, "Oakley group 1"). */
    static final BigInteger PRIME = new BigInteger(
            "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74"
                    + "020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F1437"
                    + "4FE1356D6D51C245E485B576625E7EC6F44C42E9A63A36210000000000090563", 16);

    static final BigInteger GENERATOR = BigInteger.TWO;

    private static final int PRIVATE_KEY_BITS = 160;

    private static final DHParameters GROUP = new DHParameters(PRIME, GENERATOR, null, 0, PRIVATE_KEY_BITS);

    private final DHPrivateKeyParameters privateKey;
    private final byte[] publicKey;

    DiffieHellman(SecureRandom random) {
        DHKeyPairGenerator generator = new DHKeyPairGenerator();
        generator.init(new DHKeyGenerationParameters(random, GROUP));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        privateKey = (DHPrivateKeyParameters) pair.getPrivate();
        publicKey = toKeyBytes(((DHPublicKeyParameters) pair.getPublic()).getY());
    }

    /** Our public key, Ya or Yb, as sent: 96 bytes. */
    byte[] publicKey() {
        return publicKey.clone();
    }

    /** Bit length of our private exponent (the specification's 160). */
    int privateKeyBits() {
        return privateKey.getX().bitLength();
    }

    /**
     * S, from the peer's 96-byte public key.
     *
     * @throws MseException when the peer's key is outside 2..P-2, where the secret would be
     *     predictable (0, 1 or ±1): a hostile or broken peer
     */
    byte[] sharedSecret(byte[] peerKey) throws MseException {
        BigInteger y = new BigInteger(1, peerKey);
        if (y.compareTo(BigInteger.TWO) < 0 || y.compareTo(PRIME.subtract(BigInteger.TWO)) > 0) {
            throw new MseException("peer's Diffie-Hellman public key is outside 2..P-2");
        }
        DHBasicAgreement agreement = new DHBasicAgreement();
        agreement.init(privateKey);
        try {
            return toKeyBytes(agreement.calculateAgreement(new DHPublicKeyParameters(y, GROUP)));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new MseException("peer's Diffie-Hellman public key is unusable: " + e.getMessage());
        }
    }

    static byte[] toKeyBytes(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[KEY_BYTES];
        int copy = Math.min(raw.length, KEY_BYTES);
        // toByteArray may add a leading sign byte (dropped) or be shorter (left-padded).
        System.arraycopy(raw, raw.length - copy, out, KEY_BYTES - copy, copy);
        return out;
    }
}
