package org.swarmport.tracker.udp;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stateless BEP 15 connection ids: an id is HMAC-SHA-256 over (time window, client port,
 * client address), keyed with a random key of that window, cut to 64 bits. Nothing is stored
 * per client, so a flood of connects costs no memory.
 *
 * <p>Time runs in windows of {@link #WINDOW_MILLIS}. An id issued in window {@code w} is
 * accepted in {@code w} and {@code w + 1}: for at least 60 s and at most 120 s, which covers
 * BEP 15's "a client can use a connection ID until one minute after it has received it" and
 * its "a tracker should accept it until two minutes after it has been sent". Each window gets
 * a fresh key from {@link SecureRandom}; only the current and the previous window's keys are
 * kept, so older ids fail.
 *
 * <p>The clock is a parameter ({@code nowMillis}) so tests are deterministic. If it goes back,
 * the latest window seen stays current. Thread-safe; the fast path takes no lock.
 */
public final class ConnectionIdIssuer {

    public static final long WINDOW_MILLIS = 60_000;

    private static final String ALGORITHM = "HmacSHA256";
    private static final int KEY_BYTES = 32;
    /** window (8) + port (2) + address length (1) + address (up to 16). */
    private static final int MAX_INPUT = 8 + 2 + 1 + 16;

    /**
     * {@code Mac} is not thread-safe. The thread-local holds only a JDK object, so container
     * threads pin no class of this web application after it is undeployed.
     */
    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(ConnectionIdIssuer::newMac);

    private final Random random;
    private volatile Keys keys;

    public ConnectionIdIssuer() {
        this(new SecureRandom());
    }

    /** With a chosen source of keys; tests pass a seeded one, production a {@link SecureRandom}. */
    ConnectionIdIssuer(Random random) {
        this.random = random;
        this.keys = new Keys(Long.MIN_VALUE, newKey(), null);
    }

    /**
     * The id to send in a connect answer to {@code address:port}.
     *
     * @param address 4 (IPv4) or 16 (IPv6) bytes, as {@code InetAddress.getAddress()} gives them
     */
    public long issue(byte[] address, int port, long nowMillis) {
        Keys k = keysAt(nowMillis);
        return mac(k.current, k.window, address, port);
    }

    /** Whether {@code connectionId} was issued to {@code address:port} in this window or the last. */
    public boolean isValid(long connectionId, byte[] address, int port, long nowMillis) {
        Keys k = keysAt(nowMillis);
        if (mac(k.current, k.window, address, port) == connectionId) {
            return true;
        }
        return k.previous != null && mac(k.previous, k.window - 1, address, port) == connectionId;
    }

    private Keys keysAt(long nowMillis) {
        long window = Math.floorDiv(nowMillis, WINDOW_MILLIS);
        Keys k = keys;
        if (window <= k.window) {
            return k;
        }
        synchronized (this) {
            k = keys;
            if (window > k.window) {
                SecretKeySpec previous = window == k.window + 1 ? k.current : null;
                k = new Keys(window, newKey(), previous);
                keys = k;
            }
            return k;
        }
    }

    private SecretKeySpec newKey() {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return new SecretKeySpec(key, ALGORITHM);
    }

    private static long mac(SecretKeySpec key, long window, byte[] address, int port) {
        if (address.length != 4 && address.length != 16) {
            throw new IllegalArgumentException("address of " + address.length + " bytes");
        }
        byte[] in = new byte[MAX_INPUT];
        for (int i = 0; i < 8; i++) {
            in[i] = (byte) (window >>> (56 - 8 * i));
        }
        in[8] = (byte) (port >>> 8);
        in[9] = (byte) port;
        // The length keeps an IPv4 address apart from an IPv6 one that begins with the same bytes.
        in[10] = (byte) address.length;
        System.arraycopy(address, 0, in, 11, address.length);
        Mac mac = MAC.get();
        try {
            mac.init(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " rejected its own key", e);
        }
        mac.update(in, 0, 11 + address.length);
        byte[] out = mac.doFinal();
        long id = 0;
        for (int i = 0; i < 8; i++) {
            id = (id << 8) | (out[i] & 0xFF);
        }
        return id;
    }

    private record Keys(long window, SecretKeySpec current, SecretKeySpec previous) {
    }

    private static Mac newMac() {
        try {
            return Mac.getInstance(ALGORITHM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is required of every JDK", e);
        }
    }
}
