package org.swarmport.peer.tracker;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

import org.swarmport.peer.bencode.BDecoder;
import org.swarmport.peer.bencode.BDictionary;
import org.swarmport.peer.bencode.BInteger;
import org.swarmport.peer.bencode.BList;
import org.swarmport.peer.bencode.BString;
import org.swarmport.peer.bencode.BValue;
import org.swarmport.peer.bencode.BencodeException;
import org.swarmport.peer.bencode.BencodeLimits;
import org.swarmport.peer.discovery.CompactPeers;
import org.swarmport.peer.discovery.PeerAddress;
import org.swarmport.peer.discovery.PeerAddressException;
import org.swarmport.peer.metainfo.InfoHash;

/**
 * Reads the bencoded body of an HTTP tracker's answer: announce (BEP 3; compact peers BEP 23,
 * {@code peers6} BEP 7, or the dictionary model) and scrape (BEP 48). Pure functions over
 * bytes, bounded by {@link TrackerSettings}: every defect is a {@link TrackerException} naming
 * the key.
 */
final class HttpTrackerResponse {

    /** An announce answer, and the {@code tracker id} to send back next time, when the tracker gave one. */
    record Announce(AnnounceResponse response, Optional<String> trackerId) {
    }

    /** Longest interval believed: a day. A tracker asking for more is broken, not patient. */
    static final long MAX_INTERVAL_SECONDS = 24 * 3600;

    private HttpTrackerResponse() {
    }

    static Announce announce(byte[] body, TrackerSettings settings) throws TrackerException {
        BDictionary root = root(body, settings);
        Optional<String> warning = text(root, "warning message");
        Duration interval = interval(root, "interval")
                .orElseThrow(() -> TrackerException.failed("tracker answer has no interval"));
        Duration minInterval = interval(root, "min interval").orElse(Duration.ZERO);
        Set<InetSocketAddress> peers = new LinkedHashSet<>();
        BValue v4 = root.get("peers");
        if (v4 != null) {
            if (v4.type() == BValue.Type.STRING) {
                peers.addAll(compact((BString) v4, false, "peers", settings.maxPeers()));
            } else if (v4.type() == BValue.Type.LIST) {
                peers.addAll(dictionaryModel((BList) v4, settings.maxPeers()));
            } else {
                throw TrackerException.failed("tracker answer: peers is " + v4.type().withArticle()
                        + ", expected a string or a list");
            }
        }
        BValue v6 = root.get("peers6");
        if (v6 != null) {
            if (v6.type() != BValue.Type.STRING) {
                throw TrackerException.failed("tracker answer: peers6 is " + v6.type().withArticle() + ", expected a string");
            }
            peers.addAll(compact((BString) v6, true, "peers6", settings.maxPeers()));
        }
        if (peers.size() > settings.maxPeers()) {
            throw TrackerException.failed("tracker answer has " + peers.size() + " peers, more than the limit of "
                    + settings.maxPeers());
        }
        AnnounceResponse response = new AnnounceResponse(interval, minInterval, new ArrayList<>(peers),
                count(root, "complete"), count(root, "incomplete"), warning);
        return new Announce(response, trackerId(root));
    }

    /** BEP 48: {@code files} maps each 20-byte info-hash the tracker knows to its counts. */
    static Map<InfoHash, ScrapeStats> scrape(byte[] body, List<InfoHash> hashes, TrackerSettings settings)
            throws TrackerException {
        BDictionary root = root(body, settings);
        BValue files = root.get("files");
        if (files == null) {
            throw TrackerException.failed("scrape answer has no files");
        }
        if (files.type() != BValue.Type.DICTIONARY) {
            throw TrackerException.failed("scrape answer: files is " + files.type().withArticle() + ", expected a dictionary");
        }
        Map<InfoHash, ScrapeStats> stats = new HashMap<>();
        for (InfoHash hash : hashes) {
            BValue entry = ((BDictionary) files).get(BString.of(hash.truncated()));
            if (entry == null) {
                continue;
            }
            if (entry.type() != BValue.Type.DICTIONARY) {
                throw TrackerException.failed("scrape answer: the entry of " + hash.hex() + " is "
                        + entry.type().withArticle() + ", expected a dictionary");
            }
            BDictionary counts = (BDictionary) entry;
            stats.put(hash, new ScrapeStats(count(counts, "complete").orElse(0), count(counts, "downloaded").orElse(0),
                    count(counts, "incomplete").orElse(0)));
        }
        return stats;
    }

    /** Throws the refusal when {@code body} carries a {@code failure reason}; anything else in it is ignored. */
    static void throwIfRefused(byte[] body, TrackerSettings settings) throws TrackerException {
        try {
            root(body, settings);
        } catch (TrackerException e) {
            if (e.refused()) {
                throw e;
            }
        }
    }

