package org.swarmport.peer.crypto;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * Side B of {@link MseHandshake}: tells a plaintext BEP 3 handshake from MSE by the first bytes,
 * answers Ya with Yb and PadB, finds {@code HASH('req1', S)} after PadA, identifies the torrent,
 * checks VC, selects a crypto method, reads the initial payload and answers with step 4.
 */
final class MseResponder extends MseHandshake {

    private enum State { DETECT, PUBLIC_KEY, REQ1, SKEY, VC, PAD_C, IA_LENGTH, IA }

    /** VC, crypto_provide, len(PadC). */
    private static final int PROVIDE_BYTES = VC_BYTES + 4 + 2;

    private final SkeyIndex torrents;
    private State state = State.DETECT;
    private byte[] secret;
    private byte[] skey;
    private Rc4Cipher inbound;
    private Rc4Cipher outbound;
    private CryptoMethod selected;

    MseResponder(SkeyIndex torrents, EncryptionPolicy policy, SecureRandom random) {
        super(policy, random);
        this.torrents = Objects.requireNonNull(torrents, "torrents");
        expect(DiffieHellman.KEY_BYTES);
    }

    @Override
    void advance(ByteBuffer src) throws MseException {
        while (!isDone()) {
            switch (state) {
                case DETECT -> {
                    if (!detect(src)) {
                        return;
                    }
                }
                case PUBLIC_KEY -> {
                    if (!fill(src)) {
                        return;
                    }
                    DiffieHellman key = new DiffieHellman(random);
                    secret = key.sharedSecret(field());
                    send(key.publicKey(), randomPadding());
                    expectMarker(MseKeys.req1(secret), MAX_PADDING, "HASH('req1', S) from the initiator");
                    state = State.REQ1;
                }
                case REQ1 -> {
                    if (!scanForMarker(src)) {
                        return;
                    }
                    expect(MseKeys.HASH_BYTES);
                    state = State.SKEY;
                }
                case SKEY -> {
                    if (!fill(src)) {
                        return;
                    }
                    skey = torrents.find(MseKeys.xor(field(), MseKeys.req3(secret)));
                    if (skey == null) {
                        skey = findWithUnpaddedSecret(field());
                    }
                    if (skey == null) {
                        throw new MseException("unknown SKEY: HASH('req2', SKEY) matches no torrent here");
                    }
                    inbound = MseKeys.keyA(secret, skey);
                    outbound = MseKeys.keyB(secret, skey);
                    expect(PROVIDE_BYTES);
                    state = State.VC;
                }
                case VC -> {
                    if (!fillDeciphered(src, inbound)) {
                        return;
                    }
                    byte[] provide = field();
                    if (!allZero(provide, 0, VC_BYTES)) {
                        throw new MseException("bad VC: the initiator's verification constant is not 8 zero bytes");
                    }
                    selected = policy.select(int32(provide, VC_BYTES));
                    expectPadding("PadC", uint16(provide, VC_BYTES + 4));
                    state = State.PAD_C;
                }
                case PAD_C -> {
                    if (!fillDeciphered(src, inbound)) {
                        return;
                    }
                    expect(2);
                    state = State.IA_LENGTH;
                }
                case IA_LENGTH -> {
                    if (!fillDeciphered(src, inbound)) {
                        return;
                    }
                    // At most 65535 bytes: the length field has two.
                    expect(uint16(field(), 0));
                    state = State.IA;
                }
                case IA -> {
                    if (!fillDeciphered(src, inbound)) {
                        return;
                    }
                    sendStep4();
                    finish(NegotiatedStream.afterMse(selected, inbound, outbound, skey, field()));
                }
            }
        }
    }

    /**
     * Reads the first bytes one at a time (they are also the first bytes of Ya) until
     * {@link IncomingKind} decides; true once MSE is to go on.
     */
    private boolean detect(ByteBuffer src) throws MseException {
        while (fillOne(src)) {
            switch (IncomingKind.classify(field(), 0, fieldFilled())) {
                case ENCRYPTED -> {
                    if (!policy.acceptsEncryptedHandshake()) {
                        throw new MseException("peer starts an MSE handshake (or garbage) but encryption is disabled");
                    }
                    state = State.PUBLIC_KEY;
                    return true;
                }
                case PLAINTEXT -> {
                    if (!policy.acceptsPlaintextHandshake()) {
                        throw new MseException("peer sent a plaintext BitTorrent handshake but encryption is required");
                    }
                    finish(new NegotiatedStream(CryptoMethod.PLAINTEXT, false, WireCipher.PLAINTEXT,
                            WireCipher.PLAINTEXT, null, Arrays.copyOf(field(), fieldFilled())));
                    return false;
                }
                case UNDECIDED -> {
                }
            }
        }
        return false;
    }

    /** The torrent an initiator with {@link UnpaddedSecret libtorrent's unpadded S} named, or null. */
    private byte[] findWithUnpaddedSecret(byte[] obfuscated) {
        for (byte[] mask : UnpaddedSecret.candidateReq3Masks(secret)) {
            byte[] found = torrents.find(MseKeys.xor(obfuscated, mask));
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private void sendStep4() {
        // PadD stays empty, as PadC: reserved for extending the handshake.
        byte[] encrypted = new byte[VC_BYTES + 4 + 2];
        putInt32(encrypted, VC_BYTES, selected.bit());
        outbound.apply(encrypted, 0, encrypted.length);
        send(encrypted);
    }
}
