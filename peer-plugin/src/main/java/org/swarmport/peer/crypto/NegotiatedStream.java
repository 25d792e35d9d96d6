package org.swarmport.peer.crypto;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * What a connection became once its {@link MseHandshake} is done: the ciphers of its two
 * directions (the identity for plaintext), the torrent it is about where MSE named one, and the
 * plaintext BitTorrent bytes the handshake already took from the peer.
 *
 * <p>The engine first parses {@link #received()} (the initial payload an MSE initiator carried,
 * normally its BitTorrent handshake, or the plaintext handshake's first bytes), then every further
 * byte from the peer after passing it through {@link #inbound()}, and passes every byte it sends
 * through {@link #outbound()}.
 */
public final class NegotiatedStream {

    private final CryptoMethod method;
    private final boolean encryptedHandshake;
    private final WireCipher inbound;
    private final WireCipher outbound;
    private final byte[] skey;
    private final byte[] received;

    NegotiatedStream(CryptoMethod method, boolean encryptedHandshake, WireCipher inbound, WireCipher outbound,
            byte[] skey, byte[] received) {
        this.method = method;
        this.encryptedHandshake = encryptedHandshake;
        this.inbound = inbound;
        this.outbound = outbound;
        this.skey = skey == null ? null : skey.clone();
        this.received = received;
    }

    /**
     * The outcome of a completed MSE handshake: the RC4 ciphers carry on into the payload when RC4
     * was selected; with plaintext selected they stop at the end of the handshake.
     */
    static NegotiatedStream afterMse(CryptoMethod selected, WireCipher inbound, WireCipher outbound, byte[] skey,
            byte[] received) {
        boolean rc4 = selected == CryptoMethod.RC4;
        return new NegotiatedStream(selected, true, rc4 ? inbound : WireCipher.PLAINTEXT,
                rc4 ? outbound : WireCipher.PLAINTEXT, skey, received);
    }

    /** How the payload travels: {@link CryptoMethod#RC4} or {@link CryptoMethod#PLAINTEXT}. */
    public CryptoMethod method() {
        return method;
    }

    /** True when an MSE handshake took place (even one that selected plaintext), false for a plain BEP 3 start. */
    public boolean encryptedHandshake() {
        return encryptedHandshake;
    }

    /** Deciphers what the peer sends from now on. */
    public WireCipher inbound() {
        return inbound;
    }

    /** Enciphers what we send from now on. */
    public WireCipher outbound() {
        return outbound;
    }

    /**
     * The SKEY (20-byte info-hash) the stream is about: the one an initiator was given, or the one
     * a responder identified. Empty for an incoming plaintext connection: there the BitTorrent
     * handshake names the torrent.
     */
    public Optional<byte[]> skey() {
        return Optional.ofNullable(skey).map(byte[]::clone);
    }

    /** Plaintext bytes of the peer's BitTorrent stream the handshake already consumed (read-only; may be empty). */
    public ByteBuffer received() {
        return ByteBuffer.wrap(received).asReadOnlyBuffer();
    }

    @Override
    public String toString() {
        return (encryptedHandshake ? "MSE " : "BEP 3 ") + method;
    }
}