    /** The top dictionary; a {@code failure reason} in it is the tracker's refusal (BEP 3). */
    private static BDictionary root(byte[] body, TrackerSettings settings) throws TrackerException {
        BencodeLimits limits = BencodeLimits.of(settings.maxResponseSize(), 8, settings.maxResponseSize(),
                4 * settings.maxPeers() + 256);
        BValue value;
        try {
            value = BDecoder.decode(body, limits);
        } catch (BencodeException e) {
            throw TrackerException.failed("tracker answer is not bencode: " + e.getMessage());
        }
        if (value.type() != BValue.Type.DICTIONARY) {
            throw TrackerException.failed("tracker answer is " + value.type().withArticle() + ", expected a dictionary");
        }
        BDictionary root = (BDictionary) value;
        Optional<String> failure = text(root, "failure reason");
        if (failure.isPresent()) {
            throw TrackerException.refused(failure.get());
        }
        return root;
    }

    private static List<InetSocketAddress> compact(BString value, boolean ipv6, String key, int maxPeers)
            throws TrackerException {
        try {
            return CompactPeers.decode(value.bytes(), ipv6, maxPeers);
        } catch (PeerAddressException e) {
            throw TrackerException.failed("tracker answer: " + key + ": " + e.getMessage());
        }
    }

    /** BEP 3's original form: a list of {@code {peer id, ip, port}}; {@code ip} may be a name, left unresolved. */
    private static List<InetSocketAddress> dictionaryModel(BList list, int maxPeers) throws TrackerException {
        if (list.size() > maxPeers) {
            throw TrackerException.failed("tracker answer has " + list.size() + " peers, more than the limit of " + maxPeers);
        }
        List<InetSocketAddress> peers = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String where = "tracker answer: peers[" + i + "]";
            BValue item = list.get(i);
            if (item.type() != BValue.Type.DICTIONARY) {
                throw TrackerException.failed(where + " is " + item.type().withArticle() + ", expected a dictionary");
            }
            BDictionary peer = (BDictionary) item;
            BValue ip = peer.get("ip");
            BValue port = peer.get("port");
            if (ip == null || ip.type() != BValue.Type.STRING) {
                throw TrackerException.failed(where + ".ip is missing or not a string");
            }
            if (port == null || port.type() != BValue.Type.INTEGER) {
                throw TrackerException.failed(where + ".port is missing or not an integer");
            }
            long number = ((BInteger) port).value();
            try {
                if (number < 1 || number > 65535) {
                    throw new PeerAddressException("port " + number + " is outside 1..65535");
                }
                peers.add(PeerAddress.of(new String(((BString) ip).bytes(), StandardCharsets.UTF_8), (int) number));
            } catch (PeerAddressException e) {
                throw TrackerException.failed(where + ": " + e.getMessage());
            }
        }
        return peers;
    }

    private static Optional<Duration> interval(BDictionary root, String key) throws TrackerException {
        OptionalLong seconds = integer(root, key);
        if (seconds.isEmpty()) {
            return Optional.empty();
        }
        if (seconds.getAsLong() < 0 || seconds.getAsLong() > MAX_INTERVAL_SECONDS) {
            throw TrackerException.failed("tracker answer: " + key + " " + seconds.getAsLong() + " is outside 0.."
                    + MAX_INTERVAL_SECONDS + " seconds");
        }
        return Optional.of(Duration.ofSeconds(seconds.getAsLong()));
    }

    /** A count, which a tracker can only get wrong by sending a negative one; huge ones are capped. */
    private static OptionalInt count(BDictionary dictionary, String key) throws TrackerException {
        OptionalLong value = integer(dictionary, key);
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        if (value.getAsLong() < 0) {
            throw TrackerException.failed("tracker answer: " + key + " is negative");
        }
        return OptionalInt.of((int) Math.min(Integer.MAX_VALUE, value.getAsLong()));
    }

    private static OptionalLong integer(BDictionary dictionary, String key) throws TrackerException {
        BValue value = dictionary.get(key);
        if (value == null) {
            return OptionalLong.empty();
        }
        if (value.type() != BValue.Type.INTEGER) {
            throw TrackerException.failed("tracker answer: " + key + " is " + value.type().withArticle()
                    + ", expected an integer");
        }
        return OptionalLong.of(((BInteger) value).value());
    }

    /**
     * {@code tracker id}: opaque bytes to send back verbatim, so kept one char per byte
     * (ISO-8859-1), not decoded as text and not cut.
     */
    private static Optional<String> trackerId(BDictionary root) throws TrackerException {
        BValue value = root.get("tracker id");
        if (value == null) {
            return Optional.empty();
        }
        if (value.type() != BValue.Type.STRING) {
            throw TrackerException.failed("tracker answer: tracker id is " + value.type().withArticle()
                    + ", expected a string");
        }
        return Optional.of(new String(((BString) value).bytes(), StandardCharsets.ISO_8859_1));
    }

    private static Optional<String> text(BDictionary dictionary, String key) throws TrackerException {
        BValue value = dictionary.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value.type() != BValue.Type.STRING) {
            throw TrackerException.failed("tracker answer: " + key + " is " + value.type().withArticle()
                    + ", expected a string");
        }
        byte[] bytes = ((BString) value).bytes();
        return Optional.of(TrackerText.of(bytes, 0, bytes.length));
    }
}
