package org.swarmport.peer.crypto;

/**
 * How the payload stream travels once an MSE handshake is done: the bits of the handshake's
 * {@code crypto_provide} and {@code crypto_select} fields. With {@link #PLAINTEXT} only the
 * handshake itself (and the initial payload it carries) was encrypted; the obfuscated start is
 * what defeats naive traffic shaping, and the rest costs no CPU.
 */
public enum CryptoMethod {
    PLAINTEXT(0x01),
    RC4(0x02);

    private final int bit;

    CryptoMethod(int bit) {
        this.bit = bit;
    }

    /** The bit in {@code crypto_provide} / {@code crypto_select}. */
    public int bit() {
        return bit;
    }
}
