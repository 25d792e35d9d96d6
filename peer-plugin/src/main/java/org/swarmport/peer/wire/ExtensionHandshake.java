package org.swarmport.peer.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;

import org.swarmport.peer.bencode.BDecoder;
import org.swarmport.peer.bencode.BDictionary;
import org.swarmport.peer.bencode.BEncoder;
import org.swarmport.peer.bencode.BInteger;
import org.swarmport.peer.bencode.BString;
import org.swarmport.peer.bencode.BValue;
import org.swarmport.peer.bencode.BencodeException;
import org.swarmport.peer.bencode.BencodeLimits;

/**
 * The BEP 10 extension handshake: extended message 0, a bencoded dictionary exchanged once
 * after the BitTorrent handshake by peers that set {@code reserved[5] & 0x10}.
 *
 * <p>{@code m} maps extension names ({@code ut_metadata}, {@code ut_pex}) to the message id the
 * sender wants to receive them under; 0 means disabled (BEP 10). The other keys are optional:
 * {@code v} the client's name, {@code p} its listening port, {@code reqq} how many outstanding
 * requests it queues (we keep our pipeline below it), {@code metadata_size} the info
 * dictionary's size (BEP 9), {@code yourip} our address as the peer sees it.
 *
 * <p>Parsing is strict about shape where a wrong value would mislead us (a non-integer id, an id
 * above 255, a negative size) and says which key is wrong; unknown keys are ignored, as BEP 10
 * asks.
 */
public final class ExtensionHandshake {

    /** Largest {@code metadata_size} believed: BEP 9 metadata beyond this is refused by the session too. */
    public static final long MAX_METADATA_SIZE = 64L << 20;

    private static final BencodeLimits LIMITS = BencodeLimits.of(64 * 1024, 4, 8 * 1024, 1024);

    private final Map<String, Integer> extensions;
    private final Optional<String> client;
    private final OptionalInt listenPort;
    private final OptionalInt requestQueue;
    private final OptionalLong metadataSize;
    private final Optional<byte[]> yourIp;

    public ExtensionHandshake(Map<String, Integer> extensions, Optional<String> client, OptionalInt listenPort,
                              OptionalInt requestQueue, OptionalLong metadataSize, Optional<byte[]> yourIp) {
        for (Map.Entry<String, Integer> e : extensions.entrySet()) {
            if (e.getValue() < 0 || e.getValue() > 255) {
                throw new IllegalArgumentException("extension id " + e.getValue() + " for " + e.getKey());
            }
        }
        this.extensions = Collections.unmodifiableMap(new TreeMap<>(extensions));
        this.client = client;
        this.listenPort = listenPort;
        this.requestQueue = requestQueue;
        this.metadataSize = metadataSize;
        this.yourIp = yourIp.map(byte[]::clone);
    }

    /** Parses the payload of extended message 0 (after the extended id byte). */
    public static ExtensionHandshake parse(byte[] payload) throws WireException {
        BDictionary dictionary;
        try {
            BValue value = BDecoder.decode(payload, LIMITS);
            if (!(value instanceof BDictionary d)) {
                throw new WireException("extension handshake is " + value.type().withArticle() + ", not a dictionary");
            }
            dictionary = d;
        } catch (BencodeException e) {
            throw new WireException("extension handshake: " + e.getMessage(), e);
        }
        Map<String, Integer> extensions = new TreeMap<>();
        BValue m = dictionary.get("m");
        if (m != null) {
            if (!(m instanceof BDictionary map)) {
                throw new WireException("extension handshake: 'm' is " + m.type().withArticle() + ", not a dictionary");
            }
            for (int i = 0; i < map.size(); i++) {
                String name = map.keyAt(i).utf8();
                BValue id = map.valueAt(i);
                if (!(id instanceof BInteger integer)) {
                    throw new WireException("extension handshake: m." + printable(name) + " is "
                            + id.type().withArticle() + ", not an integer");
                }
                if (integer.value() < 0 || integer.value() > 255) {
                    throw new WireException("extension handshake: m." + printable(name) + " = " + integer.value()
                            + " is not a message id 0..255");
                }
                if (integer.value() != 0) {
                    extensions.put(name, (int) integer.value());
                }
            }
        }
        Optional<String> client = optionalString(dictionary, "v").map(s -> new String(s, StandardCharsets.UTF_8));
        OptionalInt port = optionalInt(dictionary, "p", 0, 65535);
        OptionalInt reqq = optionalInt(dictionary, "reqq", 0, Integer.MAX_VALUE);
        OptionalLong metadataSize = OptionalLong.empty();
        BValue size = dictionary.get("metadata_size");
        if (size != null) {
            long value = integer(size, "metadata_size");
            if (value < 1 || value > MAX_METADATA_SIZE) {
                throw new WireException("extension handshake: metadata_size " + value + " is outside 1.."
                        + MAX_METADATA_SIZE);
            }
            metadataSize = OptionalLong.of(value);
        }
        Optional<byte[]> yourIp = optionalString(dictionary, "yourip");
        if (yourIp.isPresent() && yourIp.get().length != 4 && yourIp.get().length != 16) {
            throw new WireException("extension handshake: yourip of " + yourIp.get().length
                    + " bytes (expected 4 or 16)");
        }
        return new ExtensionHandshake(extensions, client,
                port.isPresent() && port.getAsInt() == 0 ? OptionalInt.empty() : port, reqq, metadataSize, yourIp);
    }

