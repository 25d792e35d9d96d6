package org.swarmport.peer.crypto;

/**
 * Whether a connection uses message stream encryption (MSE/PE), the obfuscation every major
 * client speaks. One policy governs both directions: what an outgoing connection starts with, and
 * what an incoming one accepts.
 *
 * <table>
 * <caption>What each policy does</caption>
 * <tr><th></th><th>outgoing</th><th>incoming plaintext handshake</th><th>incoming MSE handshake</th></tr>
 * <tr><td>{@link #DISABLED}</td><td>plaintext BitTorrent handshake</td><td>accepted</td><td>refused</td></tr>
 * <tr><td>{@link #PREFERRED}</td><td>MSE offering RC4 and plaintext</td><td>accepted</td><td>accepted, RC4 chosen when offered</td></tr>
 * <tr><td>{@link #REQUIRED}</td><td>MSE offering RC4 only</td><td>refused</td><td>accepted only with RC4</td></tr>
 * </table>
 *
 * <p>A {@link #PREFERRED} outgoing connection that the peer closes during the MSE handshake may be
 * retried in plaintext ({@link #retriesInPlaintext()}): peers that disable encryption just hang up
 * on the Diffie-Hellman key, which they cannot tell from garbage.
 */
public enum EncryptionPolicy {
    DISABLED,
    PREFERRED,
    REQUIRED;

    /** The {@code crypto_provide} bits an initiator with this policy sends; 0 when it does not run MSE at all. */
    int cryptoProvide() {
        return switch (this) {
            case DISABLED -> 0;
            case PREFERRED -> CryptoMethod.RC4.bit() | CryptoMethod.PLAINTEXT.bit();
            case REQUIRED -> CryptoMethod.RC4.bit();
        };
    }

    /** Whether an incoming plaintext BitTorrent handshake is accepted. */
    public boolean acceptsPlaintextHandshake() {
        return this != REQUIRED;
    }

    /** Whether an incoming MSE handshake is answered. */
    public boolean acceptsEncryptedHandshake() {
        return this != DISABLED;
    }

    /** Whether an outgoing connection whose MSE handshake failed is worth one more try in plaintext. */
    public boolean retriesInPlaintext() {
        return this == PREFERRED;
    }

    /**
     * The responder's {@code crypto_select} for an initiator's {@code crypto_provide}: RC4 when
     * offered (it is what encryption is for), else plaintext unless this policy requires RC4.
     *
     * @throws MseException when the two sides have no method in common
     */
    CryptoMethod select(int cryptoProvide) throws MseException {
        if ((cryptoProvide & CryptoMethod.RC4.bit()) != 0) {
            return CryptoMethod.RC4;
        }
        if ((cryptoProvide & CryptoMethod.PLAINTEXT.bit()) != 0 && this != REQUIRED) {
            return CryptoMethod.PLAINTEXT;
        }
        throw new MseException(String.format(
                "no common crypto method: peer provides 0x%08x, encryption policy %s accepts %s",
                cryptoProvide, this, this == REQUIRED ? "RC4 (0x02) only" : "RC4 (0x02) or plaintext (0x01)"));
    }
}
