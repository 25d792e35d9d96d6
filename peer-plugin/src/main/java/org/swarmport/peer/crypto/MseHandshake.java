package org.swarmport.peer.crypto;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * The message stream encryption (MSE/PE) handshake of one connection, as a non-blocking state
 * machine over byte buffers: it never reads or writes a socket, so a NIO selector loop, a test or
 * a fuzzer drives it the same way.
 *
 * <pre>
 * 1 A-&gt;B: Ya, PadA
 * 2 B-&gt;A: Yb, PadB
 * 3 A-&gt;B: HASH('req1', S), HASH('req2', SKEY) xor HASH('req3', S),
 *         ENCRYPT(VC, crypto_provide, len(PadC), PadC, len(IA)), ENCRYPT(IA)
 * 4 B-&gt;A: ENCRYPT(VC, crypto_select, len(PadD), PadD), ENCRYPT2(payload stream)
 * 5 A-&gt;B: ENCRYPT2(payload stream)
 * </pre>
 *
 * <p>Use: make one with {@link #initiator} (outgoing connection; the initial payload IA is our
 * BitTorrent handshake) or {@link #responder} (incoming connection; it also accepts a plaintext
 * BEP 3 handshake when the policy allows, telling the two apart by {@link IncomingKind}). Then,
 * until {@link #isDone()}: write {@link #output()} to the socket whenever it
 * {@link #hasOutput() has bytes}, and hand every received byte to {@link #receive}. Once done,
 * flush what is left in {@link #output()}, then carry on with {@link #result()}: its ciphers, and
 * its {@link NegotiatedStream#received() received} bytes, which come before any byte
 * {@link #receive} left in the caller's buffer.
 *
 * <p>{@link #receive} consumes exactly the handshake's bytes and stops there: bytes after the
 * handshake stay in the caller's buffer, still enciphered for {@link NegotiatedStream#inbound()}.
 * Every failure (garbage, no synchronisation marker where the specification puts a limit, padding
 * over 512 bytes, a wrong verification constant, no common crypto method, an unknown torrent) is an
 * {@link MseException}; after one the handshake stays failed. Timeouts are the caller's: a peer
 * that stops sending leaves the state machine waiting. Not thread-safe: one network thread owns it.
 */
public abstract sealed class MseHandshake permits MseInitiator, MseResponder {

    /** Longest PadA, PadB, PadC or PadD the specification allows. */
    public static final int MAX_PADDING = 512;

    /** Longest initial payload: len(IA) is a 2-byte field. */
    public static final int MAX_INITIAL_PAYLOAD = 0xffff;

    /** The verification constant: 8 zero bytes, which prove the peer derived the same key. */
    static final int VC_BYTES = 8;

    private static final SecureRandom DEFAULT_RANDOM = new SecureRandom();

    final EncryptionPolicy policy;
    final SecureRandom random;

    private ByteBuffer output = ByteBuffer.allocate(0);
    private NegotiatedStream result;
    private MseException failure;
    private boolean secretMisreadByLibtorrent;

    private byte[] field = new byte[0];
    private int fieldFilled;

    private byte[] marker;
    private byte[] scanned;
    private int scannedLength;
    private String markerName;

    MseHandshake(EncryptionPolicy policy, SecureRandom random) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * The handshake of an outgoing connection for the torrent {@code skey} (its 20-byte
     * info-hash, {@link SkeyIndex#skeyOf}), carrying {@code initialPayload} (normally our 68-byte
     * BitTorrent handshake) as IA. With {@link EncryptionPolicy#DISABLED} no MSE takes place: it is
     * done at once, and its output is {@code initialPayload} in plaintext.
     */
    public static MseHandshake initiator(byte[] skey, EncryptionPolicy policy, byte[] initialPayload) {
        return initiator(skey, policy, initialPayload, DEFAULT_RANDOM);
    }

    /** {@link #initiator(byte[], EncryptionPolicy, byte[])} with the given source of keys and padding. */
    public static MseHandshake initiator(byte[] skey, EncryptionPolicy policy, byte[] initialPayload,
            SecureRandom random) {
        return new MseInitiator(skey, policy, policy.cryptoProvide(), initialPayload, random);
    }

    /** The handshake of an incoming connection, for the torrents in {@code torrents}. */
    public static MseHandshake responder(SkeyIndex torrents, EncryptionPolicy policy) {
        return responder(torrents, policy, DEFAULT_RANDOM);
    }

    /** {@link #responder(SkeyIndex, EncryptionPolicy)} with the given source of keys and padding. */
    public static MseHandshake responder(SkeyIndex torrents, EncryptionPolicy policy, SecureRandom random) {
        return new MseResponder(torrents, policy, random);
    }

    /**
     * Takes received bytes from {@code src} (position to limit), as many as the handshake needs,
     * and advances; may add to {@link #output()}. Bytes after the end of the handshake are left in
     * {@code src}.
     *
     * @throws MseException when the peer's bytes end the handshake (then, and on every later call)
     * @throws IllegalStateException when called after {@link #isDone()}
     */
    public final void receive(ByteBuffer src) throws MseException {
        if (failure != null) {
            throw failure;
        }
        if (result != null) {
            throw new IllegalStateException("MSE handshake is done: decipher further bytes with result().inbound()");
        }
        try {
            advance(src);
        } catch (MseException e) {
            failure = e;
            output = ByteBuffer.allocate(0);
            throw e;
        }
    }

    /**
     * Bytes to send to the peer, in read mode: write from it (for example
     * {@code channel.write(handshake.output())}); what is not written stays for the next time.
     */
    public final ByteBuffer output() {
        return output;
    }

    /** Whether {@link #output()} has bytes waiting. */
    public final boolean hasOutput() {
        return output.hasRemaining();
    }

    /** Whether the handshake is over and {@link #result()} is ready (its last output may still wait in {@link #output()}). */
    public final boolean isDone() {
        return result != null;
    }

    /**
     * Whether this initiator's shared secret is one {@link UnpaddedSecret libtorrent misreads}, so
     * that a libtorrent peer hangs up on it: if it did, dial again with a new handshake (a new key)
     * rather than count it as the peer's failure. False for a responder and before Yb arrived.
     */
    public final boolean secretMisreadByLibtorrent() {
        return secretMisreadByLibtorrent;
    }

    final void secretComputed(byte[] secret) {
        secretMisreadByLibtorrent = UnpaddedSecret.affects(secret);
    }

    /** Whether the handshake failed; {@link #receive} rethrows the failure. */
    public final boolean isFailed() {
        return failure != null;
    }

    /**
     * What the connection became.
     *
     * @throws IllegalStateException before {@link #isDone()}
     */
    public final NegotiatedStream result() {
        if (result == null) {
            throw new IllegalStateException("MSE handshake is not done");
        }
        return result;
    }

    /** Moves the state machine forward with bytes from {@code src}; returns when done or out of bytes. */
    abstract void advance(ByteBuffer src) throws MseException;

    final void finish(NegotiatedStream negotiated) {
        result = negotiated;
    }

    /** Appends bytes to {@link #output()}. */
    final void send(byte[]... parts) {
        int length = output.remaining();
        for (byte[] part : parts) {
            length += part.length;
        }
        ByteBuffer grown = ByteBuffer.allocate(length);
        grown.put(output);
        for (byte[] part : parts) {
            grown.put(part);
        }
        output = grown.flip();
    }

    /** Random padding of 0 to {@link #MAX_PADDING} bytes, for PadA and PadB: it hides the length of the keys. */
    final byte[] randomPadding() {
        byte[] padding = new byte[random.nextInt(MAX_PADDING + 1)];
        random.nextBytes(padding);
        return padding;
    }

    /** Starts reading a fixed-length field of {@code length} bytes. */
    final void expect(int length) {
        field = new byte[length];
        fieldFilled = 0;
    }

    /** Copies bytes of the current field from {@code src}; true once it is complete. */
    final boolean fill(ByteBuffer src) {
        int n = Math.min(src.remaining(), field.length - fieldFilled);
        src.get(field, fieldFilled, n);
        fieldFilled += n;
        return fieldFilled == field.length;
    }

    /** {@link #fill}, then deciphers the field with {@code cipher} once it is complete. */
    final boolean fillDeciphered(ByteBuffer src, WireCipher cipher) {
        if (!fill(src)) {
            return false;
        }
        cipher.apply(field, 0, field.length);
        return true;
    }

    /** Checks a len(PadC) or len(PadD) field against the specification's 512 and starts reading the padding. */
    final void expectPadding(String name, int length) throws MseException {
        if (length > MAX_PADDING) {
            throw new MseException(name + " of " + length + " bytes exceeds " + MAX_PADDING);
        }
        expect(length);
    }

    /** Copies at most one byte of the current field from {@code src}; true if it did. */
    final boolean fillOne(ByteBuffer src) {
        if (!src.hasRemaining() || fieldFilled == field.length) {
            return false;
        }
        field[fieldFilled++] = src.get();
        return true;
    }

    /** The current field (complete once {@link #fill} said so). */
    final byte[] field() {
        return field;
    }

    final int fieldFilled() {
        return fieldFilled;
    }

    /**
     * Starts looking for {@code marker} after at most {@code maxSkip} bytes of padding: the way each
     * side finds where the other's random-length padding ends.
     */
    final void expectMarker(byte[] marker, int maxSkip, String name) {
        this.marker = marker;
        this.markerName = name;
        this.scanned = new byte[maxSkip + marker.length];
        this.scannedLength = 0;
    }

    /**
     * Takes bytes from {@code src} one at a time (so that nothing after the marker is consumed)
     * until the last of them are the marker; true once found.
     *
     * @throws MseException when the marker is not within the limit
     */
    final boolean scanForMarker(ByteBuffer src) throws MseException {
        while (src.hasRemaining()) {
            if (scannedLength == scanned.length) {
                throw new MseException("no " + markerName + " within " + (scanned.length - marker.length)
                        + " bytes of padding");
            }
            scanned[scannedLength++] = src.get();
            if (scannedLength >= marker.length && endsWithMarker()) {
                scanned = null;
                return true;
            }
        }
        return false;
    }

    private boolean endsWithMarker() {
        int start = scannedLength - marker.length;
        for (int i = 0; i < marker.length; i++) {
            if (scanned[start + i] != marker[i]) {
                return false;
            }
        }
        return true;
    }

    static int uint16(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xff) << 8) | (bytes[offset + 1] & 0xff);
    }

    static int int32(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xff) << 24) | ((bytes[offset + 1] & 0xff) << 16)
                | ((bytes[offset + 2] & 0xff) << 8) | (bytes[offset + 3] & 0xff);
    }

    static void putInt32(byte[] bytes, int offset, int value) {
        bytes[offset] = (byte) (value >>> 24);
        bytes[offset + 1] = (byte) (value >>> 16);
        bytes[offset + 2] = (byte) (value >>> 8);
        bytes[offset + 3] = (byte) value;
    }

    static void putUint16(byte[] bytes, int offset, int value) {
        bytes[offset] = (byte) (value >>> 8);
        bytes[offset + 1] = (byte) value;
    }

    static boolean allZero(byte[] bytes, int offset, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[offset + i] != 0) {
                return false;
            }
        }
        return true;
    }
}