    private static long integer(BValue value, String key) throws WireException {
        if (!(value instanceof BInteger integer)) {
            throw new WireException("extension handshake: '" + key + "' is " + value.type().withArticle()
                    + ", not an integer");
        }
        return integer.value();
    }

    private static OptionalInt optionalInt(BDictionary dictionary, String key, int min, int max) throws WireException {
        BValue value = dictionary.get(key);
        if (value == null) {
            return OptionalInt.empty();
        }
        long v = integer(value, key);
        if (v < min || v > max) {
            throw new WireException("extension handshake: '" + key + "' = " + v + " is outside " + min + ".." + max);
        }
        return OptionalInt.of((int) v);
    }

    private static Optional<byte[]> optionalString(BDictionary dictionary, String key) throws WireException {
        BValue value = dictionary.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof BString string)) {
            throw new WireException("extension handshake: '" + key + "' is " + value.type().withArticle()
                    + ", not a string");
        }
        return Optional.of(string.bytes());
    }

    private static String printable(String name) {
        String cut = name.length() > 40 ? name.substring(0, 40) + "…" : name;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    /** The bencoded payload for extended message 0. */
    public byte[] toBytes() {
        BEncoder out = new BEncoder(128).beginDictionary();
        out.string("m").beginDictionary();
        for (Map.Entry<String, Integer> e : extensions.entrySet()) {
            out.string(e.getKey()).integer(e.getValue());
        }
        out.end();
        // keys in sorted order, as bencode requires: m, metadata_size, p, reqq, v, yourip
        metadataSize.ifPresent(size -> out.string("metadata_size").integer(size));
        listenPort.ifPresent(port -> out.string("p").integer(port));
        requestQueue.ifPresent(q -> out.string("reqq").integer(q));
        client.ifPresent(v -> out.string("v").string(v));
        yourIp.ifPresent(ip -> out.string("yourip").string(ip));
        return out.end().toByteArray();
    }

    /** Extension name to the id the sender receives it under; disabled extensions (id 0) are absent. */
    public Map<String, Integer> extensions() {
        return extensions;
    }

    /** The id to send extension {@code name} under, if the peer supports it. */
    public OptionalInt idOf(String name) {
        Integer id = extensions.get(name);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    public Optional<String> client() {
        return client;
    }

    public OptionalInt listenPort() {
        return listenPort;
    }

    public OptionalInt requestQueue() {
        return requestQueue;
    }

    public OptionalLong metadataSize() {
        return metadataSize;
    }

    public Optional<byte[]> yourIp() {
        return yourIp.map(byte[]::clone);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExtensionHandshake that && extensions.equals(that.extensions)
                && client.equals(that.client) && listenPort.equals(that.listenPort)
                && requestQueue.equals(that.requestQueue) && metadataSize.equals(that.metadataSize)
                && Arrays.equals(yourIp.orElse(null), that.yourIp.orElse(null));
    }

    @Override
    public int hashCode() {
        return extensions.hashCode() * 31 + client.hashCode();
    }

    @Override
    public String toString() {
        return "ExtensionHandshake[m=" + extensions + ", v=" + client.orElse("?") + ", reqq="
                + (requestQueue.isPresent() ? requestQueue.getAsInt() : "?") + "]";
    }
}
