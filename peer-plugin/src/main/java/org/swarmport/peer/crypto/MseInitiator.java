package org.swarmport.peer.crypto;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * Side A of {@link MseHandshake}: sends Ya and PadA at once, step 3 (with the initial payload)
 * as soon as Yb has arrived, then finds the responder's encrypted VC after PadB and reads its
 * {@code crypto_select} and PadD.
 */
final class MseInitiator extends MseHandshake {

    private enum State { PUBLIC_KEY, VC, SELECT, PAD_D }

    /** VC, crypto_select, len(PadD): the fixed part of step 4 after the marker. */
    private static final int SELECT_BYTES = 4 + 2;

    private final byte[] skey;
    private final int cryptoProvide;
    private final byte[] initialPayload;
    private DiffieHellman key;
    private State state = State.PUBLIC_KEY;
    private Rc4Cipher outbound;
    private Rc4Cipher inbound;
    private CryptoMethod selected;

    MseInitiator(byte[] skey, EncryptionPolicy policy, int cryptoProvide, byte[] initialPayload, SecureRandom random) {
        super(policy, random);
        this.skey = Objects.requireNonNull(skey, "skey").clone();
        this.cryptoProvide = cryptoProvide;
        this.initialPayload = Objects.requireNonNull(initialPayload, "initialPayload").clone();
        if (initialPayload.length > MAX_INITIAL_PAYLOAD) {
            throw new IllegalArgumentException("initial payload of " + initialPayload.length + " bytes exceeds "
                    + MAX_INITIAL_PAYLOAD);
        }
        if (cryptoProvide == 0) {
            // Encryption disabled: a plain BEP 3 start, the payload goes out as it is.
            send(this.initialPayload);
            finish(new NegotiatedStream(CryptoMethod.PLAINTEXT, false, WireCipher.PLAINTEXT, WireCipher.PLAINTEXT,
                    this.skey, new byte[0]));
            return;
        }
        key = new DiffieHellman(random);
        send(key.publicKey(), randomPadding());
        expect(DiffieHellman.KEY_BYTES);
    }

    @Override
    void advance(ByteBuffer src) throws MseException {
        while (!isDone()) {
            switch (state) {
                case PUBLIC_KEY -> {
                    if (!fill(src)) {
                        return;
                    }
                    byte[] secret = key.sharedSecret(field());
                    secretComputed(secret);
                    sendStep3(secret);
                    // The responder's first encrypted bytes are VC, 8 zeros: its keystream is the marker.
                    byte[] encryptedVc = new byte[VC_BYTES];
                    inbound.apply(encryptedVc, 0, VC_BYTES);
                    expectMarker(encryptedVc, MAX_PADDING, "encrypted VC from the responder");
                    state = State.VC;
                }
                case VC -> {
                    if (!scanForMarker(src)) {
                        return;
                    }
                    expect(SELECT_BYTES);
                    state = State.SELECT;
                }
                case SELECT -> {
                    if (!fillDeciphered(src, inbound)) {
                        return;
                    }
                    selected = checkSelect(int32(field(), 0));
                    expectPadding("PadD", uint16(field(), 4));
                    state = State.PAD_D;
                }
                case PAD_D -> {
                    // PadD's content is meaningless, but it went through the keystream.
                    if (!fillDeciphered(src, inbound)) {
                        return;
                    }
                    finish(NegotiatedStream.afterMse(selected, inbound, outbound, skey, new byte[0]));
                }
            }
        }
    }

    private void sendStep3(byte[] secret) {
        outbound = MseKeys.keyA(secret, skey);
        inbound = MseKeys.keyB(secret, skey);
        // PadC stays empty: the specification reserves it for extending the handshake, and PadA
        // already hides the lengths.
        byte[] encrypted = new byte[VC_BYTES + 4 + 2 + 2 + initialPayload.length];
        putInt32(encrypted, VC_BYTES, cryptoProvide);
        putUint16(encrypted, VC_BYTES + 4, 0);
        putUint16(encrypted, VC_BYTES + 6, initialPayload.length);
        System.arraycopy(initialPayload, 0, encrypted, VC_BYTES + 8, initialPayload.length);
        outbound.apply(encrypted, 0, encrypted.length);
        send(MseKeys.req1(secret), MseKeys.xor(MseKeys.req2(skey), MseKeys.req3(secret)), encrypted);
    }

    private CryptoMethod checkSelect(int select) throws MseException {
        for (CryptoMethod method : CryptoMethod.values()) {
            if (select == method.bit() && (cryptoProvide & select) != 0) {
                return method;
            }
        }
        throw new MseException(String.format("peer selected crypto method 0x%08x, we provided 0x%08x",
                select, cryptoProvide));
    }
}
